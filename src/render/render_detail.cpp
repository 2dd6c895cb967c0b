#include "render_detail.hpp"

#include <fmt/format.h>

namespace rpx::render_detail {

std::string pad_right(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  return std::string(text) + std::string(width > w ? width - w : 0, ' ');
}

std::string field(std::string_view indent, std::string_view label_key,
                  std::size_t label_width, std::string_view value) {
  const std::string label = tr(label_key);
  const std::size_t w = display_width(label);
  return std::string(indent) + label +
         std::string(w < label_width ? label_width - w : 1, ' ') +
         std::string(value) + "\n";
}

std::string phase_title(Phase p) {
  return tr("phase.title." + std::string(phase_name(p)));
}

std::string phase_label(Phase p) {
  return tr("phase.label." + std::string(phase_name(p)));
}

std::string basis_label(Basis b) {
  return tr("basis.label." + std::string(basis_name(b)));
}

std::string warning_label() { return tr("label.warning"); }

std::string worked_clause(const std::vector<Date>& worked) {
  if (worked.empty()) {
    return {};
  }
  std::vector<std::string> dates;
  for (Date d : worked) {
    dates.push_back(show_date(d));
  }
  return tr(
      "calendar.worked",
      {{"dates", fmt::format("{}", fmt::join(dates, tr("calendar.and")))}});
}

}  // namespace rpx::render_detail

// `rpx info`: the process as the rules describe it.
#include <fmt/format.h>

#include <rpx/render_info.hpp>

#include "render_detail.hpp"

namespace rpx {

namespace {

using render_detail::local;

/// "English (中文)" when a Chinese form exists: students show it to taxi
/// drivers and officers. In Chinese, the Chinese alone.
std::string bilingual(const Text& t) {
  const std::string& own = local(t);
  if (output_lang() != Lang::zh && t.has("zh") && t.in("zh") != own) {
    return tr("info.with_chinese", {{"text", own}, {"zh", t.in("zh")}});
  }
  return own;
}

constexpr std::size_t k_office_label = 9;  // "Address: " in English

std::string office_lines(const Office& o, std::string_view indent) {
  using render_detail::field;
  std::string out;
  if (!o.address.by_lang.empty()) {
    out += field(indent, "info.address", k_office_label, local(o.address));
    if (output_lang() != Lang::zh && o.address.has("zh")) {
      out += std::string(indent) + std::string(k_office_label, ' ') +
             o.address.in("zh") + "\n";
    }
  }
  if (!o.hours.by_lang.empty()) {
    out += field(indent, "info.hours", k_office_label, local(o.hours));
  }
  if (!o.phone.empty()) {
    out += field(indent, "info.phone", k_office_label, o.phone);
  }
  return out;
}

std::string steps_text(const Rules& r) {
  using render_detail::field;
  std::string out =
      tr("info.rule", {{"days", r.advance_days.count()},
                       {"workdays", r.processing_workdays.value}}) +
      "\n\n";
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const Step& s = r.steps[i];
    out += fmt::format("{}. {} ({})\n", i + 1, local(s.title), s.id);
    if (const Office* o = r.office(s.office)) {
      out += field("   ", "info.office", k_office_label, bilingual(o->name));
      out += office_lines(*o, "   ");
    }
    for (const Text& b : s.bring) {
      out += field("   ", "info.bring", k_office_label, local(b));
    }
    for (const Text& n : s.notes) {
      out += field("   ", "info.note", k_office_label, local(n));
    }
  }
  return out;
}

std::string offices_text(const Rules& r) {
  std::string out;
  for (const Office& o : r.offices) {
    if (!out.empty()) {
      out += "\n";
    }
    out += fmt::format("{}\n", local(o.name));
    if (output_lang() != Lang::zh && o.name.has("zh")) {
      out += fmt::format("  {}\n", o.name.in("zh"));
    }
    out += office_lines(o, "  ");
    std::vector<std::string> steps;
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
      if (r.steps[i].office == o.id) {
        steps.push_back(fmt::format("{} ({})", i + 1, r.steps[i].id));
      }
    }
    if (!steps.empty()) {
      out += render_detail::field("  ", "info.steps", k_office_label,
                                  fmt::format("{}", fmt::join(steps, ", ")));
    }
  }
  return out;
}

std::string fees_text(const Rules& r) {
  std::string out;
  for (const Fee& f : r.fees) {
    out +=
        fmt::format("{} {}: {}\n", f.amount, f.currency, local(f.description));
    out +=
        render_detail::field("  ", "info.payment", k_office_label, local(f.payment));
  }
  return out;
}

}  // namespace

std::string render_info(const Rules& r, InfoTopic topic) {
  switch (topic) {
    case InfoTopic::steps:
      return steps_text(r);
    case InfoTopic::offices:
      return offices_text(r);
    case InfoTopic::fees:
      return fees_text(r);
    case InfoTopic::all:
      break;
  }
  return fmt::format("{}\n{}\n\n{}\n{}\n\n{}", steps_text(r),
                     tr("info.offices"), offices_text(r), tr("info.fees"),
                     fees_text(r));
}

}  // namespace rpx

// `rpx info`: the process as the rules describe it.
#include <fmt/format.h>

#include <rpx/render_info.hpp>

namespace rpx {

namespace {

/// "English (中文)" when a Chinese form exists: students show it to taxi
/// drivers and officers.
std::string bilingual(const Text& t) {
  if (t.has("zh") && t.in("zh") != t.en()) {
    return fmt::format("{} ({})", t.en(), t.in("zh"));
  }
  return t.en();
}

std::string office_lines(const Office& o, std::string_view indent) {
  std::string out;
  if (!o.address.by_lang.empty()) {
    out += fmt::format("{}Address: {}\n", indent, o.address.en());
    if (o.address.has("zh")) {
      out += fmt::format("{}         {}\n", indent, o.address.in("zh"));
    }
  }
  if (!o.hours.by_lang.empty()) {
    out += fmt::format("{}Hours:   {}\n", indent, o.hours.en());
  }
  if (!o.phone.empty()) {
    out += fmt::format("{}Phone:   {}\n", indent, o.phone);
  }
  return out;
}

std::string steps_text(const Rules& r) {
  std::string out = fmt::format(
      "File at least {} days before the permit expires; the passport comes "
      "back about {} workdays after the Progress Note.\n\n",
      r.advance_days.count(), r.processing_workdays.value);
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const Step& s = r.steps[i];
    out += fmt::format("{}. {} ({})\n", i + 1, s.title.en(), s.id);
    if (const Office* o = r.office(s.office)) {
      out += fmt::format("   Office:  {}\n", bilingual(o->name));
      out += office_lines(*o, "   ");
    }
    for (const Text& b : s.bring) {
      out += fmt::format("   Bring:   {}\n", b.en());
    }
    for (const Text& n : s.notes) {
      out += fmt::format("   Note:    {}\n", n.en());
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
    out += fmt::format("{}\n", o.name.en());
    if (o.name.has("zh")) {
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
      out += fmt::format("  Steps:   {}\n", fmt::join(steps, ", "));
    }
  }
  return out;
}

std::string fees_text(const Rules& r) {
  std::string out;
  for (const Fee& f : r.fees) {
    out += fmt::format("{} {}: {}\n  Payment: {}\n", f.amount, f.currency,
                       f.description.en(), f.payment.en());
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
  return fmt::format("{}\nOffices\n\n{}\nFees\n\n{}", steps_text(r),
                     offices_text(r), fees_text(r));
}

}  // namespace rpx

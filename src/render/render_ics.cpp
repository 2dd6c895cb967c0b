// `rpx export ics`: the Assessment's dates as all-day events with alarms.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <rpx/render.hpp>
#include <rpx/render_ics.hpp>
#include <vector>

#include "render_detail.hpp"

namespace rpx {

namespace {

using date::days;

/// RFC 5545, 3.1: "Lines of text SHOULD NOT be longer than 75 octets".
constexpr std::size_t k_max_line_octets = 75;

/// The other events' alarms, days before the day: a week's notice of the
/// filing deadline and the expiry, the eve of the ready estimate.
constexpr int k_deadline_alarm_days = 7;
constexpr int k_expiry_alarm_days = 7;
constexpr int k_ready_alarm_days = 1;

struct Alarm {
  int days_before = 0;
  std::string description;
};

struct Event {
  std::string_view id;  // the UID's first part; never changes
  Date day;
  std::string summary;
  std::vector<std::string> description;  // paragraphs
  std::vector<Alarm> alarms;
};

/// What every event shares: who, whether there is still something to do.
struct Facts {
  const StudentState& state;
  const Assessment& a;
  const Rules& rules;
  std::optional<Date> submitted;
  std::optional<Date> collected;
};

std::string ics_date(Date d) {
  std::string s = format_date(d);
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s;
}

using render_detail::local;

/// "The filing deadline falls on a Sunday: ...", and the other days the
/// office is closed, one sentence each.
std::vector<std::string> moved_sentences(const Facts& f,
                                         std::string_view subject_key) {
  const Deadline& dl = f.a.deadline;
  std::vector<std::string> out;
  if (dl.moved_by == MovedBy::none) {
    return out;
  }
  out.push_back(
      tr("ics.moved",
         {{"subject", tr(subject_key)},
          {"clause", render_detail::filing_day_clause(dl.filing_day)}}));
  const std::string also = render_detail::also_closed_clause(dl);
  if (!also.empty()) {
    out.push_back(tr("ics.sentence", {{"clause", also}}));
  }
  return out;
}

Event last_office_day_event(const Facts& f) {
  const Deadline& dl = f.a.deadline;
  Event e{"last-office-day",
          dl.last_office_day,
          tr("ics.last_office_day.summary"),
          {},
          {}};
  e.description.push_back(
      tr("ics.last_office_day.rule",
         {{"deadline", show_weekday_date(dl.filing_deadline)},
          {"n", f.rules.advance_days.count()},
          {"expiry", show_date(dl.expiry)}}));
  for (std::string& s : moved_sentences(f, "ics.subject.filing_deadline")) {
    e.description.push_back(std::move(s));
  }
  const std::string q = render_detail::last_office_day_clause(dl);
  if (!q.empty()) {
    e.description.push_back(tr("ics.this_day_is", {{"what", q}}));
  }
  if (f.submitted) {
    e.description.push_back(tr("ics.last_office_day.submitted",
                               {{"date", show_date(*f.submitted)}}));
    return e;
  }
  for (int n : {k_first_alarm_days, k_last_alarm_days}) {
    e.alarms.push_back(
        {n, tr("ics.last_office_day.alarm",
               {{"n", n}, {"date", show_date(dl.last_office_day)}})});
  }
  return e;
}

Event filing_deadline_event(const Facts& f) {
  const Deadline& dl = f.a.deadline;
  Event e{"filing-deadline",
          dl.filing_deadline,
          tr("ics.filing_deadline.summary"),
          {},
          {}};
  e.description.push_back(tr(
      "ics.filing_deadline.rule",
      {{"n", f.rules.advance_days.count()}, {"expiry", show_date(dl.expiry)}}));
  if (dl.moved_by == MovedBy::none) {
    e.description.push_back(tr("ics.filing_deadline.open"));
  } else {
    for (std::string& s : moved_sentences(f, "ics.subject.this_day")) {
      e.description.push_back(std::move(s));
    }
    e.description.push_back(
        tr("ics.filing_deadline.so",
           {{"date", show_weekday_date(dl.last_office_day)}}));
  }
  if (!f.submitted) {
    e.alarms.push_back(
        {k_deadline_alarm_days, tr("ics.filing_deadline.alarm",
                                   {{"n", k_deadline_alarm_days},
                                    {"date", show_date(dl.last_office_day)}})});
  }
  return e;
}

Event expiry_event(const Facts& f) {
  const Deadline& dl = f.a.deadline;
  Event e{"expiry", dl.expiry, tr("ics.expiry.summary"), {}, {}};
  e.description.push_back(
      tr("ics.expiry.text", {{"date", show_weekday_date(dl.last_office_day)}}));
  if (f.submitted) {
    e.description.push_back(
        tr("ics.submitted_on", {{"date", show_date(*f.submitted)}}));
  } else {
    e.alarms.push_back(
        {k_expiry_alarm_days,
         tr("ics.expiry.alarm",
            {{"n", k_expiry_alarm_days}, {"date", show_date(dl.expiry)}})});
  }
  return e;
}

Event ready_event(const Facts& f) {
  const Date ready = *f.a.ready_estimate;
  Event e{"ready-estimate", ready, tr("ics.ready.summary"), {}, {}};
  e.description.push_back(
      tr("ics.ready.text", {{"date", show_date(*f.submitted)},
                            {"n", f.rules.processing_workdays.value}}));
  if (const Step* step = f.rules.step(step_id(StepId::collect))) {
    if (const Office* office = f.rules.office(step->office)) {
      const std::string& address = local(office->address);
      e.description.push_back(
          address.empty()
              ? tr("ics.ready.collect_at", {{"office", local(office->name)}})
              : tr("ics.ready.collect_at_address",
                   {{"office", local(office->name)}, {"address", address}}));
    }
  }
  if (f.a.ready_note.basis != Basis::official) {
    e.description.push_back(
        tr("ics.ready.may_move",
           {{"warning",
             calendar_warning(f.a.ready_note, tr("subject.this_estimate"))}}));
  }
  if (f.collected) {
    e.description.push_back(
        tr("ics.collected_on", {{"date", show_date(*f.collected)}}));
  } else {
    e.alarms.push_back({k_ready_alarm_days,
                        tr("ics.ready.alarm", {{"date", show_date(ready)}})});
  }
  return e;
}

std::vector<Event> events_of(const Facts& f) {
  std::vector<Event> events = {last_office_day_event(f),
                               filing_deadline_event(f), expiry_event(f)};
  for (const std::string& w : deadline_warnings(f.a.deadline)) {
    events[0].description.push_back(tr("ics.note", {{"text", w}}));
    events[1].description.push_back(tr("ics.note", {{"text", w}}));
  }
  if (f.a.ready_estimate && f.submitted) {
    events.push_back(ready_event(f));
  }
  if (!f.state.name.empty()) {
    for (Event& e : events) {
      e.summary =
          tr("ics.with_name", {{"summary", e.summary}, {"name", f.state.name}});
    }
  }
  return events;
}

class Writer {
 public:
  void prop(std::string_view name, std::string_view value) {
    m_out += ics_fold(fmt::format("{}:{}", name, value));
  }
  void text(std::string_view name, std::string_view value) {
    prop(name, ics_escape(value));
  }
  std::string take() { return std::move(m_out); }

 private:
  std::string m_out;
};

/// BEGIN:VCALENDAR and the calendar's own properties, named `name`.
void begin_calendar(Writer& w, std::string_view name) {
  w.prop("BEGIN", "VCALENDAR");
  w.prop("VERSION", "2.0");
  w.prop("PRODID", "-//rpx//rpx " RPX_VERSION "//EN");
  w.prop("CALSCALE", "GREGORIAN");
  w.prop("METHOD", "PUBLISH");
  w.text("X-WR-CALNAME", name);
}

/// How an event is written: its UID, SEQUENCE, and whether with alarms.
struct EventForm {
  std::string uid;
  std::int64_t sequence = 0;
  bool alarms = true;
};

void write_event(Writer& w, const Event& e, const EventForm& form,
                 std::string_view stamp) {
  w.prop("BEGIN", "VEVENT");
  w.text("UID", form.uid);
  w.prop("DTSTAMP", stamp);
  w.prop("DTSTART;VALUE=DATE", ics_date(e.day));
  w.prop("DTEND;VALUE=DATE", ics_date(e.day + days{1}));
  // A calendar that imports the file again sees a newer version of the
  // event and replaces it.
  w.prop("SEQUENCE",
         std::to_string(std::min<std::int64_t>(
             form.sequence, std::numeric_limits<std::int32_t>::max())));
  w.text("SUMMARY", e.summary);
  std::string description;
  for (const std::string& p : e.description) {
    description += (description.empty() ? "" : "\n") + p;
  }
  w.text("DESCRIPTION", description);
  w.prop("TRANSP", "TRANSPARENT");  // a reminder, not a busy day
  for (const Alarm& alarm : form.alarms ? e.alarms : std::vector<Alarm>{}) {
    w.prop("BEGIN", "VALARM");
    w.prop("ACTION", "DISPLAY");
    w.prop("TRIGGER", fmt::format("-P{}D", alarm.days_before));
    w.text("DESCRIPTION", alarm.description);
    w.prop("END", "VALARM");
  }
  w.prop("END", "VEVENT");
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto b = static_cast<unsigned char>(c);
    if (b == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      ++i;  // a C1 control (U+0080-U+009F): dropped like C0 ones
    } else if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n' ||
               (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      out += "\\n";
    } else if ((b >= 0x20 && b != 0x7F) || c == '\t') {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = k_max_line_octets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Never inside a UTF-8 sequence: back up to its lead byte.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = k_max_line_octets - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string render_ics(const StudentState& state, const Assessment& a,
                       const Rules& rules, date::sys_seconds stamp) {
  const Facts f{state, a, rules, a.step(StepId::submit).done,
                a.step(StepId::collect).done};
  const std::string dtstamp = date::format("%Y%m%dT%H%M%SZ", stamp);
  Writer w;
  begin_calendar(
      w, state.name.empty()
             ? tr("ics.calendar_name")
             : tr("ics.with_name", {{"summary", tr("ics.calendar_name")},
                                    {"name", state.name}}));
  for (const Event& e : events_of(f)) {
    // The file's revision rises with every change to it.
    write_event(w, e,
                {fmt::format("{}-{}@rpx", e.id, state.uuid), state.revision},
                dtstamp);
  }
  w.prop("END", "VCALENDAR");
  return w.take();
}

std::string render_ics_cohort_events(const StudentState& state,
                                     const Assessment& a, const Rules& rules,
                                     date::sys_seconds stamp,
                                     std::int64_t calendar_generation) {
  const Facts f{state, a, rules, a.step(StepId::submit).done,
                a.step(StepId::collect).done};
  const std::string dtstamp = date::format("%Y%m%dT%H%M%SZ", stamp);
  const std::size_t cycle = state.history.size() + 1;
  // Saturating: a revision near the top must not overflow (write_event caps
  // the sum at the 32 bits SEQUENCE has anyway).
  const std::int64_t sequence =
      state.revision >
              std::numeric_limits<std::int64_t>::max() - calendar_generation
          ? std::numeric_limits<std::int64_t>::max()
          : state.revision + calendar_generation;
  Writer w;
  for (Event& e : events_of(f)) {
    const bool wanted = e.id == "expiry" || e.id == "ready-estimate" ||
                        (e.id == "last-office-day" && !f.submitted);
    if (!wanted) {
      continue;
    }
    if (state.name.empty()) {  // staff tell students apart by id then
      e.summary = tr(
          "ics.with_name",
          {{"summary", e.summary},
           {"name", state.student_id.empty() ? state.uuid : state.student_id}});
    }
    e.description.insert(
        e.description.begin(),
        tr("ics.cohort.who",
           {{"name", state.name.empty() ? "-" : state.name},
            {"id", state.student_id.empty() ? "-" : state.student_id}}));
    write_event(w, e,
                {fmt::format("{}-{}-c{}@rpx", e.id, state.uuid, cycle),
                 sequence, false},
                dtstamp);
  }
  return w.take();
}

std::string render_ics_cohort(const std::vector<std::string>& events) {
  Writer w;
  begin_calendar(w, tr("ics.cohort.calendar_name"));
  std::string out = w.take();
  for (const std::string& e : events) {
    out += e;
  }
  return out + "END:VCALENDAR\r\n";
}

}  // namespace rpx

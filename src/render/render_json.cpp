// Machine output: the student object of docs/cli.md. Keys are never translated.
#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <rpx/render.hpp>
#include <rpx/utf8.hpp>

#include "json_detail.hpp"

namespace rpx {

namespace {

using Json = nlohmann::ordered_json;
using render_detail::date_or_null;

Json string_or_null(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Json steps_json(const Cycle& c) {
  Json steps = Json::array();
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    steps.push_back({{"id", k_step_ids[i]},
                     {"n", i + 1},
                     {"done", date_or_null(c.steps[i].done)},
                     {"note", string_or_null(c.steps[i].note)}});
  }
  return steps;
}

/// The finished cycles, oldest first, as recorded.
Json history_json(const StudentState& s) {
  Json out = Json::array();
  for (const Cycle& c : s.history) {
    out.push_back(
        {{"expiry", format_date(c.expiry)},
         {"new_expiry", date_or_null(c.new_expiry)},
         {"steps", steps_json(c)},
         {"progress_note", c.progress_note ? date_or_null(c.progress_note->date)
                                           : Json(nullptr)}});
  }
  return out;
}

/// JSON text written as it goes, laid out exactly as nlohmann's
/// `dump(indent)` lays out the same tree (-1: compact): `check` writes one
/// student object per student, and a tree for each cost more than the rest
/// of the batch.
class JsonText {
 public:
  JsonText(int indent, std::size_t margin)
      : m_indent(indent), m_margin(margin) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// One of rpx's own member names: ASCII letters and `_`, nothing to
  /// escape.
  JsonText& name(std::string_view k) {
    element();
    m_out += '"';
    m_out += k;
    m_out += m_indent < 0 ? "\":" : "\": ";
    m_after_key = true;
    return *this;
  }

  JsonText& key(std::string_view k) {
    element();
    quoted(k);
    m_out += m_indent < 0 ? ":" : ": ";
    m_after_key = true;
    return *this;
  }
  void string(std::string_view v) {
    element();
    quoted(v);
  }
  void string_or_null(std::string_view v) { v.empty() ? null() : string(v); }
  void date_or_null(const std::optional<Date>& d) { d ? date(*d) : null(); }
  /// A date as format_date writes it: never anything to escape.
  void date(Date d) {
    element();
    m_out += '"';
    m_out += format_date(d);
    m_out += '"';
  }
  void null() { literal("null"); }
  void boolean(bool b) { literal(b ? "true" : "false"); }
  void integer(long long n) {
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, n).ptr;
    literal(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  /// A value kept as the file wrote it (an extra field), as nlohmann would
  /// write it once parsed.
  void raw(const std::string& text) {
    if (text.size() >= 2 && text.front() == '"' &&
        text.find('\\') == std::string::npos) {
      literal(text);  // a string without escapes: the same bytes
      return;
    }
    const std::string dumped =
        Json::parse(text, nullptr, false)
            .dump(m_indent, ' ', false, Json::error_handler_t::replace);
    element();
    for (std::size_t from = 0; from < dumped.size();) {
      const std::size_t line = std::min(dumped.find('\n', from), dumped.size());
      m_out.append(dumped, from, line - from);
      if (line < dumped.size()) {
        m_out += '\n';
        m_out.append(depth_indent(), ' ');
      }
      from = line + 1;
    }
  }

  void reserve(std::size_t n) { m_out.reserve(n); }
  std::string take() { return std::move(m_out); }

 private:
  void literal(std::string_view text) {
    element();
    m_out += text;
  }

  /// The spaces that start a line at the current depth.
  std::size_t depth_indent() const {
    return m_indent < 0
               ? 0
               : m_margin + static_cast<std::size_t>(m_indent) * m_first.size();
  }

  /// Before a member or an element: the comma and the line break.
  void element() {
    if (m_after_key) {
      m_after_key = false;
      return;
    }
    if (m_first.empty()) {
      return;
    }
    const bool first = m_first.back() != 0;
    m_first.back() = 0;
    if (m_indent < 0) {
      if (!first) {
        m_out += ',';
      }
      return;
    }
    m_out.append(first ? "\n" : ",\n");
    m_out.append(depth_indent(), ' ');
  }

  void open(char c) {
    element();
    m_out += c;
    m_first.push_back(1);
  }

  void close(char c) {
    const bool empty = m_first.back() != 0;
    m_first.pop_back();
    if (!empty && m_indent >= 0) {
      m_out += '\n';
      m_out.append(depth_indent(), ' ');
    }
    m_out += c;
  }

  void quoted(std::string_view s) {
    bool ascii = true;
    bool plain_only = true;
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      ascii = ascii && c < 0x80;
      plain_only = plain_only && c >= 0x20 && c != '"' && c != '\\';
    }
    if (!ascii && !is_valid_utf8(s)) {
      // Bad bytes (a file name) are replaced as nlohmann replaces them.
      m_out += Json(std::string(s))
                   .dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    if (plain_only) {  // nearly every string: no escape to write
      m_out += '"';
      m_out += s;
      m_out += '"';
      return;
    }
    m_out += '"';
    std::size_t plain = 0;  // the start of a run that needs no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      m_out.append(s, plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"':
          m_out += "\\\"";
          break;
        case '\\':
          m_out += "\\\\";
          break;
        case '\b':
          m_out += "\\b";
          break;
        case '\f':
          m_out += "\\f";
          break;
        case '\n':
          m_out += "\\n";
          break;
        case '\r':
          m_out += "\\r";
          break;
        case '\t':
          m_out += "\\t";
          break;
        default:
          m_out += fmt::format("\\u{:04x}", c);
          break;
      }
    }
    m_out.append(s, plain, s.size() - plain);
    m_out += '"';
  }

  int m_indent;
  std::size_t m_margin;
  std::string m_out;
  /// One per open object or array: true until it has an element.
  std::vector<std::uint8_t> m_first;
  bool m_after_key = false;
};

}  // namespace

std::string render_student_json(const std::string& file, const StudentState& s,
                                const Assessment& a, Date today, int indent,
                                std::size_t margin) {
  const OutputLangScope english(Lang::en);  // machine output
  const Deadline& dl = a.deadline;
  JsonText j(indent < 0 ? -1 : indent, margin);
  j.reserve(1024);
  j.begin_object();
  j.name("file").string(file);
  j.name("name").string_or_null(s.name);
  j.name("student_id").string_or_null(s.student_id);
  j.name("uuid").string(s.uuid);
  j.name("as_of").date(today);
  j.name("phase").string(phase_name(a.phase));
  j.name("expiry").date(dl.expiry);
  j.name("filing_deadline").date(dl.filing_deadline);
  j.name("last_office_day").date(dl.last_office_day);
  j.name("days_to_deadline").integer(a.days_to_deadline);
  j.name("days_to_expiry").integer(a.days_to_expiry);
  j.name("deadline_moved_by")
      .string_or_null(dl.moved_by == MovedBy::none
                          ? std::string_view()
                          : moved_by_name(dl.moved_by));
  if (dl.holiday) {
    j.name("deadline_holiday").string(dl.holiday->en());
  } else {
    j.name("deadline_holiday").null();
  }
  j.name("next_step").string_or_null(a.next_step);
  j.name("next_action").string_or_null(a.next_action);
  j.name("steps").begin_array();
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    j.begin_object();
    j.name("id").string(a.steps[i].id);
    j.name("n").integer(a.steps[i].n);
    j.name("done").date_or_null(a.steps[i].done);
    j.name("note").string_or_null(s.current.steps[i].note);
    j.end_object();
  }
  j.end_array();
  j.name("progress_note").date_or_null(a.progress_note);
  if (s.current.progress_note) {
    j.name("phone").string_or_null(s.current.progress_note->phone);
  } else {
    j.name("phone").null();
  }
  j.name("ready_estimate").date_or_null(a.ready_estimate);
  if (a.ready_earliest) {
    j.name("ready_estimate_range").begin_object();
    j.name("from").date(*a.ready_earliest);
    j.name("to").date(*a.ready_latest);
    j.end_object();
  } else {
    j.name("ready_estimate_range").null();
  }
  j.name("calendar_covered").boolean(a.calendar_covered);
  j.name("calendar_basis").string(basis_name(a.calendar_basis));
  j.name("warnings").begin_array();
  for (const std::string& w : assessment_warnings(a)) {
    j.string(w);
  }
  j.end_array();
  j.name("extra").begin_object();
  for (const auto& [key, raw] : s.unknown) {
    j.key(key).raw(raw);
  }
  j.end_object();
  j.name("history").begin_array();
  for (const Cycle& c : s.history) {
    j.begin_object();
    j.name("expiry").date(c.expiry);
    j.name("new_expiry").date_or_null(c.new_expiry);
    j.name("steps").begin_array();
    for (std::size_t i = 0; i < c.steps.size(); ++i) {
      j.begin_object();
      j.name("id").string(k_step_ids[i]);
      j.name("n").integer(static_cast<long long>(i + 1));
      j.name("done").date_or_null(c.steps[i].done);
      j.name("note").string_or_null(c.steps[i].note);
      j.end_object();
    }
    j.end_array();
    j.name("progress_note")
        .date_or_null(c.progress_note
                          ? std::optional<Date>(c.progress_note->date)
                          : std::nullopt);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return margin > 0 ? j.take() : j.take() + "\n";
}

std::string render_history_json(const std::string& file,
                                const StudentState& s) {
  Json j;
  j["file"] = file;
  j["name"] = string_or_null(s.name);
  j["student_id"] = string_or_null(s.student_id);
  j["expiry"] = format_date(s.current.expiry);
  j["history"] = history_json(s);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace rpx

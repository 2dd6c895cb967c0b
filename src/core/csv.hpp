// Reading CSV (RFC 4180) one record at a time. Internal to the roster
// parser (roster.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <rpx/messages.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// One CSV record as read, before any meaning is given to it.
struct CsvRecord {
  std::size_t line = 0;  // physical line where it starts, from 1
  std::vector<std::string> fields;
  /// A syntax error; the fields are then incomplete.
  std::optional<Message> error;
};

/// RFC 4180 records, one at a time, with the physical line each starts on.
/// CRLF, LF and a lone CR end a record; a quoted field may hold commas,
/// doubled quotes and line breaks (read as "\n").
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : m_text(text) {}

  /// Reads the next record into `r`; false at the end of the text.
  bool next(CsvRecord& r);

 private:
  std::size_t size() const { return m_text.size(); }
  int peek() const {
    return m_pos < size() ? static_cast<unsigned char>(m_text[m_pos]) : -1;
  }
  /// Consumes one line break (CRLF, LF or a lone CR), if there is one.
  bool line_break();
  /// The rest of a quoted field, its opening quote consumed. False (with
  /// `r.error` set) on a syntax error.
  bool quoted(std::string& field, CsvRecord& r);

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
};

}  // namespace rpx

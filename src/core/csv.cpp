#include "csv.hpp"

namespace rpx {

bool CsvReader::next(CsvRecord& r) {
  if (m_pos >= m_text.size()) {
    return false;
  }
  r.line = m_line;
  r.fields.clear();
  r.error.reset();
  for (;;) {
    r.fields.emplace_back();
    if (peek() == '"') {
      ++m_pos;
      if (!quoted(r.fields.back(), r)) {
        return true;
      }
    } else {
      const std::size_t end = m_text.find_first_of(",\r\n", m_pos);
      const std::size_t stop = end == std::string_view::npos ? size() : end;
      r.fields.back().assign(m_text.substr(m_pos, stop - m_pos));
      m_pos = stop;
    }
    if (peek() != ',') {
      line_break();
      return true;
    }
    ++m_pos;
  }
}

bool CsvReader::line_break() {
  if (peek() == '\r') {
    ++m_pos;
    if (peek() == '\n') {
      ++m_pos;
    }
  } else if (peek() == '\n') {
    ++m_pos;
  } else {
    return false;
  }
  ++m_line;
  return true;
}

bool CsvReader::quoted(std::string& field, CsvRecord& r) {
  for (;;) {
    if (m_pos >= size()) {
      r.error = Message("error.csv.unclosed_quote");
      return false;
    }
    const char c = m_text[m_pos];
    if (c == '"') {
      ++m_pos;
      if (peek() != '"') {
        break;
      }
      field += '"';
      ++m_pos;
    } else if (line_break()) {
      field += '\n';
    } else {
      const std::size_t end = m_text.find_first_of("\"\r\n", m_pos);
      const std::size_t stop = end == std::string_view::npos ? size() : end;
      field.append(m_text.substr(m_pos, stop - m_pos));
      m_pos = stop;
    }
  }
  const int after = peek();
  if (after == ',' || after == '\r' || after == '\n' || after == -1) {
    return true;
  }
  r.error = Message("error.csv.text_after_quote");
  // Skip the rest of the line, so that the next record starts cleanly.
  while (m_pos < size() && peek() != '\r' && peek() != '\n') {
    ++m_pos;
  }
  line_break();
  return false;
}

}  // namespace rpx

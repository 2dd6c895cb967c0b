#include <rpx/errors.hpp>
#include <rpx/state_pack.hpp>

namespace rpx {

namespace {

constexpr std::string_view k_hex = "0123456789abcdef";

/// The value of a lowercase hex digit, or -1.
constexpr int hex_value(char c) noexcept {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                : -1;
}

/// True for a UUID as rpx makes them: 36 characters, lowercase hex digits
/// and dashes at 8, 13, 18 and 23, which pack into 16 bytes.
bool is_canonical_uuid(std::string_view u) noexcept {
  if (u.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < u.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? u[i] != '-' : hex_value(u[i]) < 0) {
      return false;
    }
  }
  return true;
}

class Packer {
 public:
  explicit Packer(std::string& out) : m_out(out) {}

  void number(std::uint64_t v) {
    while (v >= 0x80) {
      m_out += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    m_out += static_cast<char>(v);
  }
  void signed_number(std::int64_t v) {
    // Zigzag: small negative numbers stay short.
    number((static_cast<std::uint64_t>(v) << 1) ^
           static_cast<std::uint64_t>(v >> 63));
  }
  void text(std::string_view s) {
    number(s.size());
    m_out += s;
  }
  void date(Date d) { signed_number(d.time_since_epoch().count()); }
  void uuid(std::string_view u) {
    if (!is_canonical_uuid(u)) {
      number(0);
      text(u);
      return;
    }
    number(1);
    for (std::size_t i = 0; i < u.size();) {
      if (u[i] == '-') {
        ++i;
        continue;
      }
      m_out += static_cast<char>(hex_value(u[i]) << 4 | hex_value(u[i + 1]));
      i += 2;
    }
  }
  void date(const std::optional<Date>& d) {
    number(d ? 1 : 0);
    if (d) {
      date(*d);
    }
  }
  void unknown(const Unknown& u) {
    number(u.size());
    for (const auto& [key, raw] : u) {
      text(key);
      text(raw);
    }
  }
  void cycle(const Cycle& c) {
    date(c.expiry);
    for (const StepRecord& s : c.steps) {
      date(s.done);
      text(s.note);
      unknown(s.unknown);
    }
    number(c.progress_note ? 1 : 0);
    if (c.progress_note) {
      date(c.progress_note->date);
      text(c.progress_note->phone);
      unknown(c.progress_note->unknown);
    }
    date(c.new_expiry);
    unknown(c.unknown);
  }

 private:
  std::string& m_out;
};

class Unpacker {
 public:
  explicit Unpacker(std::string_view in) : m_in(in) {}

  std::uint64_t number() {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      if (m_at >= m_in.size() || shift > 63) {
        throw InternalError("a packed state is cut short");
      }
      const auto byte = static_cast<unsigned char>(m_in[m_at++]);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) {
        return v;
      }
    }
  }
  std::int64_t signed_number() {
    const std::uint64_t v = number();
    return static_cast<std::int64_t>(v >> 1) ^
           -static_cast<std::int64_t>(v & 1);
  }
  std::string_view text() {
    const std::uint64_t n = number();
    if (n > m_in.size() - m_at) {
      throw InternalError("a packed state is cut short");
    }
    const std::string_view s = m_in.substr(m_at, n);
    m_at += n;
    return s;
  }
  Date date() { return Date(date::days(signed_number())); }
  std::string uuid() {
    if (number() == 0) {
      return std::string(text());
    }
    if (m_in.size() - m_at < 16) {
      throw InternalError("a packed state is cut short");
    }
    std::string u;
    u.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        u += '-';
      }
      const auto byte = static_cast<unsigned char>(m_in[m_at++]);
      u += k_hex[byte >> 4];
      u += k_hex[byte & 0x0F];
    }
    return u;
  }
  std::optional<Date> optional_date() {
    if (number() == 0) {
      return std::nullopt;
    }
    return date();
  }
  Unknown unknown() {
    Unknown u(number());
    for (auto& [key, raw] : u) {
      key = text();
      raw = text();
    }
    return u;
  }
  Cycle cycle() {
    Cycle c;
    c.expiry = date();
    for (StepRecord& s : c.steps) {
      s.done = optional_date();
      s.note = text();
      s.unknown = unknown();
    }
    if (number() != 0) {
      ProgressNote note;
      note.date = date();
      note.phone = text();
      note.unknown = unknown();
      c.progress_note = std::move(note);
    }
    c.new_expiry = optional_date();
    c.unknown = unknown();
    return c;
  }

 private:
  std::string_view m_in;
  std::size_t m_at = 0;
};

}  // namespace

void pack_state(const StudentState& s, std::string& out) {
  Packer p(out);
  p.text(s.student_id);
  p.signed_number(s.schema);
  p.text(s.rules);
  p.uuid(s.uuid);
  p.signed_number(s.revision);
  p.text(s.name);
  p.cycle(s.current);
  p.number(s.history.size());
  for (const Cycle& c : s.history) {
    p.cycle(c);
  }
  p.unknown(s.unknown);
}

StudentState unpack_state(std::string_view packed) {
  Unpacker u(packed);
  StudentState s;
  s.student_id = u.text();
  s.schema = static_cast<int>(u.signed_number());
  s.rules = u.text();
  s.uuid = u.uuid();
  s.revision = u.signed_number();
  s.name = u.text();
  s.current = u.cycle();
  s.history.resize(u.number());
  for (Cycle& c : s.history) {
    c = u.cycle();
  }
  s.unknown = u.unknown();
  return s;
}

std::string_view packed_student_id(std::string_view packed) noexcept {
  std::uint64_t n = 0;
  std::size_t at = 0;
  for (int shift = 0; at < packed.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(packed[at++]);
    n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (byte < 0x80) {
      break;
    }
  }
  return packed.substr(at, std::min<std::uint64_t>(n, packed.size() - at));
}

}  // namespace rpx

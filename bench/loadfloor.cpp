// The start-up floor of a program linked like rpx: the same shared
// libraries (libstdc++, fmt, date-tz, uuid, utf8proc), loaded and
// relocated, then one line printed. scripts/bench times it next to `cat`
// and `rpx status`: no C++ program linked against Debian's shared fmt and
// date-tz starts faster than this.
#include <date/tz.h>
#include <fmt/core.h>
#include <utf8proc.h>
#include <uuid/uuid.h>

int main(int argc, char**) {
  // Never true when run as scripts/bench runs it; the calls keep each
  // library linked.
  if (argc > 100) {
    uuid_t id;
    uuid_generate(id);
    fmt::print("{} {}\n", date::locate_zone("UTC")->name(), utf8proc_version());
  }
  fmt::print("rpx\n");
}

#include <fcntl.h>

#include <csignal>

#include "app.hpp"

int main(int argc, char** argv) {
  // Past `ulimit -f` the kernel sends SIGXFSZ, whose default kills rpx in
  // the middle of a save; ignored, the write fails with EFBIG instead, and
  // rpx reports it (exit 74, naming the file) after removing its temporary
  // file.
  std::signal(SIGXFSZ, SIG_IGN);
  // A standard stream that was closed (`rpx done photo >&-`) would let the
  // next open() take its number, and output meant for it would land in a
  // lock or state file. /dev/null read-only keeps the number taken while
  // writes to it still fail (EBADF), as on the closed stream.
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1) {
      ::open("/dev/null", O_RDONLY);  // the lowest free number: `fd`
    }
  }
  return rpx::cli::run(argc, argv);
}

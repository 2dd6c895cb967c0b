#include <csignal>

#include "app.hpp"

int main(int argc, char** argv) {
  // Past `ulimit -f` the kernel sends SIGXFSZ, whose default kills rpx in
  // the middle of a save; ignored, the write fails with EFBIG instead, and
  // rpx reports it (exit 74, naming the file) after removing its temporary
  // file.
  std::signal(SIGXFSZ, SIG_IGN);
  return rpx::cli::run(argc, argv);
}

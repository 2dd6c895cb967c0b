#include "app.hpp"

int main(int argc, char** argv) { return rpx::cli::run(argc, argv); }

#include <gtest/gtest.h>

#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <string>

namespace {

namespace ex = rpx::exit_status;

int code_of(const rpx::Error& e) { return e.exit_code(); }

TEST(Error, EachKindCarriesItsExitCode) {
  EXPECT_EQ(code_of(rpx::UsageError("u")), ex::k_usage);
  EXPECT_EQ(code_of(rpx::DataError("d")), ex::k_data);
  EXPECT_EQ(code_of(rpx::NoStateFile("n")), ex::k_no_state);
  EXPECT_EQ(code_of(rpx::WouldOverwrite("w")), ex::k_exists);
  EXPECT_EQ(code_of(rpx::IoError("i")), ex::k_io);
  EXPECT_EQ(code_of(rpx::LockTimeout("l")), ex::k_locked);
  EXPECT_EQ(code_of(rpx::InternalError("x")), ex::k_internal);
}

TEST(Error, AnInternalErrorAsksForABugReport) {
  EXPECT_EQ(std::string(rpx::InternalError("a broken invariant").what()),
            "internal error: a broken invariant; please report this bug");
}

}  // namespace

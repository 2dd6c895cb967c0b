#include <gtest/gtest.h>

#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <string>

namespace {

namespace ex = rpx::exit_status;

int code_of(const rpx::Error& e) { return e.exit_code(); }

TEST(Error, EachKindCarriesItsExitCode) {
  const rpx::Message m("error.json.missing");
  EXPECT_EQ(code_of(rpx::UsageError(m)), ex::k_usage);
  EXPECT_EQ(code_of(rpx::DataError(m)), ex::k_data);
  EXPECT_EQ(code_of(rpx::NoStateFile(m)), ex::k_no_state);
  EXPECT_EQ(code_of(rpx::WouldOverwrite(m)), ex::k_exists);
  EXPECT_EQ(code_of(rpx::IoError(m)), ex::k_io);
  EXPECT_EQ(code_of(rpx::LockTimeout(m)), ex::k_locked);
  EXPECT_EQ(code_of(rpx::InternalError("x")), ex::k_internal);
}

TEST(Error, AnInternalErrorAsksForABugReport) {
  EXPECT_EQ(std::string(rpx::InternalError("a broken invariant").what()),
            "internal error: a broken invariant; please report this bug");
}

}  // namespace

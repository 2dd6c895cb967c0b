#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/messages.hpp>
#include <rpx/roster.hpp>
#include <set>
#include <string>
#include <system_error>
#include <vector>

namespace {

namespace ex = rpx::exit_status;
using rpx::Lang;
using rpx::Message;

int code_of(const rpx::Error& e) { return e.exit_code(); }

TEST(Error, EachKindCarriesItsExitCode) {
  const Message m("error.json.missing");
  EXPECT_EQ(code_of(rpx::UsageError(m)), ex::k_usage);
  EXPECT_EQ(code_of(rpx::DataError(m)), ex::k_data);
  EXPECT_EQ(code_of(rpx::NoStateFile(m)), ex::k_no_state);
  EXPECT_EQ(code_of(rpx::WouldOverwrite(m)), ex::k_exists);
  EXPECT_EQ(code_of(rpx::IoError(m)), ex::k_io);
  EXPECT_EQ(code_of(rpx::LockTimeout(m)), ex::k_locked);
  EXPECT_EQ(code_of(rpx::InternalError("x")), ex::k_internal);
}

TEST(Error, AnInternalErrorAsksForABugReport) {
  const rpx::InternalError e("a broken invariant");
  EXPECT_EQ(std::string(e.what()),
            "internal error: a broken invariant; please report this bug");
  // The bug's own text stays English inside the translated frame.
  EXPECT_EQ(e.message().in(Lang::zh),
            "内部错误：a broken invariant；请报告此缺陷");
  EXPECT_EQ(e.message().in(Lang::ko),
            "내부 오류: a broken invariant. 이 버그를 신고해 주세요");
}

bool has_cjk(std::string_view s) {
  // U+4E00..U+9FFF: E4 B8 80 .. E9 BF BF in UTF-8.
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9) {
      return true;
    }
  }
  return false;
}

bool has_hangul(std::string_view s) {
  // U+AC00..U+D7A3: EA B0 80 .. ED 9E A3 in UTF-8.
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto d = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xEA && d >= 0xB0) || c == 0xEB || c == 0xEC ||
        (c == 0xED && d <= 0x9E)) {
      return true;
    }
  }
  return false;
}

/// The template without its "{placeholders}".
std::string words_of(std::string_view tmpl) {
  std::string out;
  bool in_hole = false;
  for (char c : tmpl) {
    in_hole = c == '{' ? true : c == '}' ? false : in_hole;
    if (!in_hole && c != '}') {
      out += c;
    }
  }
  return out;
}

// The messages that are only a frame around values, the same everywhere.
const std::set<std::string> k_frames = {
    "error.at_line",       "error.at_pointer",  "error.at_position",
    "error.in_file",       "error.errno.other", "error.size.mib",
    "error.where.pointer", "error.with_saved",
};

TEST(ErrorMessages, EveryErrorIsWordedInChineseAndKorean) {
  std::size_t n = 0;
  for (const std::string& key : rpx::message_keys(Lang::en)) {
    if (!key.starts_with("error.") || k_frames.contains(key)) {
      continue;
    }
    ++n;
    const std::string en(*rpx::message_template(Lang::en, key));
    const std::string zh = words_of(*rpx::message_template(Lang::zh, key));
    const std::string ko = words_of(*rpx::message_template(Lang::ko, key));
    EXPECT_TRUE(has_cjk(zh) && zh != words_of(en)) << key << ": " << zh;
    EXPECT_TRUE(has_hangul(ko)) << key << ": " << ko;
    EXPECT_EQ(en.find('\n'), std::string::npos) << key;
    EXPECT_EQ(zh.find('\n'), std::string::npos) << key;
    EXPECT_EQ(ko.find('\n'), std::string::npos) << key;
  }
  EXPECT_GT(n, 150U);
}

TEST(ErrorMessages, CommonSystemErrorsAreTranslatedTheRestKeepStrerror) {
  for (int err : {EACCES, EBUSY, EDQUOT, EEXIST, EIO, EISDIR, ELOOP, EMFILE,
                  ENAMETOOLONG, ENFILE, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY,
                  ENXIO, EPERM, EROFS, EXDEV}) {
    const Message m = rpx::errno_message(err);
    EXPECT_NE(m.key, "error.errno.other") << err;
    EXPECT_EQ(m.in(Lang::en), std::strerror(err)) << err;
    EXPECT_TRUE(has_cjk(m.in(Lang::zh))) << m.key;
    EXPECT_TRUE(has_hangul(m.in(Lang::ko))) << m.key;
  }
  EXPECT_EQ(rpx::errno_message(ENOENT).in(Lang::zh), "没有那个文件或目录");
  EXPECT_EQ(rpx::errno_message(ENOSPC).in(Lang::ko),
            "장치에 남은 공간이 없습니다");
  EXPECT_EQ(rpx::errno_message(ETIMEDOUT).in(Lang::zh),
            std::strerror(ETIMEDOUT));
  EXPECT_EQ(
      rpx::errno_message(std::make_error_code(std::errc::read_only_file_system))
          .in(Lang::ko),
      "읽기 전용 파일 시스템입니다");
}

struct Worded {
  Message message;
  std::string en, zh, ko;
};

// The errors no command line can reach (a race, a broken system, a bug in
// bundled data), each worded in every language. The others are in the
// golden cases tests/cli/errors-{en,zh,ko}.
const std::vector<Worded>& unreachable() {
  static const std::vector<Worded> k = {
      {Message("error.no_tzdata", {{"zone", "Asia/Shanghai"}}),
       "cannot find time zone Asia/Shanghai of the rules: install tzdata, or "
       "give --today DATE",
       "找不到规则所用的时区 Asia/Shanghai：请安装 tzdata，或给出 --today DATE",
       "규칙의 시간대 Asia/Shanghai을(를) 찾을 수 없습니다: tzdata를 "
       "설치하거나 "
       "--today DATE를 지정하세요"},
      {Message("error.cannot_lock",
               {{"file", "s.json"}, {"reason", rpx::errno_message(ENOLCK)}}),
       "cannot lock s.json: No locks available",
       "无法锁定 s.json：No locks available",
       "s.json을(를) 잠글 수 없습니다: No locks available"},
      {Message("error.cannot_open_dir",
               {{"dir", "students"}, {"reason", rpx::errno_message(EMFILE)}}),
       "cannot open directory students: Too many open files",
       "无法打开目录 students：打开的文件过多",
       "디렉터리 students을(를) 열 수 없습니다: 열린 파일이 너무 많습니다"},
      {Message("error.import.appeared", {{"file", "students/1.json"}}),
       "cannot create students/1.json: it appeared while importing (another "
       "rpx?); nothing was imported: run the import again",
       "无法创建 students/1.json：它在导入过程中出现了（另一个 rpx？）；"
       "未导入任何内容：请重新导入",
       "students/1.json을(를) 만들 수 없습니다: 가져오는 동안 생겼습니다(다른 "
       "rpx?). 아무것도 가져오지 않았습니다. 다시 가져오세요"},
      {Message("error.import.kept",
               {{"error", Message("error.cannot_write",
                                  {{"file", "students"},
                                   {"reason", rpx::errno_message(EIO)}})},
                {"files", "students/1.json"}}),
       "cannot write students: Input/output error (kept students/1.json, "
       "changed since this import created it)",
       "无法写入 students：输入/输出错误（保留了 "
       "students/1.json：本次导入创建后"
       "它已被修改）",
       "students에 쓸 수 없습니다: 입출력 오류 (students/1.json은(는) 이번 "
       "가져오기가 만든 뒤 바뀌었으므로 남겨 두었습니다)"},
      {Message(
           "error.not_regular",
           {{"file", "b"}, {"type", Message("error.file_type.block_device")}}),
       "b: is a block device, not a regular file", "b: 是块设备，不是普通文件",
       "b: 일반 파일이 아니라 블록 장치입니다"},
      {Message("error.not_regular",
               {{"file", "l"}, {"type", Message("error.file_type.symlink")}}),
       "l: is a symbolic link, not a regular file",
       "l: 是符号链接，不是普通文件",
       "l: 일반 파일이 아니라 심볼릭 링크입니다"},
      {*rpx::student_id_problem(std::string_view("a\0b", 3)),
       "student id \"a\\x00b\" cannot name a state file: it contains a NUL "
       "byte",
       "学号“a\\x00b”不能用作状态文件名：它含有 NUL 字节",
       "학번 \"a\\x00b\"은(는) 상태 파일 이름으로 쓸 수 없습니다: NUL 바이트가 "
       "들어 있습니다"},
      {*rpx::student_id_problem("a\xff"),
       "student id \"a\\xFF\" cannot name a state file: it is not valid UTF-8",
       "学号“a\\xFF”不能用作状态文件名：它不是有效的 UTF-8",
       "학번 \"a\\xFF\"은(는) 상태 파일 이름으로 쓸 수 없습니다: 올바른 "
       "UTF-8이 "
       "아닙니다"},
      {Message("error.out_of_memory"), "out of memory", "内存不足",
       "메모리가 부족합니다"},
      {Message("error.stdout_reason", {{"reason", rpx::errno_message(ENOSPC)}}),
       "cannot write to standard output: No space left on device",
       "无法写入标准输出：设备上没有剩余空间",
       "표준 출력에 쓸 수 없습니다: 장치에 남은 공간이 없습니다"},
  };
  return k;
}

TEST(ErrorMessages, ErrorsNoCommandLineReachesInEachLanguage) {
  for (const Worded& w : unreachable()) {
    EXPECT_EQ(w.message.in(Lang::en), w.en);
    EXPECT_EQ(w.message.in(Lang::zh), w.zh);
    EXPECT_EQ(w.message.in(Lang::ko), w.ko);
  }
}

TEST(ErrorMessages, TheBundledModelsErrorsInEachLanguage) {
  // data/provisional/*.json are compiled in: their errors are rpx's bugs,
  // worded all the same.
  const auto at = [](const char* reason) {
    return Message("error.at_pointer", {{"file", "model.json"},
                                        {"pointer", "/x"},
                                        {"reason", Message(reason)}});
  };
  EXPECT_EQ(at("error.provisional.day_rule").in(Lang::zh),
            "model.json: /x: 应为 \"date\"、\"lunar\" 或 \"term\" 之一");
  EXPECT_EQ(at("error.provisional.no_entry").in(Lang::ko),
            "model.json: /x: 항목이 하나 이상 있어야 합니다");
  EXPECT_EQ(at("error.provisional.versions_order").in(Lang::zh),
            "model.json: /x: 各版本必须按 \"from\" 递增排列");
  EXPECT_EQ(at("error.provisional.statutory_day").in(Lang::ko),
            "model.json: /x: 휴무일에 법정 공휴일 당일이 들어 있어야 합니다");
  EXPECT_EQ(at("error.provisional.order").in(Lang::zh),
            "model.json: /x: 必须按递增顺序排列");
  EXPECT_EQ(at("error.provisional.no_version").in(Lang::ko),
            "model.json: /x: 버전이 하나 이상 있어야 합니다");
  EXPECT_EQ(rpx::message_in(Lang::zh, "error.provisional.month_day",
                            {{"value", "13-01"}}),
            "月日 \"13-01\" 无效：应为 MM-DD");
}

}  // namespace

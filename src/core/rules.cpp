#include <fmt/format.h>

#include <algorithm>
#include <rpx/json_util.hpp>
#include <rpx/rules.hpp>

namespace rpx {

namespace {

using json_util::Reader;

/// The only format this rpx reads; a later one must be refused, not guessed.
constexpr std::string_view k_rules_format = "rpx-rules/1";
/// Bounds that catch typos (300 for 30) without judging a real process.
constexpr long long k_max_days = 365;
constexpr long long k_max_fee = 100000;

/// True when `r`'s object has `key`, even as null: a null optional member is
/// an error (the closed format says what may appear), not an absence.
bool present(const Reader& r, std::string_view key) {
  return r.json().contains(key);
}

Text optional_text(const Reader& r, std::string_view key) {
  return present(r, key) ? r[key].text() : Text{};
}

std::vector<Text> optional_texts(const Reader& r, std::string_view key) {
  std::vector<Text> out;
  if (!present(r, key)) {
    return out;
  }
  const Reader list = r[key];
  for (std::size_t i = 0; i < list.size(); ++i) {
    out.push_back(list[i].text());
  }
  return out;
}

/// ISO 4217 codes are three ASCII capitals.
bool is_currency(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) {
           return c >= 'A' && c <= 'Z';
         });
}

/// Refuses an id already used at an earlier index of the same list.
void check_unique(const std::vector<std::string>& ids, const Reader& list) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (ids[i] == ids[j]) {
        list[i]["id"].fail(
            Message("error.rules.duplicate_id",
                    {{"id", ids[i]},
                     {"pointer", fmt::format("{}/{}/id", list.pointer(), j)}}));
      }
    }
  }
}

void read_format(const Reader& root) {
  const Reader format = root["format"];
  if (const std::string f = format.string(); f != k_rules_format) {
    format.fail(Message("error.rules.unsupported_format",
                        {{"found", f}, {"expected", k_rules_format}}));
  }
}

std::vector<Office> read_offices(const Reader& list) {
  if (list.size() == 0) {
    list.fail(Message("error.rules.no_office"));
  }
  std::vector<Office> out;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Reader r = list[i];
    r.only({"id", "name", "address", "hours", "phone"});
    Office o;
    o.id = r["id"].string();
    o.name = r["name"].text();
    o.address = optional_text(r, "address");
    o.hours = optional_text(r, "hours");
    o.phone = present(r, "phone") ? r["phone"].string() : std::string();
    ids.push_back(o.id);
    out.push_back(std::move(o));
  }
  check_unique(ids, list);
  return out;
}

/// The steps are the five stable ids, in order (docs/cli.md): state files and
/// `rpx done 2` name them, so a rules file may reword them but not reorder.
std::vector<Step> read_steps(const Reader& list, const Rules& rules) {
  const std::size_t n = list.size();
  std::vector<Step> out;
  for (std::size_t i = 0; i < std::min(n, k_step_ids.size()); ++i) {
    const Reader r = list[i];
    r.only({"id", "title", "office", "bring", "notes"});
    Step s;
    s.id = r["id"].string();
    if (s.id != k_step_ids[i]) {
      r["id"].fail(
          Message("error.rules.step_id",
                  {{"expected", k_step_ids[i]},
                   {"found", s.id},
                   {"steps", fmt::format("{}", fmt::join(k_step_ids, ", "))}}));
    }
    s.title = r["title"].text();
    s.office = r["office"].string();
    if (rules.office(s.office) == nullptr) {
      r["office"].fail(
          Message("error.rules.unknown_office", {{"office", s.office}}));
    }
    s.bring = optional_texts(r, "bring");
    s.notes = optional_texts(r, "notes");
    out.push_back(std::move(s));
  }
  if (n != k_step_ids.size()) {
    list.fail(
        Message("error.rules.step_count",
                {{"expected", k_step_ids.size()},
                 {"steps", fmt::format("{}", fmt::join(k_step_ids, ", "))},
                 {"found", n}}));
  }
  return out;
}

std::vector<Fee> read_fees(const Reader& list) {
  std::vector<Fee> out;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Reader r = list[i];
    r.only({"id", "description", "amount", "currency", "payment"});
    Fee f;
    f.id = r["id"].string();
    f.description = r["description"].text();
    f.amount = static_cast<int>(r["amount"].integer(0, k_max_fee));
    f.currency = r["currency"].string();
    if (!is_currency(f.currency)) {
      r["currency"].fail(Message("error.rules.currency"));
    }
    f.payment = r["payment"].text();
    ids.push_back(f.id);
    out.push_back(std::move(f));
  }
  check_unique(ids, list);
  return out;
}

}  // namespace

const Office& Rules::report_office() const noexcept {
  return *office(steps[step_index(StepId::letter)].office);
}

const Office* Rules::office(std::string_view id) const noexcept {
  auto it = std::find_if(offices.begin(), offices.end(),
                         [&](const Office& o) { return o.id == id; });
  return it == offices.end() ? nullptr : &*it;
}

const Step* Rules::step(std::string_view id) const noexcept {
  auto it = std::find_if(steps.begin(), steps.end(),
                         [&](const Step& s) { return s.id == id; });
  return it == steps.end() ? nullptr : &*it;
}

Rules parse_rules(std::string_view text, const std::string& name) {
  const nlohmann::json j = json_util::parse(text, name);
  const Reader root(j, name);
  root.expect_object();
  // The format first: a newer file's new members are no "unknown member".
  read_format(root);
  root.only({"format", "id", "university", "city", "source", "time_zone",
             "advance_days", "processing_workdays", "offices", "steps",
             "fees"});
  Rules rules;
  rules.id = root["id"].string();
  rules.university = root["university"].text();
  rules.city = root["city"].text();
  rules.source = root["source"].string();
  // Whether it names a real zone is checked where the tz database is: cli/.
  rules.time_zone = root["time_zone"].string();
  rules.advance_days = date::days{root["advance_days"].integer(1, k_max_days)};
  rules.processing_workdays = Workdays{
      static_cast<int>(root["processing_workdays"].integer(1, k_max_days))};
  rules.offices = read_offices(root["offices"]);
  rules.steps = read_steps(root["steps"], rules);
  rules.fees = read_fees(root["fees"]);
  return rules;
}

}  // namespace rpx

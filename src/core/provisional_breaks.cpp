// Long breaks of the provisional model: where the days off go and which
// weekend days are worked to make them up (docs/holidays.md, "Provisional
// schedules").
#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <optional>

#include "provisional_plan.hpp"

namespace rpx::provisional_detail {

namespace {

struct Candidate {
  std::array<int, 6> score{};
  Date first;
  Date last;
  std::vector<Date> work;
};

/// Weekend days nobody has claimed, walking from `from` by `step`, that are
/// not in `skip`; at most `n`.
std::vector<Date> free_weekend_days(const Plan& plan, Date from, int step,
                                    const std::vector<Date>& skip,
                                    std::size_t n) {
  std::vector<Date> out;
  for (Date d = from; out.size() < n && plan.in(d); d += days{step}) {
    if (is_weekend(d) && plan.at(d) == Status::none &&
        std::find(skip.begin(), skip.end(), d) == skip.end()) {
      out.push_back(d);
    }
  }
  return out;
}

/// The weekend days to work, `need` of them, for a break over `s`..`e`:
/// every choice among the free weekend days touching the break, or, when
/// there are too few, all of those and the nearest others on either side.
std::vector<std::vector<Date>> make_up_options(const Plan& plan, Date s, Date e,
                                               std::size_t need) {
  std::vector<Date> adjacent;
  for (Date d = s - days{1}; is_weekend(d) && plan.at(d) == Status::none;
       d -= days{1}) {
    adjacent.push_back(d);
  }
  for (Date d = e + days{1}; is_weekend(d) && plan.at(d) == Status::none;
       d += days{1}) {
    adjacent.push_back(d);
  }
  std::vector<std::vector<Date>> options;
  if (adjacent.size() >= need) {
    for (unsigned mask = 0; mask < (1U << adjacent.size()); ++mask) {
      if (static_cast<std::size_t>(std::popcount(mask)) != need) {
        continue;
      }
      std::vector<Date> pick;
      for (std::size_t i = 0; i < adjacent.size(); ++i) {
        if ((mask >> i) & 1U) {
          pick.push_back(adjacent[i]);
        }
      }
      options.push_back(std::move(pick));
    }
    return options;
  }
  const std::size_t rest = need - adjacent.size();
  const auto before = free_weekend_days(plan, s - days{1}, -1, adjacent, rest);
  const auto after = free_weekend_days(plan, e + days{1}, 1, adjacent, rest);
  for (std::size_t i = 0; i <= rest; ++i) {
    if (i > before.size() || rest - i > after.size()) {
      continue;
    }
    std::vector<Date> pick = adjacent;
    pick.insert(pick.end(), before.begin(),
                before.begin() + static_cast<long>(i));
    pick.insert(pick.end(), after.begin(),
                after.begin() + static_cast<long>(rest - i));
    options.push_back(std::move(pick));
  }
  return options;
}

/// The weekdays of `s`..`e` beyond the statutory days, which weekend days
/// must make up; nullopt when the span cannot be the break (a day already
/// claimed, too few days, or no whole weekend when one is required).
std::optional<int> days_to_make_up(const Plan& plan, Date s, Date e,
                                   int statutory, bool whole_weekend) {
  int weekend = 0;
  bool taken = false;
  bool has_weekend = false;
  for (Date d = s; d <= e; d += days{1}) {
    weekend += is_weekend(d) ? 1 : 0;
    taken = taken || plan.at(d) != Status::none;
    has_weekend =
        has_weekend || (date::weekday{d} == date::Saturday && d + days{1} <= e);
  }
  const int k = static_cast<int>((e - s).count()) + 1 - statutory - weekend;
  if (taken || k < 0 || (whole_weekend && !has_weekend)) {
    return std::nullopt;
  }
  return k;
}

/// How good the break `s`..`e` with the worked days `work` is, lower
/// first: within the limit of working days in a row, no extra day, the
/// nearest start, fewest make-up days, the shortest runs of working days
/// through them, the nearest make-up days.
std::array<int, 6> score_of(const Plan& plan, Date s, Date e,
                            const std::vector<Date>& work, int limit, int extra,
                            int back, int k) {
  Plan trial = plan;
  for (Date d = s; d <= e; d += days{1}) {
    trial.set(d, Status::off);
  }
  for (Date d : work) {
    trial.set(d, Status::work);
  }
  const bool ok = trial.longest_run(s - days{16}, e + days{16}) <= limit;
  int longest = 0;
  int total = 0;
  int distance = 0;
  for (Date d : work) {
    const int run = trial.run_through(d);
    longest = std::max(longest, run);
    total += run;
    distance += static_cast<int>(std::abs((d - s).count()));
  }
  return {ok ? 0 : 1, extra, back, k, longest * 100 + total, distance};
}

/// The best break of `length` days (or one more) starting up to three days
/// before `req_first`, covering `req_last` and the statutory days `stat`.
std::optional<Candidate> best_break(const Building& b, Date req_first,
                                    Date req_last, int length,
                                    bool whole_weekend, int limit,
                                    const std::vector<Date>& stat) {
  std::optional<Candidate> best;
  const int statutory = static_cast<int>(stat.size());
  for (int extra = 0; extra <= 1; ++extra) {
    for (int back = 0; back <= 3; ++back) {
      const Date s = req_first - days{back};
      const Date e = s + days{length + extra - 1};
      if (e < req_last || stat.front() < s || stat.back() > e) {
        continue;
      }
      const std::optional<int> k =
          days_to_make_up(b.plan, s, e, statutory, whole_weekend);
      if (!k) {
        continue;
      }
      for (std::vector<Date>& work :
           make_up_options(b.plan, s, e, static_cast<std::size_t>(*k))) {
        Candidate c{
            score_of(b.plan, s, e, work, limit, extra, back, *k), s, e, {}};
        if (!best || c.score < best->score) {
          std::sort(work.begin(), work.end());
          c.work = std::move(work);
          best = std::move(c);
        }
      }
    }
  }
  return best;
}

}  // namespace

void long_break(Building& b, const Text& name, std::vector<Date> stat,
                Date req_first, Date req_last, int length, bool whole_weekend,
                int limit, int statutory_count) {
  std::sort(stat.begin(), stat.end());
  // `statutory_count` may exceed the distinct days: a Mid-Autumn on
  // 1 October still earns its day.
  while (static_cast<int>(stat.size()) < statutory_count) {
    stat.push_back(stat.back());
  }
  const auto best =
      best_break(b, req_first, req_last, length, whole_weekend, limit, stat);
  stat.erase(std::unique(stat.begin(), stat.end()), stat.end());
  Holiday h;
  h.name = name;
  if (!best) {
    // Nothing fits (another holiday in the way): the statutory days alone.
    h = statutory_only(b, name, stat, MakeUp::yes);
  } else {
    h.first_off = best->first;
    h.last_off = best->last;
    h.workdays = best->work;
  }
  // The law's make-up weekdays for statutory days on a weekend are certain:
  // the first weekdays after the statutory days, one for each.
  std::vector<Date> certain;
  Date after = stat.back();
  for (Date d : stat) {
    if (is_weekend(d)) {
      do {
        after += days{1};
      } while (is_weekend(after));
      certain.push_back(after);
    }
  }
  b.mark_assumed(h, certain);
  b.add(std::move(h));
}

}  // namespace rpx::provisional_detail

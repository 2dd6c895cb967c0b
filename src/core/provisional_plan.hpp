// The provisional model's working state, shared by provisional.cpp (the
// year's holidays) and provisional_breaks.cpp (long breaks and their
// make-up weekend days).
#pragma once

#include <algorithm>
#include <cstdint>
#include <rpx/provisional.hpp>
#include <vector>

namespace rpx::provisional_detail {

using date::days;

/// The days a notice-year may decide, with what the model has set on each.
class Plan {
 public:
  explicit Plan(int year)
      : m_first(date::year{year - 1} / date::December / 1),
        m_status(static_cast<std::size_t>(
            (Date{date::year{year + 1} / date::January / 31} - m_first)
                .count() +
            1)) {}

  enum class Status : std::uint8_t { none, off, work };

  bool in(Date d) const {
    return d >= m_first &&
           (d - m_first).count() < static_cast<long>(m_status.size());
  }
  Status at(Date d) const {
    return in(d) ? m_status[static_cast<std::size_t>((d - m_first).count())]
                 : Status::none;
  }
  void set(Date d, Status s) {
    if (in(d)) {
      m_status[static_cast<std::size_t>((d - m_first).count())] = s;
    }
  }
  bool is_work(Date d) const {
    const Status s = at(d);
    return s == Status::none ? !is_weekend(d) : s == Status::work;
  }
  /// Consecutive working days through `d` (a working day).
  int run_through(Date d) const {
    Date a = d;
    while (is_work(a - days{1})) {
      a -= days{1};
    }
    Date b = d;
    while (is_work(b + days{1})) {
      b += days{1};
    }
    return static_cast<int>((b - a).count()) + 1;
  }
  int longest_run(Date a, Date b) const {
    int best = 0;
    int run = 0;
    for (Date d = a; d <= b; d += days{1}) {
      run = is_work(d) ? run + 1 : 0;
      best = std::max(best, run);
    }
    return best;
  }

 private:
  Date m_first;
  std::vector<Status> m_status;
};

using Status = Plan::Status;

struct Building {
  Plan plan;
  std::vector<Holiday> holidays;
  std::vector<Date> statutory;

  void add(Holiday h) {
    for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
      plan.set(d, Status::off);
    }
    for (Date d : h.workdays) {
      plan.set(d, Status::work);
    }
    holidays.push_back(std::move(h));
  }
  bool is_statutory(Date d) const {
    return std::binary_search(statutory.begin(), statutory.end(), d);
  }
  /// Weekdays off that the law does not fix, and every worked day.
  void mark_assumed(Holiday& h, const std::vector<Date>& certain) const {
    for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
      if (!is_weekend(d) && !is_statutory(d) &&
          std::find(certain.begin(), certain.end(), d) == certain.end()) {
        h.assumed.push_back(d);
      }
    }
    h.assumed.insert(h.assumed.end(), h.workdays.begin(), h.workdays.end());
    std::sort(h.assumed.begin(), h.assumed.end());
  }
};

/// The first weekday after `d` that nothing has claimed: where the law puts
/// the 补假 of a statutory day on a weekend.
inline Date next_free_weekday(const Plan& plan, Date d) {
  do {
    d += days{1};
  } while (is_weekend(d) || plan.at(d) != Status::none);
  return d;
}

/// Whether a statutory day on a weekend earns the law's make-up weekday.
enum class MakeUp : std::uint8_t { no, yes };

/// The statutory days `stat` of a holiday as its only days off; with
/// `MakeUp::yes`, each one on a weekend adds the next free weekday.
Holiday statutory_only(Building& b, const Text& name,
                       const std::vector<Date>& stat, MakeUp makeup);

/// Arranges a long break (Spring Festival, National Day): `length` days off
/// (or one more) covering `req_first`..`req_last` and the statutory days
/// `stat`, with make-up weekend days chosen adjacent first, then by the
/// shortest runs of working days, within `limit` working days in a row.
void long_break(Building& b, const Text& name, std::vector<Date> stat,
                Date req_first, Date req_last, int length, bool whole_weekend,
                int limit, int statutory_count);

}  // namespace rpx::provisional_detail

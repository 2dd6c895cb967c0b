// read_cohort and Cohort (batch.hpp): a cohort read on every core, held
// packed, rendered in order.
#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <rpx/batch.hpp>
#include <rpx/state_pack.hpp>
#include <thread>
#include <tuple>

#include "batch_detail.hpp"

namespace rpx {

using namespace batch_detail;

namespace {

/// Where packed students live: chunks that never move, so that a record
/// can point into them.
class Arena {
 public:
  std::string_view add(std::string_view bytes) {
    if (m_chunks.empty() || m_used + bytes.size() > m_size) {
      m_size = std::max(k_chunk, bytes.size());
      m_chunks.push_back(std::make_unique<char[]>(m_size));
      m_used = 0;
    }
    char* at = m_chunks.back().get() + m_used;
    std::copy(bytes.begin(), bytes.end(), at);
    m_used += bytes.size();
    return {at, bytes.size()};
  }

 private:
  static constexpr std::size_t k_chunk = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> m_chunks;
  std::size_t m_used = 0;
  std::size_t m_size = 0;
};

/// File names, one after another in one buffer: a `std::string` each would
/// take twice the room at 10^5 files.
class Paths {
 public:
  Paths() = default;
  explicit Paths(const std::vector<std::string>& files) {
    std::size_t total = 0;
    for (const std::string& f : files) {
      total += f.size();
    }
    m_text.reserve(total);
    m_ends.reserve(files.size());
    for (const std::string& f : files) {
      m_text += f;
      m_ends.push_back(m_text.size());
    }
  }

  std::size_t size() const noexcept { return m_ends.size(); }
  std::string_view operator[](std::size_t i) const noexcept {
    const std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
    return std::string_view(m_text).substr(begin, m_ends[i] - begin);
  }

 private:
  std::string m_text;
  std::vector<std::size_t> m_ends;
};

/// One kept student: 32 bytes and its packed state (none: not kept).
struct Kept {
  std::string_view packed;
  std::uint32_t file = 0;  // index into the paths
  /// `urgent_date` as days since 1970; k_no_date for none.
  std::int32_t when = 0;
  Phase phase = Phase::upcoming;
};

constexpr std::int32_t k_no_date = std::numeric_limits<std::int32_t>::min();

/// What one worker thread of read_cohort gathers.
struct WorkerOut {
  Arena arena;
  std::vector<std::pair<std::uint32_t, BatchError>> errors;
  std::string scratch;
};

/// Sorts `items` by `less`, in two halves on two threads when there are
/// two and the halves are worth it, then merged.
template <class T, class Less>
void sort_on(unsigned threads, std::vector<T>& items, const Less& less) {
  constexpr std::ptrdiff_t k_worth_a_thread = 4096;
  const auto first = items.begin();
  const auto last = items.end();
  if (threads < 2 || last - first < 2 * k_worth_a_thread) {
    std::sort(first, last, less);
    return;
  }
  const auto middle = first + (last - first) / 2;
  std::thread half([&] { std::sort(first, middle, less); });
  std::sort(middle, last, less);
  half.join();
  std::inplace_merge(first, middle, last, less);
}

/// Files taken by a worker at a time: few enough to share out evenly.
constexpr std::size_t k_grab = 16;
/// Students rendered between two writes.
constexpr std::size_t k_render_block = 1024;

}  // namespace

struct Cohort::Data {
  BatchContext context;
  unsigned workers = 1;
  Paths files;
  std::vector<std::unique_ptr<WorkerOut>> out;  // owns the arenas
  std::vector<Kept> kept;                       // in check's order
  PhaseCounts counts;
  std::vector<BatchError> errors;

  /// Calls `each(worker, i)` for every kept student index on the workers.
  void spread(std::size_t n,
              const std::function<void(unsigned, std::size_t)>& each) const {
    std::atomic<unsigned> next_worker{0};
    std::atomic<std::size_t> next{0};
    const unsigned threads = static_cast<unsigned>(
        std::min<std::size_t>(workers, std::max<std::size_t>(1, n / k_grab)));
    parallel_for(threads, threads, [&](std::size_t) {
      const unsigned worker = next_worker++;
      for (std::size_t first = next.fetch_add(k_grab); first < n;
           first = next.fetch_add(k_grab)) {
        for (std::size_t i = first; i < std::min(n, first + k_grab); ++i) {
          each(worker, i);
        }
      }
    });
  }

  void with_student(std::size_t i, const Visit& visit) const {
    const Kept& k = kept[i];
    const StudentState s = unpack_state(k.packed);
    visit(std::string(files[k.file]), s,
          assess(s, context.rules, context.calendar, context.today,
                 context.options));
  }
};

Cohort::Cohort(const BatchContext& context)
    : m(std::make_unique<Data>(
          Data{context, thread_count(), {}, {}, {}, {}, {}})) {}
Cohort::Cohort(Cohort&&) noexcept = default;
Cohort::~Cohort() = default;

std::size_t Cohort::size() const noexcept { return m->kept.size(); }
const PhaseCounts& Cohort::counts() const noexcept { return m->counts; }
const std::vector<BatchError>& Cohort::errors() const noexcept {
  return m->errors;
}
unsigned Cohort::workers() const noexcept { return m->workers; }

void Cohort::render_in_order(
    const Render& render,
    const std::function<void(std::string_view)>& out) const {
  std::vector<std::string> texts;
  for (std::size_t first = 0; first < m->kept.size(); first += k_render_block) {
    const std::size_t n = std::min(k_render_block, m->kept.size() - first);
    texts.assign(n, std::string());
    m->spread(n, [&](unsigned, std::size_t i) {
      m->with_student(
          first + i,
          [&](const std::string& file, const StudentState& s,
              const Assessment& a) { texts[i] = render(file, s, a); });
    });
    for (const std::string& t : texts) {
      out(t);
    }
  }
}

void Cohort::visit_unordered(const WorkerVisit& visit) const {
  m->spread(m->kept.size(), [&](unsigned worker, std::size_t i) {
    m->with_student(i, [&](const std::string& file, const StudentState& s,
                           const Assessment& a) { visit(worker, file, s, a); });
  });
}

Cohort read_cohort(const std::vector<std::string>& paths,
                   const BatchContext& context, const StudentFilter& keep) {
  Cohort cohort(context);
  Cohort::Data& d = *cohort.m;
  FoundFiles found = find_files(paths, Identity::later);
  const std::size_t n = found.files.size();
  d.files = Paths(found.files);
  std::vector<std::string>().swap(found.files);
  std::vector<FileKey> keys(n);
  d.kept.resize(n);  // by file for now; only the kept ones stay
  d.out.resize(d.workers);
  for (auto& w : d.out) {
    w = std::make_unique<WorkerOut>();
  }
  d.spread(n, [&](unsigned worker, std::size_t i) {
    WorkerOut& w = *d.out[worker];
    const std::string file(d.files[i]);
    Loaded l = load(file, context, keys[i]);
    const auto index = static_cast<std::uint32_t>(i);
    if (l.error) {
      w.errors.emplace_back(index, std::move(*l.error));
      return;
    }
    if (!keep(file, *l.state, l.assessment)) {
      return;
    }
    w.scratch.clear();
    pack_state(*l.state, w.scratch);
    const std::optional<Date> when = urgent_date(l.assessment);
    d.kept[i] =
        Kept{w.arena.add(w.scratch), index,
             when ? static_cast<std::int32_t>(when->time_since_epoch().count())
                  : k_no_date,
             l.assessment.phase};
  });

  // A file reached by two paths: the first in the walk's order stays.
  std::vector<std::uint32_t> order;
  for (std::size_t i = 0; i < n; ++i) {
    if (keys[i].known()) {
      order.push_back(static_cast<std::uint32_t>(i));
    }
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(keys[a], a) < std::tie(keys[b], b);
  });
  std::vector<bool> again(n, false);
  for (std::size_t k = 1; k < order.size(); ++k) {
    again[order[k]] = keys[order[k]] == keys[order[k - 1]];
  }
  std::vector<std::uint32_t>().swap(order);
  std::vector<FileKey>().swap(keys);

  d.kept.erase(std::remove_if(d.kept.begin(), d.kept.end(),
                              [&](const Kept& k) {
                                return k.packed.data() == nullptr ||
                                       again[k.file];
                              }),
               d.kept.end());
  d.kept.shrink_to_fit();
  for (const Kept& k : d.kept) {
    d.counts.add(k.phase);
  }
  d.errors = std::move(found.errors);
  for (auto& w : d.out) {
    for (auto& [file, error] : w->errors) {
      if (!again[file]) {
        d.errors.push_back(std::move(error));
      }
    }
    w->errors.clear();
  }
  std::stable_sort(
      d.errors.begin(), d.errors.end(),
      [](const BatchError& a, const BatchError& b) { return a.file < b.file; });
  // more_urgent, on the packed records.
  sort_on(d.workers, d.kept, [&](const Kept& a, const Kept& b) {
    if (a.phase != b.phase) {
      return a.phase < b.phase;
    }
    if (a.when != b.when) {
      return a.when < b.when;
    }
    const std::string_view ida = packed_student_id(a.packed);
    const std::string_view idb = packed_student_id(b.packed);
    if (ida != idb) {
      return ida < idb;
    }
    return d.files[a.file] < d.files[b.file];
  });
  return cohort;
}

}  // namespace rpx

// Collects the standard process_* metrics (as Prometheus' Go and Python clients name them) from
// procfs on every scrape. The parsing is pure and exposed for tests; the collector reads files
// under a configurable procfs root. Collect() is thread-safe (it keeps no mutable state).
#pragma once

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "operator/common/status.h"

namespace po::metrics {

// Fields of /proc/<pid>/stat the collector needs.
struct ProcStat {
  std::uint64_t utime_ticks = 0;      // field 14
  std::uint64_t stime_ticks = 0;      // field 15
  std::uint64_t starttime_ticks = 0;  // field 22, clock ticks after boot
  std::uint64_t vsize_bytes = 0;      // field 23
  std::int64_t rss_pages = 0;         // field 24
};

// Parses /proc/<pid>/stat; the command name may contain spaces and parentheses.
Result<ProcStat> ParseProcStat(std::string_view text);

// The "btime" line of /proc/stat: boot time in seconds since the epoch.
Result<std::uint64_t> ParseBootTime(std::string_view proc_stat);

// The soft "Max open files" limit from /proc/<pid>/limits.
Result<std::uint64_t> ParseMaxOpenFiles(std::string_view limits);

// The values exported, computed from procfs.
struct ProcessSample {
  double cpu_seconds = 0;
  double resident_memory_bytes = 0;
  double virtual_memory_bytes = 0;
  double open_fds = 0;
  double max_fds = 0;
  double start_time_seconds = 0;
};

class ProcessCollector final : public prometheus::Collectable {
 public:
  // `proc_root` is "/proc" in production; `pid_dir` the process directory below it ("self").
  explicit ProcessCollector(std::string proc_root = "/proc", std::string pid_dir = "self");

  Result<ProcessSample> Sample() const;

  // process_cpu_seconds_total, process_resident_memory_bytes, process_virtual_memory_bytes,
  // process_open_fds, process_max_fds, process_start_time_seconds. A read failure drops the
  // metrics it feeds rather than failing the whole scrape.
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  std::string proc_root_;
  std::string pid_dir_;
};

}  // namespace po::metrics

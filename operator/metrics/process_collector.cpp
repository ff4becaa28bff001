// Reads procfs and turns it into process_* metric families.
#include "operator/metrics/process_collector.h"

#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace po::metrics {
namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Unavailable("cannot open " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string_view> SplitFields(std::string_view text) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > start) fields.push_back(text.substr(start, i - start));
  }
  return fields;
}

template <typename T>
bool ParseNumber(std::string_view text, T& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

prometheus::MetricFamily Single(std::string name, std::string help, prometheus::MetricType type,
                                double value) {
  prometheus::MetricFamily family;
  family.name = std::move(name);
  family.help = std::move(help);
  family.type = type;
  prometheus::ClientMetric metric;
  if (type == prometheus::MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
  family.metric.push_back(metric);
  return family;
}

}  // namespace

Result<ProcStat> ParseProcStat(std::string_view text) {
  const auto close = text.rfind(')');
  if (close == std::string_view::npos) return InvalidArgument("proc stat has no command name");
  // Fields after the command start at field 3 (state).
  auto fields = SplitFields(text.substr(close + 1));
  constexpr size_t kFirst = 3;
  if (fields.size() < 24 - kFirst + 1) {
    return InvalidArgument("proc stat has " + std::to_string(fields.size() + kFirst - 1) +
                           " fields, want at least 24");
  }
  auto field = [&](size_t n) { return fields[n - kFirst]; };
  ProcStat stat;
  if (!ParseNumber(field(14), stat.utime_ticks) || !ParseNumber(field(15), stat.stime_ticks) ||
      !ParseNumber(field(22), stat.starttime_ticks) || !ParseNumber(field(23), stat.vsize_bytes) ||
      !ParseNumber(field(24), stat.rss_pages)) {
    return InvalidArgument("proc stat has a non-numeric field");
  }
  return stat;
}

Result<std::uint64_t> ParseBootTime(std::string_view proc_stat) {
  std::istringstream in{std::string(proc_stat)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("btime ", 0) != 0) continue;
    std::uint64_t value = 0;
    auto fields = SplitFields(line);
    if (fields.size() == 2 && ParseNumber(fields[1], value)) return value;
    return InvalidArgument("malformed btime line: " + line);
  }
  return NotFound("no btime line in /proc/stat");
}

Result<std::uint64_t> ParseMaxOpenFiles(std::string_view limits) {
  std::istringstream in{std::string(limits)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Max open files", 0) != 0) continue;
    auto fields = SplitFields(std::string_view(line).substr(14));
    if (fields.empty()) break;
    if (fields[0] == "unlimited") return static_cast<std::uint64_t>(-1);
    std::uint64_t value = 0;
    if (ParseNumber(fields[0], value)) return value;
    break;
  }
  return InvalidArgument("no readable \"Max open files\" line in limits");
}

ProcessCollector::ProcessCollector(std::string proc_root, std::string pid_dir)
    : proc_root_(std::move(proc_root)), pid_dir_(std::move(pid_dir)) {}

Result<ProcessSample> ProcessCollector::Sample() const {
  const std::string dir = proc_root_ + "/" + pid_dir_;
  PO_ASSIGN_OR_RETURN(std::string stat_text, ReadFile(dir + "/stat"));
  PO_ASSIGN_OR_RETURN(ProcStat stat, ParseProcStat(stat_text));
  PO_ASSIGN_OR_RETURN(std::string system_stat, ReadFile(proc_root_ + "/stat"));
  PO_ASSIGN_OR_RETURN(std::uint64_t boot_time, ParseBootTime(system_stat));
  PO_ASSIGN_OR_RETURN(std::string limits, ReadFile(dir + "/limits"));
  PO_ASSIGN_OR_RETURN(std::uint64_t max_fds, ParseMaxOpenFiles(limits));

  std::error_code ec;
  size_t open_fds = 0;
  for (std::filesystem::directory_iterator it(dir + "/fd", ec), end; !ec && it != end;
       it.increment(ec)) {
    ++open_fds;
  }
  if (ec) return Unavailable("cannot list " + dir + "/fd: " + ec.message());

  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page_size = static_cast<double>(sysconf(_SC_PAGESIZE));
  ProcessSample sample;
  sample.cpu_seconds = static_cast<double>(stat.utime_ticks + stat.stime_ticks) / ticks;
  sample.resident_memory_bytes = static_cast<double>(stat.rss_pages) * page_size;
  sample.virtual_memory_bytes = static_cast<double>(stat.vsize_bytes);
  sample.open_fds = static_cast<double>(open_fds);
  sample.max_fds = static_cast<double>(max_fds);
  sample.start_time_seconds =
      static_cast<double>(boot_time) + static_cast<double>(stat.starttime_ticks) / ticks;
  return sample;
}

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const {
  auto sample = Sample();
  if (!sample.ok()) return {};
  using prometheus::MetricType;
  return {
      Single("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
             MetricType::Counter, sample->cpu_seconds),
      Single("process_resident_memory_bytes", "Resident memory size in bytes.", MetricType::Gauge,
             sample->resident_memory_bytes),
      Single("process_virtual_memory_bytes", "Virtual memory size in bytes.", MetricType::Gauge,
             sample->virtual_memory_bytes),
      Single("process_open_fds", "Number of open file descriptors.", MetricType::Gauge,
             sample->open_fds),
      Single("process_max_fds", "Maximum number of open file descriptors.", MetricType::Gauge,
             sample->max_fds),
      Single("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
             MetricType::Gauge, sample->start_time_seconds),
  };
}

}  // namespace po::metrics

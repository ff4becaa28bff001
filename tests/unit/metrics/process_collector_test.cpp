// Tests procfs parsing and the process_* metrics, against fixtures and this test process.
#include "operator/metrics/process_collector.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

namespace po::metrics {
namespace {

constexpr const char* kStat =
    "4242 (platform (op) er) S 1 4242 4242 0 -1 4194560 1500 0 0 0 250 130 0 0 20 0 9 0 "
    "123456 987654321 2048 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";

TEST(ProcStatTest, ParsesTheFieldsAfterACommandWithSpacesAndParens) {
  auto stat = ParseProcStat(kStat);
  ASSERT_TRUE(stat.ok()) << stat.status().ToString();
  EXPECT_EQ(stat->utime_ticks, 250u);
  EXPECT_EQ(stat->stime_ticks, 130u);
  EXPECT_EQ(stat->starttime_ticks, 123456u);
  EXPECT_EQ(stat->vsize_bytes, 987654321u);
  EXPECT_EQ(stat->rss_pages, 2048);
}

TEST(ProcStatTest, RejectsMalformedInput) {
  struct Case {
    const char* text;
    std::string message;
  };
  const Case cases[] = {
      {"no command here", "proc stat has no command name"},
      {"1 (x) S 1 2 3", "proc stat has 6 fields, want at least 24"},
      {"1 (x) S 1 1 1 0 -1 0 0 0 0 0 ab 130 0 0 20 0 9 0 1 2 3",
       "proc stat has a non-numeric field"},
  };
  for (const auto& c : cases) {
    auto stat = ParseProcStat(c.text);
    EXPECT_EQ(stat.status().code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_EQ(stat.status().message(), c.message);
  }
}

TEST(ProcStatTest, ParsesBootTimeAndFileLimit) {
  EXPECT_EQ(*ParseBootTime("cpu  1 2 3\nbtime 1767225600\nprocesses 9\n"), 1767225600u);
  EXPECT_EQ(ParseBootTime("cpu 1\n").status().code(), StatusCode::kNotFound);
  const char* limits =
      "Limit                     Soft Limit           Hard Limit           Units     \n"
      "Max cpu time              unlimited            unlimited            seconds   \n"
      "Max open files            1048576              1048576              files     \n";
  EXPECT_EQ(*ParseMaxOpenFiles(limits), 1048576u);
  EXPECT_EQ(ParseMaxOpenFiles("Max cpu time unlimited\n").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(ProcessCollectorTest, ComputesValuesFromAProcfsFixture) {
  const auto root =
      std::filesystem::temp_directory_path() / ("po-procfs-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "4242" / "fd");
  std::ofstream(root / "4242" / "stat") << kStat;
  std::ofstream(root / "stat") << "cpu 1 2 3\nbtime 1767225600\n";
  std::ofstream(root / "4242" / "limits") << "Max open files            1024     4096     files\n";
  for (int fd = 0; fd < 3; ++fd) std::ofstream(root / "4242" / "fd" / std::to_string(fd));

  ProcessCollector collector(root.string(), "4242");
  auto sample = collector.Sample();
  std::filesystem::remove_all(root);
  ASSERT_TRUE(sample.ok()) << sample.status().ToString();
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  EXPECT_DOUBLE_EQ(sample->cpu_seconds, 380 / ticks);
  EXPECT_DOUBLE_EQ(sample->resident_memory_bytes, 2048.0 * sysconf(_SC_PAGESIZE));
  EXPECT_DOUBLE_EQ(sample->virtual_memory_bytes, 987654321.0);
  EXPECT_DOUBLE_EQ(sample->open_fds, 3);
  EXPECT_DOUBLE_EQ(sample->max_fds, 1024);
  EXPECT_DOUBLE_EQ(sample->start_time_seconds, 1767225600 + 123456 / ticks);
}

TEST(ProcessCollectorTest, CollectsThisProcess) {
  ProcessCollector collector;
  std::map<std::string, double> values;
  for (const auto& family : collector.Collect()) {
    ASSERT_EQ(family.metric.size(), 1u) << family.name;
    values[family.name] = family.type == prometheus::MetricType::Counter
                              ? family.metric[0].counter.value
                              : family.metric[0].gauge.value;
  }
  ASSERT_EQ(values.size(), 6u);
  EXPECT_GT(values["process_resident_memory_bytes"], 1e5);
  EXPECT_GE(values["process_virtual_memory_bytes"], values["process_resident_memory_bytes"]);
  EXPECT_GE(values["process_open_fds"], 3);
  EXPECT_GT(values["process_max_fds"], values["process_open_fds"]);
  EXPECT_GE(values["process_cpu_seconds_total"], 0);
  const double now =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_LE(values["process_start_time_seconds"], now + 1);
  EXPECT_GT(values["process_start_time_seconds"], now - 3600);
}

TEST(ProcessCollectorTest, MissingProcfsYieldsNoMetrics) {
  ProcessCollector collector("/nonexistent-procfs", "self");
  EXPECT_EQ(collector.Sample().status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(collector.Collect().empty());
}

}  // namespace
}  // namespace po::metrics

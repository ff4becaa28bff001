// A Logger whose lines land in a string stream, for asserting on log output in tests.
#pragma once

#include <spdlog/sinks/ostream_sink.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "operator/runtime/log.h"

namespace po::testing {

class LogCapture {
 public:
  explicit LogCapture(const Clock& clock, runtime::LogFormat format = runtime::LogFormat::kJson,
                      runtime::LogLevel level = runtime::LogLevel::kDebug)
      : logger_(std::make_shared<spdlog::logger>(
                    "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(out_)),
                clock, format, level) {}

  const runtime::Logger& logger() const { return logger_; }

  std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

 private:
  std::ostringstream out_;
  runtime::Logger logger_;
};

}  // namespace po::testing

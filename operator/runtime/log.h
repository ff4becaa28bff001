// Structured logging over spdlog: a Logger carries key/value fields (controller, namespace, name,
// reconcileID, ...) and writes one line per call, as JSON ({"ts","level","msg",fields...}) or as
// text. Values under secret-looking keys are redacted. Loggers are cheap immutable values: With()
// returns a new one; all methods are thread-safe.
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "operator/common/clock.h"
#include "operator/common/status.h"

namespace po::runtime {

enum class LogFormat { kJson, kText };
enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// "json" | "text".
Result<LogFormat> ParseLogFormat(std::string_view text);
// "debug" | "info" | "warn" (or "warning") | "error".
Result<LogLevel> ParseLogLevel(std::string_view text);
std::string_view LogLevelName(LogLevel level);

class Logger {
 public:
  // Writes through `sink` (its pattern is set to the bare message); `clock` stamps "ts" and must
  // outlive every copy of the logger.
  Logger(std::shared_ptr<spdlog::logger> sink, const Clock& clock, LogFormat format,
         LogLevel level);

  // A logger to stderr, as main builds it from --log-format and --log-level.
  static Logger Stderr(const Clock& clock, LogFormat format, LogLevel level);
  // A logger that drops everything (for code paths that do not care).
  static Logger Discard(const Clock& clock);

  // A logger whose every line also carries `key`: `value`.
  Logger With(std::string_view key, nlohmann::json value) const;
  // Adds every member of `fields` (an object).
  Logger WithFields(const nlohmann::json& fields) const;

  bool Enabled(LogLevel level) const { return level >= level_; }

  void Debug(std::string_view msg, const nlohmann::json& fields = nullptr) const;
  void Info(std::string_view msg, const nlohmann::json& fields = nullptr) const;
  void Warn(std::string_view msg, const nlohmann::json& fields = nullptr) const;
  void Error(std::string_view msg, const nlohmann::json& fields = nullptr) const;
  // Error with an "error" field holding the status.
  void Error(std::string_view msg, const Status& error,
             const nlohmann::json& fields = nullptr) const;

  // The line Log would write, without writing it (for tests and for the sink).
  std::string Format(LogLevel level, std::string_view msg, const nlohmann::json& fields) const;

 private:
  void Log(LogLevel level, std::string_view msg, const nlohmann::json& fields) const;

  std::shared_ptr<spdlog::logger> sink_;
  const Clock* clock_;
  LogFormat format_;
  LogLevel level_;
  nlohmann::ordered_json fields_ = nlohmann::ordered_json::object();
};

// "2026-01-01T00:00:00.000Z": UTC with milliseconds.
std::string FormatLogTime(Clock::WallTime time);

}  // namespace po::runtime

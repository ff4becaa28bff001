// Renders structured log lines and hands them to spdlog.
#include "operator/runtime/log.h"

#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <chrono>
#include <cstdio>

#include "operator/runtime/redact.h"

namespace po::runtime {
namespace {

std::shared_ptr<spdlog::logger> WithBarePattern(std::shared_ptr<spdlog::logger> logger) {
  logger->set_pattern("%v");
  logger->set_level(spdlog::level::trace);  // Logger filters by its own level
  return logger;
}

std::string TextValue(const nlohmann::ordered_json& value) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s.find_first_of(" \"=\n\t") == std::string::npos && !s.empty()) return s;
  }
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<LogFormat> ParseLogFormat(std::string_view text) {
  if (text == "json") return LogFormat::kJson;
  if (text == "text") return LogFormat::kText;
  return InvalidArgument("unknown log format \"" + std::string(text) + "\" (want json or text)");
}

Result<LogLevel> ParseLogLevel(std::string_view text) {
  if (text == "debug") return LogLevel::kDebug;
  if (text == "info") return LogLevel::kInfo;
  if (text == "warn" || text == "warning") return LogLevel::kWarn;
  if (text == "error") return LogLevel::kError;
  return InvalidArgument("unknown log level \"" + std::string(text) +
                         "\" (want debug, info, warn or error)");
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

std::string FormatLogTime(Clock::WallTime time) {
  const auto ms = std::chrono::time_point_cast<std::chrono::milliseconds>(time);
  const auto secs = std::chrono::floor<std::chrono::seconds>(ms);
  const std::time_t t = std::chrono::system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>((ms - secs).count()));
  return buf;
}

Logger::Logger(std::shared_ptr<spdlog::logger> sink, const Clock& clock, LogFormat format,
               LogLevel level)
    : sink_(WithBarePattern(std::move(sink))), clock_(&clock), format_(format), level_(level) {}

Logger Logger::Stderr(const Clock& clock, LogFormat format, LogLevel level) {
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  return Logger(std::make_shared<spdlog::logger>("platform-operator", sink), clock, format, level);
}

Logger Logger::Discard(const Clock& clock) {
  auto sink = std::make_shared<spdlog::sinks::null_sink_mt>();
  return Logger(std::make_shared<spdlog::logger>("discard", sink), clock, LogFormat::kJson,
                LogLevel::kError);
}

Logger Logger::With(std::string_view key, nlohmann::json value) const {
  Logger copy = *this;
  copy.fields_[std::string(key)] =
      IsSecretKey(key) ? nlohmann::json(kRedacted) : RedactSecrets(value);
  return copy;
}

Logger Logger::WithFields(const nlohmann::json& fields) const {
  Logger copy = *this;
  if (!fields.is_object()) return copy;
  const auto redacted = RedactSecrets(fields);
  for (const auto& [key, value] : redacted.items()) copy.fields_[key] = value;
  return copy;
}

std::string Logger::Format(LogLevel level, std::string_view msg,
                           const nlohmann::json& fields) const {
  nlohmann::ordered_json line = nlohmann::ordered_json::object();
  line["ts"] = FormatLogTime(clock_->WallNow());
  line["level"] = LogLevelName(level);
  line["msg"] = msg;
  for (const auto& [key, value] : fields_.items()) line[key] = value;
  if (fields.is_object()) {
    const nlohmann::json redacted = RedactSecrets(fields);
    for (const auto& [key, value] : redacted.items()) line[key] = value;
  }
  if (format_ == LogFormat::kJson) {
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::string text = line["ts"].get<std::string>() + " " + std::string(LogLevelName(level)) + " " +
                     std::string(msg);
  for (const auto& [key, value] : line.items()) {
    if (key == "ts" || key == "level" || key == "msg") continue;
    text += " " + key + "=" + TextValue(value);
  }
  return text;
}

void Logger::Log(LogLevel level, std::string_view msg, const nlohmann::json& fields) const {
  if (!Enabled(level)) return;
  static constexpr spdlog::level::level_enum kLevels[] = {spdlog::level::debug, spdlog::level::info,
                                                          spdlog::level::warn, spdlog::level::err};
  sink_->log(kLevels[static_cast<int>(level)], "{}", Format(level, msg, fields));
}

void Logger::Debug(std::string_view msg, const nlohmann::json& fields) const {
  Log(LogLevel::kDebug, msg, fields);
}
void Logger::Info(std::string_view msg, const nlohmann::json& fields) const {
  Log(LogLevel::kInfo, msg, fields);
}
void Logger::Warn(std::string_view msg, const nlohmann::json& fields) const {
  Log(LogLevel::kWarn, msg, fields);
}
void Logger::Error(std::string_view msg, const nlohmann::json& fields) const {
  Log(LogLevel::kError, msg, fields);
}
void Logger::Error(std::string_view msg, const Status& error, const nlohmann::json& fields) const {
  nlohmann::json all = fields.is_object() ? fields : nlohmann::json::object();
  all["error"] = error.ToString();
  Log(LogLevel::kError, msg, all);
}

}  // namespace po::runtime

// ISO 8601 timestamp parsing.
#include "operator/aws/time_format.h"

#include <cctype>
#include <cstdio>
#include <string>

namespace po::aws {

Result<std::chrono::system_clock::time_point> ParseIso8601(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string copy(text);
  int consumed = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute,
                  &second, &consumed) != 6) {
    return InvalidArgument("not an ISO 8601 time: \"" + copy + "\"");
  }
  std::string_view rest = text.substr(static_cast<size_t>(consumed));
  if (!rest.empty() && rest.front() == '.') {
    size_t digits = 1;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) {
      ++digits;
    }
    rest.remove_prefix(digits);
  }
  if (rest != "Z" && rest != "+00:00" && rest != "") {
    return InvalidArgument("ISO 8601 time is not in UTC: \"" + copy + "\"");
  }
  std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                   std::chrono::day{unsigned(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) {
    return InvalidArgument("invalid ISO 8601 time: \"" + copy + "\"");
  }
  std::chrono::system_clock::time_point when =
      std::chrono::sys_days{date} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
      std::chrono::seconds(second);
  return when;
}

}  // namespace po::aws

// Parses the ISO 8601 UTC timestamps AWS returns for credential expiry ("2026-01-02T03:04:05Z",
// with optional fractional seconds or a "+00:00" offset). Pure; thread-safe.
#pragma once

#include <chrono>
#include <string_view>

#include "operator/common/status.h"

namespace po::aws {

Result<std::chrono::system_clock::time_point> ParseIso8601(std::string_view text);

}  // namespace po::aws

// Small ASCII string helpers shared by the AWS client: lower-casing, trimming, case-insensitive
// comparison and header lookup. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "operator/aws/uri_encoding.h"

namespace po::aws {

std::string ToLower(std::string_view s);
// Without leading and trailing spaces, tabs, CR and LF.
std::string Trim(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// The value of the first header named `name` (any case), or nullopt.
std::optional<std::string> FindHeader(const KeyValueList& headers, std::string_view name);

}  // namespace po::aws

// Percent-encoding as AWS uses it (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay literal), decoding,
// form bodies, and the URI path normalisation of SigV4. Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace po::aws {

using KeyValueList = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes every byte outside the unreserved set (upper-case hex); '/' stays literal when
// `keep_slash` (for paths).
std::string UriEncode(std::string_view raw, bool keep_slash = false);

// Decodes %XX escapes; malformed escapes are kept literally. '+' is not treated as a space.
std::string UriDecode(std::string_view encoded);

// "a=1&b=x%20y": each name and value UriEncode-d, in the given order (Query protocol bodies and
// URL query strings).
std::string FormEncode(const KeyValueList& params);

// Splits a raw query string ("a=1&b&c=%20") into decoded pairs, in order.
KeyValueList ParseQueryString(std::string_view query);

// SigV4 path normalisation: removes "." and empty segments, resolves "..", keeps a trailing '/'.
// "//example//" -> "/example/", "/a/b/../.." -> "/".
std::string NormalizePath(std::string_view path);

}  // namespace po::aws

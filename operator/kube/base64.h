// Standard base64 (RFC 4648) decoding and encoding, for the *-data fields of kubeconfigs.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "operator/common/status.h"

namespace po::kube {

// Decodes standard base64; whitespace is ignored; InvalidArgument on any other stray character.
Result<std::string> Base64Decode(std::string_view text);
std::string Base64Encode(std::string_view data);

}  // namespace po::kube

// Random version-4 UUIDs for reconcile IDs.
#include "operator/runtime/reconcile_id.h"

#include <cstdint>
#include <cstdio>

namespace po::runtime {

RandomUuidSource::RandomUuidSource() : engine_(std::random_device{}()) {}

std::string RandomUuidSource::NewId() {
  std::uint64_t hi, lo;
  {
    std::lock_guard lock(mu_);
    hi = engine_();
    lo = engine_();
  }
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

}  // namespace po::runtime

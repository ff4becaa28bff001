// spec.deletionPolicy of the AWS-backed kinds: what happens to the AWS resources when the custom
// resource is deleted. Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace po::controllers {

enum class DeletionPolicy {
  kSnapshot,  // final snapshot, then delete (the default)
  kDelete,    // delete without a snapshot
  kRetain,    // leave the AWS resources; only the finalizer goes
};

// "Snapshot" | "Delete" | "Retain"; anything else (including "") is kSnapshot, the safe default.
DeletionPolicy ParseDeletionPolicy(std::string_view text);
std::string_view DeletionPolicyName(DeletionPolicy policy);

// The finalizer every controller of this operator puts on its custom resources.
inline constexpr std::string_view kFinalizer = "platform.startup-metrics.com/finalizer";

}  // namespace po::controllers

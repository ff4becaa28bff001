// Parsing and naming spec.deletionPolicy.
#include "controllers/common/deletion_policy.h"

namespace po::controllers {

DeletionPolicy ParseDeletionPolicy(std::string_view text) {
  if (text == "Delete") return DeletionPolicy::kDelete;
  if (text == "Retain") return DeletionPolicy::kRetain;
  return DeletionPolicy::kSnapshot;
}

std::string_view DeletionPolicyName(DeletionPolicy policy) {
  switch (policy) {
    case DeletionPolicy::kDelete:
      return "Delete";
    case DeletionPolicy::kRetain:
      return "Retain";
    case DeletionPolicy::kSnapshot:
      break;
  }
  return "Snapshot";
}

}  // namespace po::controllers

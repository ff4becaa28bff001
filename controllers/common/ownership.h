// Ownership marks: the tags every AWS resource the operator creates carries (kind, namespace, name
// and UID of the custom resource, plus managed-by), how to merge them with the user's tags, and
// how to tell our resources from foreign ones when deciding whether to adopt. Pure functions.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace po::controllers {

inline constexpr std::string_view kTagManagedBy = "platform.startup-metrics.com/managed-by";
inline constexpr std::string_view kManagedByValue = "platform-operator";
inline constexpr std::string_view kTagKind = "platform.startup-metrics.com/kind";
inline constexpr std::string_view kTagNamespace = "platform.startup-metrics.com/namespace";
inline constexpr std::string_view kTagName = "platform.startup-metrics.com/name";
inline constexpr std::string_view kTagUid = "platform.startup-metrics.com/uid";

// Annotation a user sets to "true" to let the operator adopt an existing AWS resource that does
// not carry our ownership tags.
inline constexpr std::string_view kAdoptAnnotation = "platform.startup-metrics.com/adopt";

using TagMap = std::map<std::string, std::string>;

// The ownership tags of `object` (a custom resource with kind and metadata).
TagMap OwnershipTags(const nlohmann::json& object);

// The user's tags (spec.tags, a string map or null) with the ownership tags laid over them, so a
// user can never overwrite or remove an ownership mark.
TagMap DesiredTags(const nlohmann::json& user_tags, const nlohmann::json& object);

enum class Ownership {
  kOurs,        // carries our tags with this object's UID
  kOtherOwner,  // carries our tags for another object (another UID): never touch
  kUnowned,     // no ownership tags: adopt only with the annotation
};
Ownership ClassifyOwnership(const TagMap& tags, const nlohmann::json& object);

// True when metadata.annotations[kAdoptAnnotation] == "true".
bool AdoptionAllowed(const nlohmann::json& object);

// "<namespace>-<name>", the default AWS identifier of a namespaced custom resource, cut to
// `max_length` characters without a trailing '-'; lower case.
std::string DefaultIdentifier(const nlohmann::json& object, size_t max_length = 63);

}  // namespace po::controllers

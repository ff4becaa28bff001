// Ownership tags and adoption rules.
#include "controllers/common/ownership.h"

#include <cctype>

#include "operator/kube/resource.h"

namespace po::controllers {

TagMap OwnershipTags(const nlohmann::json& object) {
  return {
      {std::string(kTagManagedBy), std::string(kManagedByValue)},
      {std::string(kTagKind), object.value("kind", "")},
      {std::string(kTagNamespace), kube::NamespaceOf(object)},
      {std::string(kTagName), kube::NameOf(object)},
      {std::string(kTagUid), kube::UidOf(object)},
  };
}

TagMap DesiredTags(const nlohmann::json& user_tags, const nlohmann::json& object) {
  TagMap tags;
  if (user_tags.is_object()) {
    for (const auto& [key, value] : user_tags.items()) {
      if (value.is_string()) tags[key] = value.get<std::string>();
    }
  }
  for (auto& [key, value] : OwnershipTags(object)) tags[key] = value;
  return tags;
}

Ownership ClassifyOwnership(const TagMap& tags, const nlohmann::json& object) {
  const auto managed = tags.find(std::string(kTagManagedBy));
  const auto uid = tags.find(std::string(kTagUid));
  if (managed == tags.end() || managed->second != kManagedByValue || uid == tags.end()) {
    return Ownership::kUnowned;
  }
  return uid->second == kube::UidOf(object) ? Ownership::kOurs : Ownership::kOtherOwner;
}

bool AdoptionAllowed(const nlohmann::json& object) {
  const auto metadata = object.find("metadata");
  if (metadata == object.end() || !metadata->is_object()) return false;
  const auto all = metadata->find("annotations");
  if (all == metadata->end() || !all->is_object()) return false;
  const auto it = all->find(std::string(kAdoptAnnotation));
  return it != all->end() && it->is_string() && it->get<std::string>() == "true";
}

std::string DefaultIdentifier(const nlohmann::json& object, size_t max_length) {
  std::string id = kube::NamespaceOf(object) + "-" + kube::NameOf(object);
  for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (id.size() > max_length) id.resize(max_length);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

}  // namespace po::controllers

// Guarded finalizer patches and their retry loops.
#include "operator/runtime/finalizers.h"

#include <functional>
#include <string>

namespace po::runtime {
namespace {

const nlohmann::json* Finalizers(const nlohmann::json& object) {
  if (!object.contains("metadata")) return nullptr;
  const auto& metadata = object["metadata"];
  if (!metadata.is_object() || !metadata.contains("finalizers")) return nullptr;
  const auto& finalizers = metadata["finalizers"];
  return finalizers.is_array() ? &finalizers : nullptr;
}

using PatchBuilder =
    std::function<Result<std::optional<nlohmann::json>>(const nlohmann::json&, std::string_view)>;

Result<nlohmann::json> PatchWithRetry(StatusClient& client, Clock& clock, const ObjectKey& key,
                                      std::string_view finalizer, const nlohmann::json* current,
                                      const RetryOptions& options, const PatchBuilder& build,
                                      const std::string& what) {
  std::optional<nlohmann::json> latest;
  if (current) latest = *current;
  auto attempt = [&]() -> Result<nlohmann::json> {
    if (!latest) {
      auto fetched = client.Get(key);
      if (!fetched.ok()) return fetched.status().WithContext(what);
      latest = std::move(fetched).value();
    }
    nlohmann::json object = std::move(*latest);
    latest.reset();  // a retry re-reads
    auto patch = build(object, finalizer);
    if (!patch.ok()) return patch.status().WithContext(what);
    if (!patch->has_value()) return object;
    auto patched = client.JsonPatch(key, **patch);
    if (!patched.ok()) return patched.status().WithContext(what);
    return patched;
  };
  return RetryWhile(
      clock, options,
      [](const Status& s) {
        return s.code() == StatusCode::kConflict || s.code() == StatusCode::kInvalidArgument;
      },
      attempt);
}

std::string Describe(const ObjectKey& key) {
  return key.ns.empty() ? key.name : key.ns + "/" + key.name;
}

}  // namespace

bool HasFinalizer(const nlohmann::json& object, std::string_view finalizer) {
  const auto* finalizers = Finalizers(object);
  if (!finalizers) return false;
  for (const auto& f : *finalizers) {
    if (f.is_string() && f.get_ref<const std::string&>() == finalizer) return true;
  }
  return false;
}

Result<std::optional<nlohmann::json>> AddFinalizerPatch(const nlohmann::json& object,
                                                        std::string_view finalizer) {
  if (HasFinalizer(object, finalizer)) return std::optional<nlohmann::json>();
  if (const auto* finalizers = Finalizers(object)) {
    return std::optional<nlohmann::json>(nlohmann::json::array({
        {{"op", "test"}, {"path", "/metadata/finalizers"}, {"value", *finalizers}},
        {{"op", "add"}, {"path", "/metadata/finalizers/-"}, {"value", finalizer}},
    }));
  }
  // No list yet: "add" would replace a list someone else creates meanwhile, so guard on the
  // resourceVersion instead.
  const auto* metadata = object.contains("metadata") ? &object["metadata"] : nullptr;
  if (!metadata || !metadata->is_object() || !metadata->contains("resourceVersion") ||
      !(*metadata)["resourceVersion"].is_string()) {
    return InvalidArgument("cannot guard a finalizer patch: the object has no resourceVersion");
  }
  return std::optional<nlohmann::json>(nlohmann::json::array({
      {{"op", "test"},
       {"path", "/metadata/resourceVersion"},
       {"value", (*metadata)["resourceVersion"]}},
      {{"op", "add"},
       {"path", "/metadata/finalizers"},
       {"value", nlohmann::json::array({finalizer})}},
  }));
}

Result<std::optional<nlohmann::json>> RemoveFinalizerPatch(const nlohmann::json& object,
                                                           std::string_view finalizer) {
  const auto* finalizers = Finalizers(object);
  if (!finalizers) return std::optional<nlohmann::json>();
  for (size_t i = 0; i < finalizers->size(); ++i) {
    const auto& f = (*finalizers)[i];
    if (!f.is_string() || f.get_ref<const std::string&>() != finalizer) continue;
    return std::optional<nlohmann::json>(nlohmann::json::array({
        {{"op", "test"}, {"path", "/metadata/finalizers"}, {"value", *finalizers}},
        {{"op", "remove"}, {"path", "/metadata/finalizers/" + std::to_string(i)}},
    }));
  }
  return std::optional<nlohmann::json>();
}

Result<nlohmann::json> EnsureFinalizer(StatusClient& client, Clock& clock, const ObjectKey& key,
                                       std::string_view finalizer, const nlohmann::json* current,
                                       const RetryOptions& options) {
  return PatchWithRetry(client, clock, key, finalizer, current, options, AddFinalizerPatch,
                        "adding finalizer " + std::string(finalizer) + " to " + Describe(key));
}

Result<nlohmann::json> RemoveFinalizer(StatusClient& client, Clock& clock, const ObjectKey& key,
                                       std::string_view finalizer, const nlohmann::json* current,
                                       const RetryOptions& options) {
  return PatchWithRetry(client, clock, key, finalizer, current, options, RemoveFinalizerPatch,
                        "removing finalizer " + std::string(finalizer) + " from " + Describe(key));
}

}  // namespace po::runtime

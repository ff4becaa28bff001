// The few object operations the status and finalizer helpers need, kept abstract so they can be
// faked; the kube client provides the real implementation for each resource type. Implementations
// must be thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "operator/common/status.h"

namespace po::runtime {

struct ObjectKey {
  std::string ns;  // empty for cluster-scoped objects
  std::string name;
};

class StatusClient {
 public:
  virtual ~StatusClient() = default;
  // GET the object. kNotFound if it does not exist.
  virtual Result<nlohmann::json> Get(const ObjectKey& key) = 0;
  // PUT the object's /status subresource; the object's metadata.resourceVersion is the
  // precondition. kConflict when it is stale (HTTP 409). Returns the stored object.
  virtual Result<nlohmann::json> UpdateStatus(const nlohmann::json& object) = 0;
  // PATCH the object with an RFC 6902 JSON patch (application/json-patch+json). A failed `test`
  // operation is answered by the apiserver with HTTP 422, reported as kInvalidArgument (or
  // kConflict); a stale resourceVersion as kConflict. Returns the stored object.
  virtual Result<nlohmann::json> JsonPatch(const ObjectKey& key, const nlohmann::json& patch) = 0;
};

}  // namespace po::runtime

// The Kubernetes API as the operator uses it: unstructured (nlohmann::json) objects addressed by a
// ResourceRef, namespace and name. RestKubeClient talks to an apiserver; FakeKubeClient keeps
// objects in memory and records calls. Implementations are thread-safe.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "operator/common/status.h"
#include "operator/kube/resource.h"

namespace po::kube {

using Json = nlohmann::json;

enum class PatchType {
  kMerge,  // application/merge-patch+json (RFC 7386)
  kJson,   // application/json-patch+json (RFC 6902)
  kApply,  // application/apply-patch+yaml: server-side apply, forced, as the client's field manager
};
std::string_view PatchContentType(PatchType type);

struct DeleteOptions {
  // Preconditions: the delete fails with Conflict unless the object still has this uid / version.
  std::string precondition_uid{};
  std::string precondition_resource_version{};
  // "Foreground" | "Background" | "Orphan" | "" (the server's default for the kind).
  std::string propagation_policy{};
  std::optional<int> grace_period_seconds{};
};

// One page of a LIST: the items, the list's resourceVersion and the continue token ("" on the
// last page).
struct ObjectList {
  std::vector<Json> items;
  std::string resource_version;
  std::string continue_token;
};

enum class WatchEventType { kAdded, kModified, kDeleted, kBookmark };
std::string_view WatchEventTypeName(WatchEventType type);

struct WatchEvent {
  WatchEventType type;
  Json object;
};

class KubeClient {
 public:
  // Receives each watch event in order; return false to stop watching.
  using WatchHandler = std::function<bool(const WatchEvent&)>;

  virtual ~KubeClient() = default;

  virtual Result<Json> Get(const ResourceRef& resource, std::string_view ns,
                           std::string_view name) = 0;

  // One LIST call with exactly these options (a single page when options.limit > 0).
  virtual Result<ObjectList> ListPage(const ResourceRef& resource, std::string_view ns,
                                      const ListOptions& options) = 0;

  // POST to the collection of object's namespace (metadata.namespace, else `ns`).
  virtual Result<Json> Create(const ResourceRef& resource, std::string_view ns,
                              const Json& object) = 0;

  // PUT of the whole object (metadata.resourceVersion makes it conditional). `subresource` is ""
  // or "status".
  virtual Result<Json> Update(const ResourceRef& resource, const Json& object,
                              std::string_view subresource = "") = 0;

  // PATCH with a merge patch, JSON patch or server-side apply document (`patch` is its text).
  virtual Result<Json> Patch(const ResourceRef& resource, std::string_view ns,
                             std::string_view name, PatchType type, std::string_view patch,
                             std::string_view subresource = "") = 0;

  virtual Status Delete(const ResourceRef& resource, std::string_view ns, std::string_view name,
                        const DeleteOptions& options = {}) = 0;

  // Streams changes after options.resource_version until the server ends the watch (Ok), the
  // handler returns false (Ok), `stop` is requested (Cancelled) or an error occurs. An ERROR event
  // ends the watch with its Status mapped to a code (410 → Gone).
  virtual Status Watch(const ResourceRef& resource, std::string_view ns, const ListOptions& options,
                       const WatchHandler& handler, std::stop_token stop) = 0;

  // Whether the server serves `kind` in group/version (discovery; answers may be cached briefly).
  virtual Result<bool> IsServed(std::string_view group, std::string_view version,
                                std::string_view kind) = 0;

  // Every page of a LIST, following continue tokens with `page_size` items per page (client-go's
  // pager default is 500). The result carries the first page's resourceVersion. When a continue
  // token expires mid-way (410), falls back to one unpaged LIST, as client-go's pager does.
  Result<ObjectList> List(const ResourceRef& resource, std::string_view ns,
                          ListOptions options = {}, int page_size = 500);
};

}  // namespace po::kube

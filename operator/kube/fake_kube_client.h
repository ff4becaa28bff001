// An in-memory KubeClient for unit tests: objects kept per resource with resourceVersions, uids,
// optimistic concurrency, delete preconditions, merge/JSON patches (apply patches are treated as
// merge patches), a watch fed from the change history, and a record of every call. Errors can be
// injected per verb. Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>

#include "operator/kube/kube_client.h"

namespace po::kube {

class FakeKubeClient final : public KubeClient {
 public:
  struct Call {
    std::string verb;  // "get", "list", "create", "update", "patch", "delete", "watch", "discover"
    std::string resource;  // plural, with "/status" appended for the subresource
    std::string ns;
    std::string name;
    std::string body;  // the object, patch or delete options sent, as JSON text
  };

  Result<Json> Get(const ResourceRef& resource, std::string_view ns,
                   std::string_view name) override;
  Result<ObjectList> ListPage(const ResourceRef& resource, std::string_view ns,
                              const ListOptions& options) override;
  Result<Json> Create(const ResourceRef& resource, std::string_view ns,
                      const Json& object) override;
  Result<Json> Update(const ResourceRef& resource, const Json& object,
                      std::string_view subresource = "") override;
  Result<Json> Patch(const ResourceRef& resource, std::string_view ns, std::string_view name,
                     PatchType type, std::string_view patch,
                     std::string_view subresource = "") override;
  Status Delete(const ResourceRef& resource, std::string_view ns, std::string_view name,
                const DeleteOptions& options = {}) override;
  // Replays history newer than options.resource_version, then waits for changes until `stop`.
  Status Watch(const ResourceRef& resource, std::string_view ns, const ListOptions& options,
               const WatchHandler& handler, std::stop_token stop) override;
  Result<bool> IsServed(std::string_view group, std::string_view version,
                        std::string_view kind) override;

  // The next call of `verb` fails with `status` (queued; one per call).
  void FailNext(const std::string& verb, Status status);
  // Kinds that IsServed reports as served ("group/version/Kind"; core is "v1/Kind").
  void Serve(const std::string& group_version_kind);

  std::vector<Call> Calls() const;
  std::vector<Call> CallsOf(const std::string& verb) const;
  void ClearCalls();
  // Stored objects of a resource (all namespaces), in key order.
  std::vector<Json> Objects(const ResourceRef& resource) const;

 private:
  struct Change {
    std::int64_t rv;
    WatchEventType type;
    Json object;
  };
  struct Table {
    std::map<std::string, Json> objects;  // by "ns/name"
    std::deque<Change> history;
  };

  std::optional<Status> TakeFailure(const std::string& verb);
  void Record(const std::string& verb, const ResourceRef& resource, std::string_view subresource,
              std::string_view ns, std::string_view name, std::string body);
  Json Stamp(Json object);  // assigns the next resourceVersion
  void Publish(Table& table, WatchEventType type, const Json& object);
  static std::string TableKey(const ResourceRef& resource);
  static Status NotFoundError(const ResourceRef& resource, std::string_view name);

  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, Table> tables_;
  std::map<std::string, std::deque<Status>> failures_;
  std::vector<std::string> served_;
  std::vector<Call> calls_;
  std::int64_t next_rv_ = 1000;
  std::int64_t next_uid_ = 1;
};

}  // namespace po::kube

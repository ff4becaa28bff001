// The in-memory KubeClient used by unit tests.
#include "operator/kube/fake_kube_client.h"

#include <algorithm>

namespace po::kube {

std::string FakeKubeClient::TableKey(const ResourceRef& resource) {
  return resource.group + "/" + resource.version + "/" + resource.plural;
}

Status FakeKubeClient::NotFoundError(const ResourceRef& resource, std::string_view name) {
  return NotFound(resource.plural + " \"" + std::string(name) + "\" not found");
}

std::optional<Status> FakeKubeClient::TakeFailure(const std::string& verb) {
  auto it = failures_.find(verb);
  if (it == failures_.end() || it->second.empty()) return std::nullopt;
  Status status = it->second.front();
  it->second.pop_front();
  return status;
}

void FakeKubeClient::Record(const std::string& verb, const ResourceRef& resource,
                            std::string_view subresource, std::string_view ns,
                            std::string_view name, std::string body) {
  std::string what = resource.plural;
  if (!subresource.empty()) what += "/" + std::string(subresource);
  calls_.push_back({verb, what, std::string(ns), std::string(name), std::move(body)});
}

Json FakeKubeClient::Stamp(Json object) {
  object["metadata"]["resourceVersion"] = std::to_string(++next_rv_);
  return object;
}

void FakeKubeClient::Publish(Table& table, WatchEventType type, const Json& object) {
  table.history.push_back({next_rv_, type, object});
  changed_.notify_all();
}

Result<Json> FakeKubeClient::Get(const ResourceRef& resource, std::string_view ns,
                                 std::string_view name) {
  std::lock_guard lock(mu_);
  Record("get", resource, "", ns, name, "");
  if (auto failure = TakeFailure("get")) return *failure;
  auto& table = tables_[TableKey(resource)];
  auto it = table.objects.find(ObjectKey(resource.namespaced ? ns : "", name));
  if (it == table.objects.end()) return NotFoundError(resource, name);
  return it->second;
}

Result<ObjectList> FakeKubeClient::ListPage(const ResourceRef& resource, std::string_view ns,
                                            const ListOptions& options) {
  std::lock_guard lock(mu_);
  Record("list", resource, "", ns, "", options.resource_version.value_or("<unset>"));
  if (auto failure = TakeFailure("list")) return *failure;
  ObjectList list;
  for (const auto& [key, object] : tables_[TableKey(resource)].objects) {
    if (!ns.empty() && NamespaceOf(object) != ns) continue;
    list.items.push_back(object);
  }
  list.resource_version = std::to_string(next_rv_);
  return list;
}

Result<Json> FakeKubeClient::Create(const ResourceRef& resource, std::string_view ns,
                                    const Json& object) {
  std::lock_guard lock(mu_);
  std::string target_ns = NamespaceOf(object).empty() ? std::string(ns) : NamespaceOf(object);
  Record("create", resource, "", target_ns, NameOf(object), object.dump());
  if (auto failure = TakeFailure("create")) return *failure;
  Json stored = object;
  if (NameOf(stored).empty()) {
    std::string prefix = stored["metadata"].value("generateName", "");
    if (prefix.empty()) return InvalidArgument("name or generateName is required");
    stored["metadata"]["name"] = prefix + std::to_string(next_uid_);
  }
  if (resource.namespaced) stored["metadata"]["namespace"] = target_ns;
  auto& table = tables_[TableKey(resource)];
  std::string key = ObjectKeyOf(stored);
  if (table.objects.count(key)) {
    return Status(StatusCode::kAlreadyExists,
                  resource.plural + " \"" + NameOf(stored) + "\" already exists");
  }
  stored["metadata"]["uid"] = "uid-" + std::to_string(next_uid_++);
  stored["metadata"].erase("generateName");
  if (!resource.kind.empty()) {
    stored["kind"] = resource.kind;
    stored["apiVersion"] = resource.ApiVersion();
  }
  stored = Stamp(std::move(stored));
  table.objects[key] = stored;
  Publish(table, WatchEventType::kAdded, stored);
  return stored;
}

Result<Json> FakeKubeClient::Update(const ResourceRef& resource, const Json& object,
                                    std::string_view subresource) {
  std::lock_guard lock(mu_);
  Record("update", resource, subresource, NamespaceOf(object), NameOf(object), object.dump());
  if (auto failure = TakeFailure("update")) return *failure;
  auto& table = tables_[TableKey(resource)];
  auto it = table.objects.find(ObjectKeyOf(object));
  if (it == table.objects.end()) return NotFoundError(resource, NameOf(object));
  std::string rv = ResourceVersionOf(object);
  if (!rv.empty() && rv != ResourceVersionOf(it->second)) {
    return Status(StatusCode::kConflict,
                  "Operation cannot be fulfilled on " + resource.plural + " \"" + NameOf(object) +
                      "\": the object has been modified; please apply your changes to the latest "
                      "version and try again");
  }
  Json stored = object;
  stored["metadata"]["uid"] = it->second["metadata"]["uid"];
  if (subresource == "status") {
    stored = it->second;
    if (object.contains("status")) stored["status"] = object["status"];
  }
  stored = Stamp(std::move(stored));
  it->second = stored;
  Publish(table, WatchEventType::kModified, stored);
  return stored;
}

Result<Json> FakeKubeClient::Patch(const ResourceRef& resource, std::string_view ns,
                                   std::string_view name, PatchType type, std::string_view patch,
                                   std::string_view subresource) {
  std::lock_guard lock(mu_);
  Record("patch", resource, subresource, ns, name, std::string(patch));
  if (auto failure = TakeFailure("patch")) return *failure;
  auto& table = tables_[TableKey(resource)];
  auto it = table.objects.find(ObjectKey(resource.namespaced ? ns : "", name));
  if (it == table.objects.end()) return NotFoundError(resource, name);
  Json doc = Json::parse(patch, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return InvalidArgument("the patch is not JSON");
  Json patched = it->second;
  try {
    if (type == PatchType::kJson) {
      patched = patched.patch(doc);
    } else {
      patched.merge_patch(doc);
    }
  } catch (const Json::exception& e) {
    return InvalidArgument(std::string("the patch does not apply: ") + e.what());
  }
  std::string rv = ResourceVersionOf(doc);
  if (!rv.empty() && rv != ResourceVersionOf(it->second)) {
    return Status(StatusCode::kConflict, "the object has been modified");
  }
  patched["metadata"]["uid"] = it->second["metadata"]["uid"];
  patched = Stamp(std::move(patched));
  it->second = patched;
  Publish(table, WatchEventType::kModified, patched);
  return patched;
}

Status FakeKubeClient::Delete(const ResourceRef& resource, std::string_view ns,
                              std::string_view name, const DeleteOptions& options) {
  std::lock_guard lock(mu_);
  Json body = {{"propagationPolicy", options.propagation_policy},
               {"uid", options.precondition_uid},
               {"resourceVersion", options.precondition_resource_version}};
  Record("delete", resource, "", ns, name, body.dump());
  if (auto failure = TakeFailure("delete")) return *failure;
  auto& table = tables_[TableKey(resource)];
  auto it = table.objects.find(ObjectKey(resource.namespaced ? ns : "", name));
  if (it == table.objects.end()) return NotFoundError(resource, name);
  if ((!options.precondition_uid.empty() && options.precondition_uid != UidOf(it->second)) ||
      (!options.precondition_resource_version.empty() &&
       options.precondition_resource_version != ResourceVersionOf(it->second))) {
    return Status(StatusCode::kConflict, "Precondition failed for " + std::string(name));
  }
  Json deleted = Stamp(it->second);
  table.objects.erase(it);
  Publish(table, WatchEventType::kDeleted, deleted);
  return Status::Ok();
}

Status FakeKubeClient::Watch(const ResourceRef& resource, std::string_view ns,
                             const ListOptions& options, const WatchHandler& handler,
                             std::stop_token stop) {
  // Registered before taking the lock: it runs at once (and locks) when stop was already requested.
  std::stop_callback wake(stop, [this] {
    std::lock_guard inner(mu_);
    changed_.notify_all();
  });
  std::unique_lock lock(mu_);
  Record("watch", resource, "", ns, "", options.resource_version.value_or(""));
  if (auto failure = TakeFailure("watch")) return *failure;
  std::int64_t after = 0;
  if (options.resource_version && !options.resource_version->empty()) {
    after = std::stoll(*options.resource_version);
  }
  const std::string table_key = TableKey(resource);
  while (!stop.stop_requested()) {
    std::vector<WatchEvent> pending;
    for (const auto& change : tables_[table_key].history) {
      if (change.rv <= after) continue;
      after = change.rv;
      if (!ns.empty() && NamespaceOf(change.object) != ns) continue;
      pending.push_back({change.type, change.object});
    }
    if (pending.empty()) {
      changed_.wait(lock);
      continue;
    }
    lock.unlock();
    for (const auto& event : pending) {
      if (!handler(event)) return Status::Ok();
    }
    lock.lock();
  }
  return Status(StatusCode::kCancelled, "watch cancelled");
}

Result<bool> FakeKubeClient::IsServed(std::string_view group, std::string_view version,
                                      std::string_view kind) {
  std::lock_guard lock(mu_);
  std::string gvk = group.empty()
                        ? std::string(version) + "/" + std::string(kind)
                        : std::string(group) + "/" + std::string(version) + "/" + std::string(kind);
  calls_.push_back({"discover", gvk, "", "", ""});
  if (auto failure = TakeFailure("discover")) return *failure;
  return std::find(served_.begin(), served_.end(), gvk) != served_.end();
}

void FakeKubeClient::FailNext(const std::string& verb, Status status) {
  std::lock_guard lock(mu_);
  failures_[verb].push_back(std::move(status));
}

void FakeKubeClient::Serve(const std::string& group_version_kind) {
  std::lock_guard lock(mu_);
  served_.push_back(group_version_kind);
}

std::vector<FakeKubeClient::Call> FakeKubeClient::Calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}

std::vector<FakeKubeClient::Call> FakeKubeClient::CallsOf(const std::string& verb) const {
  std::lock_guard lock(mu_);
  std::vector<Call> out;
  for (const auto& call : calls_) {
    if (call.verb == verb) out.push_back(call);
  }
  return out;
}

void FakeKubeClient::ClearCalls() {
  std::lock_guard lock(mu_);
  calls_.clear();
}

std::vector<Json> FakeKubeClient::Objects(const ResourceRef& resource) const {
  std::lock_guard lock(mu_);
  std::vector<Json> out;
  auto it = tables_.find(TableKey(resource));
  if (it == tables_.end()) return out;
  for (const auto& [key, object] : it->second.objects) out.push_back(object);
  return out;
}

}  // namespace po::kube

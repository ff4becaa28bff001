// An in-memory StatusClient with the apiserver's concurrency rules: UpdateStatus checks the
// resourceVersion (409 → kConflict) and stores only .status; JsonPatch applies RFC 6902 (a failed
// `test` → kInvalidArgument, as HTTP 422). Every write bumps the resourceVersion. A hook runs
// before each write so tests can play a concurrent writer. Records the calls made. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "operator/runtime/object_client.h"

namespace po::testing {

class FakeStatusClient final : public runtime::StatusClient {
 public:
  using Hook = std::function<void(nlohmann::json& stored)>;

  void Put(const nlohmann::json& object) {
    std::lock_guard lock(mu_);
    objects_[KeyOf(object)] = object;
  }
  nlohmann::json Stored(const runtime::ObjectKey& key) {
    std::lock_guard lock(mu_);
    return objects_.at(key.ns + "/" + key.name);
  }
  // Runs before each of the next `times` writes against the stored object; the change counts as
  // someone else's write (the resourceVersion moves).
  void InterfereBeforeWrites(int times, Hook hook) {
    std::lock_guard lock(mu_);
    interfere_times_ = times;
    hook_ = std::move(hook);
  }
  std::vector<std::string> calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }

  Result<nlohmann::json> Get(const runtime::ObjectKey& key) override {
    std::lock_guard lock(mu_);
    calls_.push_back("get");
    auto it = objects_.find(key.ns + "/" + key.name);
    if (it == objects_.end()) return NotFound("\"" + key.name + "\" not found");
    return it->second;
  }

  Result<nlohmann::json> UpdateStatus(const nlohmann::json& object) override {
    std::lock_guard lock(mu_);
    calls_.push_back("update-status");
    auto it = objects_.find(KeyOf(object));
    if (it == objects_.end()) return NotFound("not found");
    Interfere(it->second);
    if (object["metadata"]["resourceVersion"] != it->second["metadata"]["resourceVersion"]) {
      return Status(StatusCode::kConflict,
                    "the object has been modified; please apply your changes to the latest "
                    "version and try again");
    }
    it->second["status"] = object.value("status", nlohmann::json::object());
    Bump(it->second);
    return it->second;
  }

  Result<nlohmann::json> JsonPatch(const runtime::ObjectKey& key,
                                   const nlohmann::json& patch) override {
    std::lock_guard lock(mu_);
    calls_.push_back("patch");
    patches_.push_back(patch);
    auto it = objects_.find(key.ns + "/" + key.name);
    if (it == objects_.end()) return NotFound("not found");
    Interfere(it->second);
    nlohmann::json patched;
    try {
      patched = it->second.patch(patch);
    } catch (const nlohmann::json::exception& e) {
      return InvalidArgument(std::string("the server rejected our request: ") + e.what());
    }
    it->second = patched;
    Bump(it->second);
    return it->second;
  }

  std::vector<nlohmann::json> patches() const {
    std::lock_guard lock(mu_);
    return patches_;
  }

 private:
  static std::string KeyOf(const nlohmann::json& object) {
    return object["metadata"].value("namespace", "") + "/" + object["metadata"].value("name", "");
  }
  static void Bump(nlohmann::json& object) {
    const int rv = std::stoi(object["metadata"].value("resourceVersion", "0"));
    object["metadata"]["resourceVersion"] = std::to_string(rv + 1);
  }
  void Interfere(nlohmann::json& stored) {
    if (interfere_times_ <= 0 || !hook_) return;
    --interfere_times_;
    hook_(stored);
    Bump(stored);
  }

  mutable std::mutex mu_;
  std::map<std::string, nlohmann::json> objects_;
  std::vector<std::string> calls_;
  std::vector<nlohmann::json> patches_;
  int interfere_times_ = 0;
  Hook hook_;
};

}  // namespace po::testing

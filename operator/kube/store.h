// Caches objects in memory: a map from "namespace/name" to the latest object, with secondary
// indexes (index name → value → keys) and a built-in index of owner UIDs. Readers never see a
// half-applied Replace: the new contents are built aside and swapped in under the lock.
// Thread-safe; objects are shared immutable snapshots.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "operator/common/status.h"

namespace po::kube {

using ObjectPtr = std::shared_ptr<const nlohmann::json>;

// The built-in index: every metadata.ownerReferences[].uid of an object.
inline constexpr char kByOwnerUidIndex[] = "by-owner-uid";

class Store {
 public:
  // The values an object is indexed under (empty = not indexed).
  using IndexFunc = std::function<std::vector<std::string>(const nlohmann::json&)>;
  using ObjectMap = std::map<std::string, ObjectPtr>;

  Store();

  // Adds an index and indexes the objects already present. AlreadyExists for a taken name.
  Status AddIndex(const std::string& name, IndexFunc func);

  // Inserts or replaces the object under its key; returns the previous one (null if none).
  ObjectPtr Upsert(ObjectPtr object);
  // Removes a key; returns the removed object (null if none).
  ObjectPtr Remove(const std::string& key);
  // Replaces the whole contents at once; returns the previous contents.
  ObjectMap Replace(const std::vector<ObjectPtr>& objects);

  ObjectPtr Get(const std::string& key) const;  // null when absent
  std::vector<ObjectPtr> List() const;          // in key order
  std::vector<std::string> Keys() const;        // in key order
  size_t Size() const;
  // Objects whose index `index` contains `value`; NotFound for an unknown index.
  Result<std::vector<ObjectPtr>> ByIndex(const std::string& index, const std::string& value) const;

 private:
  using IndexValues = std::map<std::string, std::set<std::string>>;  // value → keys
  void IndexObject(const std::string& key, const nlohmann::json& object,
                   std::map<std::string, IndexValues>& indexes) const;
  void UnindexObject(const std::string& key, const nlohmann::json& object,
                     std::map<std::string, IndexValues>& indexes) const;

  mutable std::shared_mutex mu_;
  ObjectMap items_;
  std::map<std::string, IndexFunc> index_funcs_;
  std::map<std::string, IndexValues> indexes_;
};

// The UIDs of an object's ownerReferences (the kByOwnerUidIndex function).
std::vector<std::string> OwnerUids(const nlohmann::json& object);

}  // namespace po::kube

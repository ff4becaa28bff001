// The informer's indexed object cache.
#include "operator/kube/store.h"

#include "operator/kube/resource.h"

namespace po::kube {

std::vector<std::string> OwnerUids(const nlohmann::json& object) {
  std::vector<std::string> uids;
  auto meta = object.find("metadata");
  if (meta == object.end() || !meta->is_object()) return uids;
  auto owners = meta->find("ownerReferences");
  if (owners == meta->end() || !owners->is_array()) return uids;
  for (const auto& owner : *owners) {
    if (owner.is_object() && owner.contains("uid") && owner["uid"].is_string()) {
      uids.push_back(owner["uid"].get<std::string>());
    }
  }
  return uids;
}

Store::Store() {
  index_funcs_[kByOwnerUidIndex] = OwnerUids;
}

Status Store::AddIndex(const std::string& name, IndexFunc func) {
  std::unique_lock lock(mu_);
  if (index_funcs_.count(name)) {
    return Status(StatusCode::kAlreadyExists, "index \"" + name + "\" already exists");
  }
  index_funcs_[name] = std::move(func);
  auto& values = indexes_[name];
  for (const auto& [key, object] : items_) {
    for (const auto& value : index_funcs_[name](*object)) values[value].insert(key);
  }
  return Status::Ok();
}

void Store::IndexObject(const std::string& key, const nlohmann::json& object,
                        std::map<std::string, IndexValues>& indexes) const {
  for (const auto& [name, func] : index_funcs_) {
    auto& values = indexes[name];
    for (const auto& value : func(object)) values[value].insert(key);
  }
}

void Store::UnindexObject(const std::string& key, const nlohmann::json& object,
                          std::map<std::string, IndexValues>& indexes) const {
  for (const auto& [name, func] : index_funcs_) {
    auto& values = indexes[name];
    for (const auto& value : func(object)) {
      auto it = values.find(value);
      if (it == values.end()) continue;
      it->second.erase(key);
      if (it->second.empty()) values.erase(it);
    }
  }
}

ObjectPtr Store::Upsert(ObjectPtr object) {
  std::string key = ObjectKeyOf(*object);
  std::unique_lock lock(mu_);
  ObjectPtr previous;
  if (auto it = items_.find(key); it != items_.end()) {
    previous = it->second;
    UnindexObject(key, *previous, indexes_);
  }
  IndexObject(key, *object, indexes_);
  items_[key] = std::move(object);
  return previous;
}

ObjectPtr Store::Remove(const std::string& key) {
  std::unique_lock lock(mu_);
  auto it = items_.find(key);
  if (it == items_.end()) return nullptr;
  ObjectPtr previous = it->second;
  UnindexObject(key, *previous, indexes_);
  items_.erase(it);
  return previous;
}

Store::ObjectMap Store::Replace(const std::vector<ObjectPtr>& objects) {
  ObjectMap items;
  std::map<std::string, IndexValues> indexes;
  std::map<std::string, IndexFunc> funcs;
  {
    std::shared_lock lock(mu_);
    funcs = index_funcs_;
  }
  for (const auto& object : objects) items[ObjectKeyOf(*object)] = object;
  for (const auto& [key, object] : items) {
    for (const auto& [name, func] : funcs) {
      auto& values = indexes[name];
      for (const auto& value : func(*object)) values[value].insert(key);
    }
  }
  std::unique_lock lock(mu_);
  if (funcs.size() != index_funcs_.size()) {  // an index was added meanwhile: build it too
    indexes.clear();
    for (const auto& [key, object] : items) IndexObject(key, *object, indexes);
  }
  items_.swap(items);
  indexes_.swap(indexes);
  return items;  // now the previous contents
}

ObjectPtr Store::Get(const std::string& key) const {
  std::shared_lock lock(mu_);
  auto it = items_.find(key);
  return it == items_.end() ? nullptr : it->second;
}

std::vector<ObjectPtr> Store::List() const {
  std::shared_lock lock(mu_);
  std::vector<ObjectPtr> out;
  out.reserve(items_.size());
  for (const auto& [key, object] : items_) out.push_back(object);
  return out;
}

std::vector<std::string> Store::Keys() const {
  std::shared_lock lock(mu_);
  std::vector<std::string> out;
  out.reserve(items_.size());
  for (const auto& [key, object] : items_) out.push_back(key);
  return out;
}

size_t Store::Size() const {
  std::shared_lock lock(mu_);
  return items_.size();
}

Result<std::vector<ObjectPtr>> Store::ByIndex(const std::string& index,
                                              const std::string& value) const {
  std::shared_lock lock(mu_);
  if (!index_funcs_.count(index)) return NotFound("no index named \"" + index + "\"");
  std::vector<ObjectPtr> out;
  auto values = indexes_.find(index);
  if (values == indexes_.end()) return out;
  auto keys = values->second.find(value);
  if (keys == values->second.end()) return out;
  for (const auto& key : keys->second) {
    if (auto it = items_.find(key); it != items_.end()) out.push_back(it->second);
  }
  return out;
}

}  // namespace po::kube

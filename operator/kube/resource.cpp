// Paths, query strings and cache keys for Kubernetes resources.
#include "operator/kube/resource.h"

#include <cstdio>

namespace po::kube {

std::string ResourceRef::ApiVersion() const {
  return group.empty() ? version : group + "/" + version;
}

ResourceRef ConfigMaps() {
  return {"", "v1", "configmaps", "ConfigMap", true};
}
ResourceRef Secrets() {
  return {"", "v1", "secrets", "Secret", true};
}
ResourceRef Namespaces() {
  return {"", "v1", "namespaces", "Namespace", false};
}
ResourceRef Events() {
  return {"", "v1", "events", "Event", true};
}
ResourceRef Leases() {
  return {"coordination.k8s.io", "v1", "leases", "Lease", true};
}
ResourceRef ServiceAccounts() {
  return {"", "v1", "serviceaccounts", "ServiceAccount", true};
}
ResourceRef CustomResourceDefinitions() {
  return {"apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition",
          false};
}

std::string ResourcePath(const ResourceRef& resource, std::string_view ns, std::string_view name,
                         std::string_view subresource) {
  std::string path = resource.group.empty() ? "/api/" + resource.version
                                            : "/apis/" + resource.group + "/" + resource.version;
  if (resource.namespaced && !ns.empty()) {
    path += "/namespaces/";
    path += ns;
  }
  path += "/";
  path += resource.plural;
  if (!name.empty()) {
    path += "/";
    path += name;
    if (!subresource.empty()) {
      path += "/";
      path += subresource;
    }
  }
  return path;
}

std::string QueryEscape(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (unsigned char c : value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string ListQuery(const ListOptions& options, bool watch) {
  std::string query;
  auto add = [&query](std::string_view key, std::string_view value) {
    query += query.empty() ? "?" : "&";
    query += key;
    query += "=";
    query += QueryEscape(value);
  };
  if (!options.label_selector.empty()) add("labelSelector", options.label_selector);
  if (!options.field_selector.empty()) add("fieldSelector", options.field_selector);
  if (options.resource_version && !options.resource_version->empty()) {
    add("resourceVersion", *options.resource_version);
  }
  if (!options.resource_version_match.empty()) {
    add("resourceVersionMatch", options.resource_version_match);
  }
  if (watch) {
    add("watch", "true");
    if (options.allow_watch_bookmarks) add("allowWatchBookmarks", "true");
    if (options.timeout_seconds > 0) add("timeoutSeconds", std::to_string(options.timeout_seconds));
  } else {
    if (options.limit > 0) add("limit", std::to_string(options.limit));
    if (!options.continue_token.empty()) add("continue", options.continue_token);
  }
  return query;
}

std::string ObjectKey(std::string_view ns, std::string_view name) {
  if (ns.empty()) return std::string(name);
  std::string key(ns);
  key += "/";
  key += name;
  return key;
}

namespace {
std::string MetadataString(const nlohmann::json& object, const char* field) {
  if (!object.is_object()) return "";
  auto meta = object.find("metadata");
  if (meta == object.end() || !meta->is_object()) return "";
  auto it = meta->find(field);
  if (it == meta->end() || !it->is_string()) return "";
  return it->get<std::string>();
}
}  // namespace

std::string NameOf(const nlohmann::json& object) {
  return MetadataString(object, "name");
}
std::string NamespaceOf(const nlohmann::json& object) {
  return MetadataString(object, "namespace");
}
std::string ResourceVersionOf(const nlohmann::json& object) {
  return MetadataString(object, "resourceVersion");
}
std::string UidOf(const nlohmann::json& object) {
  return MetadataString(object, "uid");
}
std::string ObjectKeyOf(const nlohmann::json& object) {
  return ObjectKey(NamespaceOf(object), NameOf(object));
}

}  // namespace po::kube

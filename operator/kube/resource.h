// Addresses Kubernetes resources: a group/version/plural (ResourceRef), the paths and query strings
// the apiserver expects for them, and the "namespace/name" keys caches use.
// Plain values and pure functions; safe to share between threads.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace po::kube {

// A resource type as the apiserver serves it. Core types use group "" (served under /api/v1).
struct ResourceRef {
  std::string group;    // "" for core, e.g. "apps", "coordination.k8s.io"
  std::string version;  // e.g. "v1"
  std::string plural;   // e.g. "configmaps"
  std::string kind;     // e.g. "ConfigMap"; used for ownerReferences and discovery
  bool namespaced = true;

  // "v1" for core, "apps/v1" otherwise.
  std::string ApiVersion() const;
  bool operator==(const ResourceRef&) const = default;
};

// Frequently used built-in resources.
ResourceRef ConfigMaps();
ResourceRef Secrets();
ResourceRef Namespaces();
ResourceRef Events();
ResourceRef Leases();
ResourceRef ServiceAccounts();
ResourceRef CustomResourceDefinitions();

// Query options for list and watch calls. Empty fields are left out of the query string.
struct ListOptions {
  std::string label_selector{};
  std::string field_selector{};
  std::optional<std::string> resource_version{};  // "0" = any cached version, "" = most recent
  std::string resource_version_match{};           // "NotOlderThan" | "Exact" | ""
  int limit = 0;                                  // 0 = no paging
  std::string continue_token{};
  bool allow_watch_bookmarks = false;  // watch only
  int timeout_seconds = 0;             // watch only; 0 = server default
};

// "/api/v1/namespaces/ns/configmaps/name" or "/apis/g/v/plural"; empty namespace on a namespaced
// resource addresses all namespaces; empty name addresses the collection. `subresource` (e.g.
// "status") is appended after the name.
std::string ResourcePath(const ResourceRef& resource, std::string_view ns, std::string_view name,
                         std::string_view subresource = "");

// "?limit=500&continue=..." (or "" when nothing is set), values percent-encoded.
std::string ListQuery(const ListOptions& options, bool watch);

// Percent-encodes a query value (RFC 3986 unreserved characters pass through).
std::string QueryEscape(std::string_view value);

// "namespace/name" for namespaced objects, "name" for cluster-scoped ones (client-go's
// MetaNamespaceKeyFunc).
std::string ObjectKey(std::string_view ns, std::string_view name);
std::string ObjectKeyOf(const nlohmann::json& object);

// metadata fields of an unstructured object, "" when absent.
std::string NameOf(const nlohmann::json& object);
std::string NamespaceOf(const nlohmann::json& object);
std::string ResourceVersionOf(const nlohmann::json& object);
std::string UidOf(const nlohmann::json& object);

}  // namespace po::kube

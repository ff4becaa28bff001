// Shared parts of the KubeClient interface: names and the paging LIST.
#include "operator/kube/kube_client.h"

namespace po::kube {

std::string_view PatchContentType(PatchType type) {
  switch (type) {
    case PatchType::kMerge:
      return "application/merge-patch+json";
    case PatchType::kJson:
      return "application/json-patch+json";
    case PatchType::kApply:
      return "application/apply-patch+yaml";
  }
  return "application/merge-patch+json";
}

std::string_view WatchEventTypeName(WatchEventType type) {
  switch (type) {
    case WatchEventType::kAdded:
      return "ADDED";
    case WatchEventType::kModified:
      return "MODIFIED";
    case WatchEventType::kDeleted:
      return "DELETED";
    case WatchEventType::kBookmark:
      return "BOOKMARK";
  }
  return "UNKNOWN";
}

Result<ObjectList> KubeClient::List(const ResourceRef& resource, std::string_view ns,
                                    ListOptions options, int page_size) {
  options.limit = page_size;
  options.continue_token.clear();
  ObjectList all;
  bool first = true;
  for (;;) {
    auto page = ListPage(resource, ns, options);
    if (!page.ok()) {
      if (!first && page.status().code() == StatusCode::kGone) {
        // The continue token expired: list everything in one consistent call instead.
        options.limit = 0;
        options.continue_token.clear();
        options.resource_version.reset();
        return ListPage(resource, ns, options);
      }
      return page.status();
    }
    if (first) all.resource_version = page->resource_version;
    first = false;
    for (auto& item : page->items) all.items.push_back(std::move(item));
    if (page->continue_token.empty()) return all;
    options.continue_token = page->continue_token;
    // A continued LIST must not repeat the resourceVersion; the token carries it.
    options.resource_version.reset();
    options.resource_version_match.clear();
  }
}

}  // namespace po::kube

// Creates informers on demand, one per watched collection, and registers them with the Manager.
#include "operator/app/shared_informers.h"

#include "operator/kube/watcher.h"

namespace po::app {
namespace {

std::string CacheName(const WatchSpec& spec) {
  std::string name = spec.resource.kind.empty() ? spec.resource.plural : spec.resource.kind;
  if (!spec.ns.empty()) name += " in " + spec.ns;
  if (!spec.label_selector.empty()) name += " (" + spec.label_selector + ")";
  return name;
}

}  // namespace

SharedInformers::SharedInformers(kube::KubeClient& client, Clock& clock, kube::RandomSource& random,
                                 runtime::Manager& manager, kube::InformerOptions options)
    : client_(client), clock_(clock), random_(random), manager_(manager), options_(options) {}

std::shared_ptr<InformerCache> SharedInformers::For(const WatchSpec& spec) {
  const std::string ns = spec.resource.namespaced ? spec.ns : "";
  Key key{spec.resource.group, spec.resource.version, spec.resource.plural, ns,
          spec.label_selector};
  std::lock_guard lock(mu_);
  if (auto it = informers_.find(key); it != informers_.end()) return it->second;
  auto source =
      std::make_unique<kube::ClientListerWatcher>(client_, spec.resource, ns, spec.label_selector);
  auto informer = std::make_unique<kube::Informer>(std::move(source), clock_, random_, options_);
  auto cache = std::make_shared<InformerCache>(CacheName({spec.resource, ns, spec.label_selector}),
                                               std::move(informer));
  informers_.emplace(key, cache);
  manager_.AddCache(cache);
  return cache;
}

std::vector<std::shared_ptr<InformerCache>> SharedInformers::All() const {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<InformerCache>> all;
  for (const auto& [key, cache] : informers_) all.push_back(cache);
  return all;
}

}  // namespace po::app

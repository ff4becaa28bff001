// SharedInformers: one InformerCache per watched collection (resource, namespace, label selector),
// shared by every controller that watches it — controller-runtime's informer cache. Each new
// informer is handed to the Manager, which starts it, waits for it to sync and stops it.
// Thread-safe; every For() call must happen before the Manager runs.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "operator/app/informer_cache.h"
#include "operator/common/clock.h"
#include "operator/kube/informer.h"
#include "operator/kube/kube_client.h"
#include "operator/kube/random_source.h"
#include "operator/kube/resource.h"
#include "operator/runtime/manager.h"

namespace po::app {

// A watched collection.
struct WatchSpec {
  kube::ResourceRef resource;
  std::string ns;              // "" = all namespaces (or cluster-scoped)
  std::string label_selector;  // "" = every object
};

class SharedInformers {
 public:
  // Every argument must outlive this object. `options` applies to every informer.
  SharedInformers(kube::KubeClient& client, Clock& clock, kube::RandomSource& random,
                  runtime::Manager& manager, kube::InformerOptions options = {});

  // The informer for `spec`, created (and added to the manager) on first use.
  std::shared_ptr<InformerCache> For(const WatchSpec& spec);
  std::vector<std::shared_ptr<InformerCache>> All() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

  kube::KubeClient& client_;
  Clock& clock_;
  kube::RandomSource& random_;
  runtime::Manager& manager_;
  const kube::InformerOptions options_;
  mutable std::mutex mu_;
  std::map<Key, std::shared_ptr<InformerCache>> informers_;
};

}  // namespace po::app

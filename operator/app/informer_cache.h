// InformerCache: a kube::Informer seen as a runtime::CacheSource, so the Manager can start it,
// wait for its first list and stop it, while controllers add handlers and read its store.
// Thread-safe; handlers must be added before Start.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "operator/common/status.h"
#include "operator/kube/informer.h"
#include "operator/runtime/cache_source.h"

namespace po::app {

class InformerCache final : public runtime::CacheSource {
 public:
  // `name` appears in logs and in /readyz output (e.g. "ConfigMap").
  InformerCache(std::string name, std::unique_ptr<kube::Informer> informer);
  ~InformerCache() override;

  std::string Name() const override { return name_; }
  // kFailedPrecondition when called twice or after Stop.
  Status Start() override;
  bool HasSynced() const override { return informer_->HasSynced(); }
  void Stop() override;

  // kFailedPrecondition once started: an informer takes handlers only before it runs.
  Status AddEventHandlers(kube::EventHandlers handlers);
  const kube::Store& GetStore() const { return informer_->GetStore(); }
  kube::Informer& informer() { return *informer_; }

 private:
  const std::string name_;
  std::unique_ptr<kube::Informer> informer_;
  std::mutex mu_;
  bool started_ = false;
  bool stopped_ = false;
};

}  // namespace po::app

// Adapts kube::Informer to the Manager's CacheSource lifecycle.
#include "operator/app/informer_cache.h"

namespace po::app {

InformerCache::InformerCache(std::string name, std::unique_ptr<kube::Informer> informer)
    : name_(std::move(name)), informer_(std::move(informer)) {}

InformerCache::~InformerCache() {
  Stop();
}

Status InformerCache::Start() {
  std::lock_guard lock(mu_);
  if (started_ || stopped_) {
    return FailedPrecondition("informer " + name_ + " was already started");
  }
  started_ = true;
  informer_->Start();
  return Status::Ok();
}

void InformerCache::Stop() {
  std::lock_guard lock(mu_);
  if (stopped_) return;
  stopped_ = true;
  if (started_) informer_->Stop();
}

Status InformerCache::AddEventHandlers(kube::EventHandlers handlers) {
  std::lock_guard lock(mu_);
  if (started_ || stopped_) {
    return FailedPrecondition("cannot add event handlers to informer " + name_ +
                              " after it started");
  }
  informer_->AddEventHandlers(std::move(handlers));
  return Status::Ok();
}

}  // namespace po::app

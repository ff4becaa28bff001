// What the Manager needs from an informer (its cache of watched objects): start it, ask whether
// its initial list has been loaded, stop it. The kube informers implement this. Implementations
// must be thread-safe: HasSynced is polled from other threads.
#pragma once

#include <string>

#include "operator/common/status.h"

namespace po::runtime {

class CacheSource {
 public:
  virtual ~CacheSource() = default;
  // A name for logs and readiness output, e.g. "DatabaseCluster".
  virtual std::string Name() const = 0;
  // Begins listing and watching in the background; returns once started.
  virtual Status Start() = 0;
  // True once the initial list has been delivered to the cache and its handlers.
  virtual bool HasSynced() const = 0;
  // Stops watching; returns when the background work has ended.
  virtual void Stop() = 0;
};

}  // namespace po::runtime

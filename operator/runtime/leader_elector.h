// The shape of a leader elector the Manager can run under: it campaigns in the background and calls
// back when this replica starts or stops leading (client-go leaderelection's callbacks). The kube
// lease-based elector implements it. Callbacks may come from the elector's own thread.
#pragma once

#include <functional>
#include <string>

#include "operator/common/status.h"

namespace po::runtime {

struct LeaderCallbacks {
  std::function<void()> on_started_leading;
  std::function<void()> on_stopped_leading;
  std::function<void(const std::string& identity)> on_new_leader;  // optional
};

class LeaderElector {
 public:
  virtual ~LeaderElector() = default;
  // The lease name: the `name` label of leader_election_master_status.
  virtual std::string Name() const = 0;
  // Starts campaigning in the background; returns once started.
  virtual Status Start(LeaderCallbacks callbacks) = 0;
  // Stops campaigning and, if leading, releases the lease. Returns when done.
  virtual void Stop() = 0;
};

}  // namespace po::runtime

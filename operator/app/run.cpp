// Wires the operator's parts together from a Config and runs them until asked to stop.
#include "operator/app/run.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "operator/app/client_config.h"
#include "operator/app/controller_setup.h"
#include "operator/app/lease_leader_elector.h"
#include "operator/app/rest_client_observer.h"
#include "operator/app/shared_informers.h"
#include "operator/app/stop_relay.h"
#include "operator/aws/clients.h"
#include "operator/common/clock.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/event_recorder.h"
#include "operator/kube/leader_election.h"
#include "operator/kube/random_source.h"
#include "operator/kube/rest_kube_client.h"
#include "operator/metrics/bind_address.h"
#include "operator/metrics/health_server.h"
#include "operator/metrics/metrics_server.h"
#include "operator/metrics/process_collector.h"
#include "operator/metrics/registry.h"
#include "operator/metrics/rest_client_metrics.h"
#include "operator/runtime/log.h"
#include "operator/runtime/manager.h"
#include "operator/runtime/signals.h"

namespace po::app {
namespace {

int Fail(const std::string& message) {
  std::cerr << "platform-operator: " << message << "\n";
  return 1;
}

Result<runtime::Logger> MakeLogger(const config::Config& config, const Clock& clock) {
  PO_ASSIGN_OR_RETURN(auto format, runtime::ParseLogFormat(config.log_format));
  // The runtime's most verbose level is debug; --log-level=trace maps to it.
  PO_ASSIGN_OR_RETURN(auto level,
                      runtime::ParseLogLevel(config.log_level == "trace" ? std::string("debug")
                                                                         : config.log_level));
  return runtime::Logger::Stderr(clock, format, level);
}

Result<metrics::BindAddress> ParseAddress(const std::string& flag, const std::string& text) {
  auto address = metrics::ParseBindAddress(text);
  if (!address.ok()) {
    return InvalidArgument("invalid " + flag + " \"" + text + "\": " + address.status().message());
  }
  return address;
}

}  // namespace

int Run(const config::Config& config, const ControllerRegistry& controllers) {
  // First, before any thread exists, so that every thread inherits the blocked signal mask.
  StopRelay stop;
  auto signals = runtime::SignalWatcher::Start([&stop](int) { stop.RequestStop(); });
  if (!signals.ok()) return Fail(signals.status().message());

  RealClock clock;
  auto logger = MakeLogger(config, clock);
  if (!logger.ok()) return Fail(logger.status().message());
  auto metrics_address = ParseAddress("--metrics-bind-address", config.metrics_bind_address);
  if (!metrics_address.ok()) return Fail(metrics_address.status().message());
  auto health_address =
      ParseAddress("--health-probe-bind-address", config.health_probe_bind_address);
  if (!health_address.ok()) return Fail(health_address.status().message());
  const ClientConfigSources sources = ProcessClientConfigSources();
  auto rest_config = LoadClientConfig(config.kubeconfig, sources);
  if (!rest_config.ok()) return Fail(rest_config.status().message());

  metrics::Registry registry;
  registry.AddCollectable(std::make_shared<metrics::ProcessCollector>());
  metrics::RestClientMetrics rest_metrics(registry);
  RestClientObserver observer(rest_metrics);
  kube::RealCommandRunner runner;
  kube::RealRandom random;
  std::unique_ptr<kube::RestKubeClient> client =
      kube::MakeRestKubeClient(*rest_config, clock, runner, &observer);

  runtime::Manager manager({}, clock, registry, *logger);
  kube::InformerOptions informer_options;
  informer_options.resync_period = config.resync_period;
  SharedInformers informers(*client, clock, random, manager, informer_options);
  aws::ServiceClients aws(config.aws_endpoint_url, config.aws_region, clock, registry.prom());
  kube::EventRecorder events(*client, clock);
  ControllerSetup setup{*client,  informers, manager,           clock,
                        registry, *logger,   config.namespace_, config.max_concurrent_reconciles};
  setup.aws = &aws.clients();
  setup.events = &events;
  if (Status set_up = controllers.SetupAll(setup); !set_up.ok()) return Fail(set_up.message());

  if (config.leader_elect) {
    kube::LeaderElectionConfig election;
    election.lease_namespace = LeaderElectionNamespace(config.leader_election_namespace, sources);
    election.lease_name = config.leader_election_id;
    election.identity = kube::DefaultIdentity(random);
    election.lease_duration = config.leader_election_lease_duration;
    election.renew_deadline = config.leader_election_renew_deadline;
    election.retry_period = config.leader_election_retry_period;
    // Standbys watch the Lease so a graceful hand-over (SIGTERM → release) is taken at once.
    election.watch_for_release = true;
    runtime::Logger log = *logger;
    // A lost lease ends the process at once, as controller-runtime does: another replica may
    // already be leading, so no reconcile of ours may continue.
    auto on_lost = [log](const Status& error) {
      log.Error("leader election lost", error);
      std::fflush(nullptr);
      std::_Exit(1);
    };
    logger->Info("Leader election enabled",
                 {{"lease", election.lease_namespace + "/" + election.lease_name},
                  {"identity", election.identity}});
    manager.SetLeaderElector(
        std::make_shared<LeaseLeaderElector>(*client, clock, random, election, on_lost));
  }

  auto metrics_server = metrics::MetricsServer::Start(*metrics_address, registry);
  if (!metrics_server.ok()) {
    return Fail("cannot serve metrics on " + config.metrics_bind_address + ": " +
                metrics_server.status().message());
  }
  metrics::HealthServer health;
  health.AddHealthzCheck("ping", [] { return Status::Ok(); });
  health.AddReadyzCheck("caches", [&manager] { return manager.CachesSynced(); });
  if (Status started = health.Start(*health_address); !started.ok()) {
    return Fail("cannot serve health probes on " + config.health_probe_bind_address + ": " +
                started.message());
  }
  logger->Info("Serving", {{"metrics", config.metrics_bind_address},
                           {"healthProbes", config.health_probe_bind_address}});

  stop.Attach(&manager);
  Status result = manager.Run();
  stop.Attach(nullptr);
  health.Stop();
  if (result.ok() || (stop.Requested() && result.code() == StatusCode::kCancelled)) {
    logger->Info("Stopped");
    return 0;
  }
  logger->Error("Manager stopped with an error", result);
  return 1;
}

}  // namespace po::app

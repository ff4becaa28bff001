// CacheClusterReconciler: observe → gate → act → report for one CacheCluster (create, converge,
// AUTH token, connection Secret, status); deletion and ownership live in their own files.
#include "controllers/cache_cluster/reconciler.h"

#include "controllers/cache_cluster/auth_token.h"
#include "controllers/cache_cluster/connection_secret.h"
#include "controllers/cache_cluster/desired.h"
#include "controllers/cache_cluster/diff.h"
#include "controllers/cache_cluster/observed.h"
#include "controllers/cache_cluster/plan.h"
#include "controllers/cache_cluster/reconciler_support.h"
#include "controllers/cache_cluster/status.h"
#include "controllers/common/ownership.h"
#include "controllers/common/secrets.h"
#include "operator/kube/event_correlator.h"
#include "operator/runtime/conditions.h"
#include "operator/runtime/finalizers.h"

namespace po::controllers::cache_cluster {
namespace {

namespace ec = aws::elasticache;
using nlohmann::json;
using runtime::ReconcileResult;

bool Deleting(const json& object) {
  return object.contains("metadata") && object["metadata"].contains("deletionTimestamp") &&
         !object["metadata"]["deletionTimestamp"].is_null();
}

// A failed status write is retried; a report's other effects already happened.
ReconcileResult Worse(ReconcileResult result, const Status& write) {
  if (write.ok() || result.kind() == ReconcileResult::Kind::kRetryableError) return result;
  return ReconcileResult::RetryableError(write.WithContext("while writing the status"));
}

template <typename Request>
aws::Outcome<ec::ReplicationGroup> Execute(ec::ElastiCacheApi& api, const std::string& region,
                                           const Request& request) {
  using T = std::decay_t<Request>;
  if constexpr (std::is_same_v<T, ec::ModifyReplicationGroupMessage>) {
    return api.ModifyReplicationGroup(region, request);
  } else if constexpr (std::is_same_v<T, ec::ModifyReplicationGroupShardConfigurationMessage>) {
    return api.ModifyReplicationGroupShardConfiguration(region, request);
  } else if constexpr (std::is_same_v<T, ec::IncreaseReplicaCountMessage>) {
    return api.IncreaseReplicaCount(region, request);
  } else {
    return api.DecreaseReplicaCount(region, request);
  }
}

}  // namespace

CacheClusterReconciler::CacheClusterReconciler(ReconcilerDeps deps, ReconcilerOptions options)
    : deps_(deps), options_(std::move(options)) {
  if (!options_.generate_token) options_.generate_token = [] { return GeneratePassword(32); };
}

void CacheClusterReconciler::Event(const Round& round, kube::EventType type,
                                   const std::string& reason, const std::string& message) {
  deps_.events.Record(kube::ReferenceTo(round.object), type, reason, message);
}

void CacheClusterReconciler::NoteAction(const std::string& key, const std::string& region) {
  {
    std::lock_guard lock(mu_);
    last_action_[key] = deps_.clock.Now();
  }
  deps_.groups.MarkStale(region);
}

bool CacheClusterReconciler::ObservedBeforeLastAction(const std::string& key,
                                                      Clock::TimePoint fetch_started) {
  std::lock_guard lock(mu_);
  auto it = last_action_.find(key);
  return it != last_action_.end() && fetch_started <= it->second;
}

void CacheClusterReconciler::ForgetKey(const std::string& key) {
  std::lock_guard lock(mu_);
  last_action_.erase(key);
  tags_applied_.erase(key);
}

ReconcileResult CacheClusterReconciler::Reconcile(const runtime::Request& request,
                                                  runtime::ReconcileContext&) {
  Round round;
  round.request = request;
  round.key = request.Key();
  auto object = deps_.client.Get(CacheClusters(), request.ns, request.name);
  if (!object.ok()) {
    if (object.status().code() == StatusCode::kNotFound) {
      deps_.metrics.Forget(request.ns, request.name);
      deps_.backoff.Reset(round.key);
      ForgetKey(round.key);
      return ReconcileResult::Done();
    }
    return ReconcileResult::RetryableError(
        object.status().WithContext("while reading CacheCluster " + round.key));
  }
  round.object = std::move(object).value();
  ParsedSpec parsed = ParseSpec(round.object);
  round.spec = std::move(parsed.spec);
  round.group_id = ReplicationGroupId(round.spec, round.object);
  if (Deleting(round.object)) return Delete(round);

  if (!parsed.errors.empty()) {
    std::string message;
    for (const std::string& error : parsed.errors) message += (message.empty() ? "" : "; ") + error;
    StatusReport report;
    report.phase = std::string(kPhaseFailed);
    report.conditions = {Cond(kConditionSynced, false, "InvalidSpec", message),
                         Cond(kConditionReady, false, "InvalidSpec", "the spec cannot be applied")};
    Event(round, kube::EventType::kWarning, "InvalidSpec", message);
    return Report(round, std::move(report), ReconcileResult::Done());
  }

  const runtime::ObjectKey key{request.ns, request.name};
  auto with_finalizer =
      runtime::EnsureFinalizer(deps_.status, deps_.clock, key, kFinalizer, &round.object);
  if (!with_finalizer.ok()) {
    return ReconcileResult::RetryableError(
        with_finalizer.status().WithContext("while adding the finalizer"));
  }
  round.object = std::move(with_finalizer).value();
  return Converge(round);
}

Result<std::optional<std::string>> CacheClusterReconciler::AuthToken(Round& round) {
  if (!round.spec.auth_token_secret) return std::optional<std::string>();
  const std::string& name = *round.spec.auth_token_secret;
  auto value = ReadSecretValue(deps_.client, round.request.ns, name, kAuthTokenKey);
  if (!value.ok()) return value.status();
  if (*value) return value;
  // No Secret yet: generate a token and keep it in a Secret this CacheCluster owns.
  PO_ASSIGN_OR_RETURN(std::string token, options_.generate_token());
  auto applied = ApplyOwnedSecret(deps_.client, round.object, name, {{kAuthTokenKey, token}});
  if (!applied.ok()) return applied.status();
  Event(round, kube::EventType::kNormal, "AuthTokenGenerated",
        "generated an AUTH token into Secret " + name);
  return std::optional<std::string>(token);
}

ReconcileResult CacheClusterReconciler::Converge(Round& round) {
  auto lookup = deps_.groups.Find(round.spec.region, round.group_id);
  if (!lookup.ok()) {
    return ReconcileResult::RetryableError(
        lookup.status().WithContext("while observing replication group " + round.group_id));
  }
  if (ObservedBeforeLastAction(round.key, lookup->fetch_started)) {
    return ReconcileResult::RequeueAfter(options_.settle);
  }
  if (!lookup->group) return Create(round);
  return ConvergeExisting(round, *lookup->group);
}

ReconcileResult CacheClusterReconciler::Create(Round& round) {
  auto token = AuthToken(round);
  if (!token.ok()) {
    StatusReport report;
    report.phase = std::string(kPhasePending);
    report.conditions = {
        Cond(kConditionSynced, false, "AuthTokenUnavailable", token.status().message()),
        Cond(kConditionReady, false, "AuthTokenUnavailable", "waiting for the AUTH token Secret")};
    return Report(round, std::move(report),
                  ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key)));
  }
  if (auto subnets = DesiredSubnetGroup(round.spec, round.group_id, round.object)) {
    auto created = deps_.api.CreateCacheSubnetGroup(round.spec.region, *subnets);
    // Already there: ours from an earlier round (it carries this group's unique name).
    if (!created.ok() && created.error().code.rfind("CacheSubnetGroupAlreadyExists", 0) != 0) {
      if (!RequestRejected(created.error())) {
        return ReconcileResult::RetryableError(created.error().ToStatus().WithContext(
            "while creating cache subnet group " + round.group_id));
      }
      StatusReport report;
      report.phase = std::string(kPhaseFailed);
      report.conditions = {
          Cond(kConditionSynced, false, "SubnetGroupRejected", created.error().message),
          Cond(kConditionReady, false, "SubnetGroupRejected",
               "ElastiCache rejected the cache subnet group")};
      Event(round, kube::EventType::kWarning, "SubnetGroupRejected",
            created.error().code + ": " + created.error().message);
      return Report(round, std::move(report),
                    ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key)));
    }
    if (created.ok()) {
      Event(round, kube::EventType::kNormal, "SubnetGroupCreated",
            "created cache subnet group " + round.group_id);
    }
  }
  const ec::CreateReplicationGroupMessage request =
      DesiredCreateRequest(round.spec, round.group_id, round.object, *token);
  auto created = deps_.api.CreateReplicationGroup(round.spec.region, request);
  if (!created.ok()) {
    const aws::AwsError& error = created.error();
    if (error.code == "ReplicationGroupAlreadyExists" ||
        error.code == "ReplicationGroupAlreadyExistsFault") {
      deps_.groups.MarkStale(round.spec.region);
      return ReconcileResult::RequeueAfter(options_.settle);
    }
    if (!RequestRejected(error)) {
      return ReconcileResult::RetryableError(
          error.ToStatus().WithContext("while creating replication group " + round.group_id));
    }
    StatusReport report;
    report.phase = std::string(kPhaseFailed);
    report.conditions = {Cond(kConditionSynced, false, "CreateRejected", error.message),
                         Cond(kConditionReady, false, "CreateRejected",
                              "ElastiCache rejected the replication group")};
    Event(round, kube::EventType::kWarning, "CreateRejected", error.code + ": " + error.message);
    return Report(round, std::move(report),
                  ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key)));
  }
  NoteAction(round.key, round.spec.region);
  Event(round, kube::EventType::kNormal, "Creating",
        "creating replication group " + round.group_id + " (" + std::to_string(round.spec.shards) +
            " shards, " + std::to_string(round.spec.replicas_per_shard) + " replicas each)");
  StatusReport report;
  report.phase = std::string(kPhaseCreating);
  report.fields["arn"] = created->ARN ? json(*created->ARN) : json(nullptr);
  report.fields["engineVersion"] = round.spec.engine_version;
  report.conditions = {
      Cond(kConditionReady, false, "Creating", "the replication group is being created"),
      Cond(kConditionSynced, false, "Creating", "creating replication group " + round.group_id)};
  return Report(round, std::move(report), ReconcileResult::RequeueAfter(options_.settle));
}

ReconcileResult CacheClusterReconciler::ConvergeExisting(Round& round,
                                                         const ec::ReplicationGroup& group) {
  const Status owned = CheckOwnership(round, group);
  if (!owned.ok()) {
    if (owned.code() != StatusCode::kFailedPrecondition) {
      return ReconcileResult::RetryableError(owned);
    }
    StatusReport report;
    report.phase = std::string(kPhaseFailed);
    report.conditions = {Cond(kConditionSynced, false, "NotOwned", owned.message()),
                         Cond(kConditionReady, false, "NotOwned", owned.message())};
    Event(round, kube::EventType::kWarning, "NotOwned", owned.message());
    return Report(round, std::move(report), ReconcileResult::RequeueAfter(options_.resync));
  }

  const ObservedGroup observed = Observe(group);
  const std::string applied_version = StatusString(round.object, "engineVersion");
  const GroupDiff diff = Diff(round.spec, observed, applied_version);
  const std::string region = round.spec.region;
  const std::string secret_name = ConnectionSecretName(round.request.name);
  const bool settled = observed.status == "available" && !observed.pending_changes;
  const bool rotation_pending = runtime::IsConditionTrue(
      round.object.contains("status") ? round.object["status"].value("conditions", json::array())
                                      : json::array(),
      kConditionAuthTokenRotation);

  std::string acting;
  json extra_fields = json::object();
  std::vector<runtime::Condition> extra_conditions;
  std::vector<std::string> remove_conditions;
  std::optional<std::string> connection_token;

  if (settled) {
    // AUTH token first: the connection Secret must never carry a token the group does not take.
    std::optional<std::string> user_token;
    if (round.spec.auth_token_secret) {
      auto token = AuthToken(round);
      if (!token.ok()) {
        return ReconcileResult::RetryableError(
            token.status().WithContext("while reading the AUTH token"));
      }
      user_token = *token;
    }
    std::optional<std::string> applied_token;
    if (user_token) {
      auto current =
          ReadSecretValue(deps_.client, round.request.ns, secret_name, kConnectionAuthTokenKey);
      if (current.ok()) applied_token = *current;
    }
    const AuthTokenAction action =
        DecideAuthToken({user_token, applied_token, observed.auth_token_enabled, rotation_pending});
    connection_token = applied_token ? applied_token : user_token;
    if (action != AuthTokenAction::kNone) {
      auto modified = deps_.api.ModifyReplicationGroup(
          region, AuthTokenRequest(round.group_id, action, *user_token));
      if (!modified.ok()) {
        Event(round, kube::EventType::kWarning, "AuthTokenFailed", modified.error().code);
        return ReconcileResult::RetryableError(
            modified.error().ToStatus().WithContext("while changing the AUTH token"));
      }
      NoteAction(round.key, region);
      connection_token = user_token;
      if (action == AuthTokenAction::kRotate) {
        acting = "AUTH token rotation (ROTATE)";
        extra_conditions.push_back(Cond(kConditionAuthTokenRotation, true, "Rotating",
                                        "both tokens are valid until the new one is SET"));
        Event(round, kube::EventType::kNormal, "AuthTokenRotating",
              "rotating the AUTH token: old and new token valid");
      } else {
        acting = "AUTH token SET";
        remove_conditions.push_back(kConditionAuthTokenRotation);
        Event(round, kube::EventType::kNormal, "AuthTokenSet",
              "the AUTH token is set; only the new token is valid");
      }
    } else if (!round.spec.auth_token_secret) {
      connection_token.reset();
    }

    if (acting.empty()) {
      const std::vector<Step> steps = Plan(round.spec, observed, applied_version);
      if (!steps.empty()) {
        const Step& step = steps.front();
        auto done = std::visit(
            [&](const auto& request) { return Execute(deps_.api, region, request); }, step.request);
        if (!done.ok()) {
          Event(round, kube::EventType::kWarning, "ModifyFailed",
                step.description + ": " + done.error().code + ": " + done.error().message);
          if (!RequestRejected(done.error())) {
            return ReconcileResult::RetryableError(
                done.error().ToStatus().WithContext("while applying " + step.description));
          }
          StatusReport report = GroupReport(observed, diff, "");
          report.conditions.push_back(Cond(kConditionSynced, false, "ModifyRejected",
                                           step.description + ": " + done.error().message));
          return Report(round, std::move(report),
                        ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key)));
        }
        NoteAction(round.key, region);
        acting = step.description;
        if (step.kind == StepKind::kChangeEngineVersion) {
          extra_fields["engineVersion"] = round.spec.engine_version;
        }
        Event(
            round, kube::EventType::kNormal, "Modifying",
            std::string(StepKindName(step.kind)) + ": " + step.description +
                (steps.size() > 1 ? " (" + std::to_string(steps.size() - 1) + " more after)" : ""));
      }
    }

    if (acting.empty()) {
      const Status tagged = ApplyTags(round, group);
      if (!tagged.ok()) return ReconcileResult::RetryableError(tagged);
    }

    if (auto data =
            ConnectionSecretData(observed, round.spec.in_transit_encryption, connection_token)) {
      auto applied = ApplyOwnedSecret(deps_.client, round.object, secret_name, *data);
      if (!applied.ok()) {
        return ReconcileResult::RetryableError(
            applied.status().WithContext("while writing the connection Secret"));
      }
      if (*applied == SecretChange::kCreated) {
        Event(round, kube::EventType::kNormal, "ConnectionSecretCreated",
              "connection details written to Secret " + secret_name);
      }
      round.connection_secret = secret_name;
    }
  }

  StatusReport report = GroupReport(observed, diff, acting);
  for (auto& [k, v] : extra_fields.items()) report.fields[k] = v;
  for (auto& condition : extra_conditions) report.conditions.push_back(condition);
  report.remove_conditions = remove_conditions;
  if (applied_version.empty() && observed.status == "available" && diff.immutable.empty()) {
    // Created before the version was recorded, or adopted: trust the spec from now on.
    report.fields["engineVersion"] = round.spec.engine_version;
  }
  const bool ready = observed.status == "available";
  deps_.metrics.Observe(round.request.ns, round.request.name, observed.status, ready, 1);

  if (observed.status == "create-failed") {
    Event(round, kube::EventType::kWarning, "CreateFailed",
          "ElastiCache could not create replication group " + round.group_id);
    return Report(round, std::move(report), ReconcileResult::RequeueAfter(options_.resync));
  }
  if (!acting.empty()) {
    return Report(round, std::move(report), ReconcileResult::RequeueAfter(options_.settle));
  }
  if (!settled || !diff.InSync()) {
    return Report(round, std::move(report),
                  ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key)));
  }
  deps_.backoff.Reset(round.key);
  return Report(round, std::move(report), ReconcileResult::RequeueAfter(options_.resync));
}

ReconcileResult CacheClusterReconciler::Report(Round& round, StatusReport report,
                                               ReconcileResult result) {
  const std::string before = StatusString(round.object, "phase");
  if (!round.connection_secret.empty()) report.fields["connectionSecret"] = round.connection_secret;
  auto written = WriteStatusReport(deps_.status, deps_.clock, round.object, report);
  if (!written.ok()) return Worse(std::move(result), written.status());
  round.object = std::move(written).value();
  if (auto event = PhaseTransitionEvent(before, StatusString(round.object, "phase"))) {
    Event(round, event->warning ? kube::EventType::kWarning : kube::EventType::kNormal,
          event->reason, event->message);
  }
  return result;
}

}  // namespace po::controllers::cache_cluster

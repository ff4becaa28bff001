// The REST implementation of KubeClient: requests, JSON decoding, error mapping and retries.
#include "operator/kube/rest_kube_client.h"

#include <algorithm>

#include "operator/kube/api_error.h"
#include "operator/kube/cpprest_transport.h"
#include "operator/kube/credentials.h"

namespace po::kube {
namespace {

bool IsSuccess(int status) {
  return status >= 200 && status < 300;
}

Result<Json> ParseJson(const std::string& body, const std::string& what) {
  Json doc = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Internal("while " + what + ": the response is not JSON");
  return doc;
}

std::string NamespaceFor(const Json& object, std::string_view ns) {
  std::string from_object = NamespaceOf(object);
  return from_object.empty() ? std::string(ns) : from_object;
}

Result<WatchEvent> DecodeWatchEvent(std::string_view line) {
  Json doc = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return Internal("watch event is not a JSON object");
  std::string type = doc.value("type", "");
  auto object = doc.find("object");
  if (object == doc.end()) return Internal("watch event has no object");
  if (type == "ERROR") {
    return ApiErrorFromResponse(200, object->dump()).ToStatus().WithContext("watching");
  }
  WatchEvent event{WatchEventType::kAdded, std::move(*object)};
  if (type == "ADDED") {
    event.type = WatchEventType::kAdded;
  } else if (type == "MODIFIED") {
    event.type = WatchEventType::kModified;
  } else if (type == "DELETED") {
    event.type = WatchEventType::kDeleted;
  } else if (type == "BOOKMARK") {
    event.type = WatchEventType::kBookmark;
  } else {
    return Internal("unknown watch event type \"" + type + "\"");
  }
  return event;
}

}  // namespace

RestKubeClient::RestKubeClient(std::shared_ptr<HttpTransport> transport, Clock& clock,
                               RequestObserver* observer, RestClientOptions options)
    : transport_(std::move(transport)),
      clock_(clock),
      observer_(observer),
      options_(std::move(options)) {}

void RestKubeClient::Observe(const Result<HttpResponse>& response, const std::string& method,
                             Clock::TimePoint start) {
  if (!observer_) return;
  std::string code = response.ok() ? std::to_string(response->status) : "<error>";
  observer_->OnRequest(code, method, transport_->Host(), clock_.Now() - start);
}

Result<HttpResponse> RestKubeClient::Call(const HttpRequest& request) {
  for (int attempt = 0;; ++attempt) {
    auto start = clock_.Now();
    auto response = transport_->Send(request);
    Observe(response, request.method, start);
    if (!response.ok()) return response.status();
    if (IsSuccess(response->status)) return response;
    ApiError error =
        ApiErrorFromResponse(response->status, response->body, response->Header("retry-after"));
    bool retryable = response->status == 429 || (response->status >= 500 && error.retry_after);
    if (retryable && attempt < options_.max_retries) {
      auto wait = std::min<std::chrono::seconds>(
          error.retry_after.value_or(std::chrono::seconds(1)), options_.max_retry_wait);
      clock_.SleepFor(wait);
      continue;
    }
    return error.ToStatus();
  }
}

Result<Json> RestKubeClient::CallForObject(const HttpRequest& request, const std::string& what) {
  auto response = Call(request);
  if (!response.ok()) return response.status().WithContext(what);
  return ParseJson(response->body, what);
}

Result<Json> RestKubeClient::Get(const ResourceRef& resource, std::string_view ns,
                                 std::string_view name) {
  HttpRequest request{"GET", ResourcePath(resource, ns, name), "", ""};
  return CallForObject(request, "getting " + resource.plural + " " + ObjectKey(ns, name));
}

Result<ObjectList> RestKubeClient::ListPage(const ResourceRef& resource, std::string_view ns,
                                            const ListOptions& options) {
  HttpRequest request{"GET", ResourcePath(resource, ns, "") + ListQuery(options, false), "", ""};
  PO_ASSIGN_OR_RETURN(Json doc, CallForObject(request, "listing " + resource.plural));
  ObjectList list;
  if (auto meta = doc.find("metadata"); meta != doc.end() && meta->is_object()) {
    list.resource_version = meta->value("resourceVersion", "");
    list.continue_token = meta->value("continue", "");
  }
  if (auto items = doc.find("items"); items != doc.end() && items->is_array()) {
    list.items.reserve(items->size());
    // List items carry no kind/apiVersion; fill them in so every object is self-describing.
    std::string kind = resource.kind.empty() ? "" : resource.kind;
    for (auto& item : *items) {
      if (!kind.empty() && !item.contains("kind")) {
        item["kind"] = kind;
        item["apiVersion"] = resource.ApiVersion();
      }
      list.items.push_back(std::move(item));
    }
  }
  return list;
}

Result<Json> RestKubeClient::Create(const ResourceRef& resource, std::string_view ns,
                                    const Json& object) {
  std::string target_ns = NamespaceFor(object, ns);
  HttpRequest request{"POST", ResourcePath(resource, target_ns, ""), "application/json",
                      object.dump()};
  return CallForObject(request,
                       "creating " + resource.plural + " " + ObjectKey(target_ns, NameOf(object)));
}

Result<Json> RestKubeClient::Update(const ResourceRef& resource, const Json& object,
                                    std::string_view subresource) {
  std::string name = NameOf(object);
  if (name.empty()) return InvalidArgument("update of " + resource.plural + " without a name");
  std::string ns = NamespaceOf(object);
  HttpRequest request{"PUT", ResourcePath(resource, ns, name, subresource), "application/json",
                      object.dump()};
  return CallForObject(request, "updating " + resource.plural + " " + ObjectKey(ns, name) +
                                    (subresource.empty() ? "" : "/" + std::string(subresource)));
}

Result<Json> RestKubeClient::Patch(const ResourceRef& resource, std::string_view ns,
                                   std::string_view name, PatchType type, std::string_view patch,
                                   std::string_view subresource) {
  std::string path = ResourcePath(resource, ns, name, subresource);
  if (type == PatchType::kApply) {
    path += "?fieldManager=" + QueryEscape(options_.field_manager) + "&force=true";
  }
  HttpRequest request{"PATCH", path, std::string(PatchContentType(type)), std::string(patch)};
  return CallForObject(request, "patching " + resource.plural + " " + ObjectKey(ns, name) +
                                    (subresource.empty() ? "" : "/" + std::string(subresource)));
}

Status RestKubeClient::Delete(const ResourceRef& resource, std::string_view ns,
                              std::string_view name, const DeleteOptions& options) {
  Json body = {{"kind", "DeleteOptions"}, {"apiVersion", "v1"}};
  if (!options.precondition_uid.empty() || !options.precondition_resource_version.empty()) {
    Json preconditions = Json::object();
    if (!options.precondition_uid.empty()) preconditions["uid"] = options.precondition_uid;
    if (!options.precondition_resource_version.empty()) {
      preconditions["resourceVersion"] = options.precondition_resource_version;
    }
    body["preconditions"] = preconditions;
  }
  if (!options.propagation_policy.empty()) body["propagationPolicy"] = options.propagation_policy;
  if (options.grace_period_seconds) body["gracePeriodSeconds"] = *options.grace_period_seconds;
  HttpRequest request{"DELETE", ResourcePath(resource, ns, name), "application/json", body.dump()};
  auto response = Call(request);
  if (!response.ok()) {
    return response.status().WithContext("deleting " + resource.plural + " " + ObjectKey(ns, name));
  }
  return Status::Ok();
}

Status RestKubeClient::Watch(const ResourceRef& resource, std::string_view ns,
                             const ListOptions& options, const WatchHandler& handler,
                             std::stop_token stop) {
  HttpRequest request{"GET", ResourcePath(resource, ns, "") + ListQuery(options, true), "", ""};
  Status stream_error;
  auto on_line = [&](std::string_view line) {
    auto event = DecodeWatchEvent(line);
    if (!event.ok()) {
      stream_error = event.status();
      return false;
    }
    return handler(*event);
  };
  auto start = clock_.Now();
  auto response = transport_->Stream(request, on_line, stop);
  Observe(response, "GET", start);
  if (!response.ok()) return response.status().WithContext("watching " + resource.plural);
  if (IsSuccess(response->status)) return stream_error;
  ApiError error =
      ApiErrorFromResponse(response->status, response->body, response->Header("retry-after"));
  return error.ToStatus().WithContext("watching " + resource.plural);
}

Result<bool> RestKubeClient::IsServed(std::string_view group, std::string_view version,
                                      std::string_view kind) {
  std::string group_version = group.empty()
                                  ? "/api/" + std::string(version)
                                  : "/apis/" + std::string(group) + "/" + std::string(version);
  {
    std::lock_guard lock(mu_);
    auto it = discovery_.find(group_version);
    if (it != discovery_.end() && clock_.Now() - it->second.fetched < options_.discovery_ttl) {
      const auto& kinds = it->second.kinds;
      return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
    }
  }
  DiscoveryEntry entry;
  entry.fetched = clock_.Now();
  auto response = Call({"GET", group_version, "", ""});
  if (!response.ok() && response.status().code() != StatusCode::kNotFound) {
    return response.status().WithContext("discovering " + group_version);
  }
  if (response.ok()) {
    PO_ASSIGN_OR_RETURN(Json doc, ParseJson(response->body, "discovering " + group_version));
    entry.served_group_version = true;
    if (auto resources = doc.find("resources"); resources != doc.end() && resources->is_array()) {
      for (const auto& r : *resources) {
        // Subresources ("configmaps/status") share their parent's kind; skip them.
        if (r.value("name", "").find('/') != std::string::npos) continue;
        entry.kinds.push_back(r.value("kind", ""));
      }
    }
  }
  bool served = std::find(entry.kinds.begin(), entry.kinds.end(), kind) != entry.kinds.end();
  std::lock_guard lock(mu_);
  discovery_[group_version] = std::move(entry);
  return served;
}

std::unique_ptr<RestKubeClient> MakeRestKubeClient(const RestConfig& config, Clock& clock,
                                                   CommandRunner& runner, RequestObserver* observer,
                                                   RestClientOptions options) {
  auto transport =
      std::make_shared<CpprestTransport>(config, MakeCredentialProvider(config, runner, clock));
  return std::make_unique<RestKubeClient>(std::move(transport), clock, observer,
                                          std::move(options));
}

}  // namespace po::kube

// Tests the REST client's requests, error mapping, retries, watch decoding and discovery against
// a scripted HTTP transport.
#include "operator/kube/rest_kube_client.h"

#include <gtest/gtest.h>

#include <deque>
#include <mutex>

namespace po::kube {
namespace {

// Answers requests from a queue of canned responses and records what was sent.
class ScriptedTransport final : public HttpTransport {
 public:
  struct Reply {
    Result<HttpResponse> response;
    std::vector<std::string> lines;  // streamed before the response returns (2xx only)
  };
  void Push(int status, std::string body, std::map<std::string, std::string> headers = {},
            std::vector<std::string> lines = {}) {
    HttpResponse r{status, std::move(headers), std::move(body)};
    replies_.push_back({r, std::move(lines)});
  }
  void PushError(Status status) { replies_.push_back({std::move(status), {}}); }

  Result<HttpResponse> Send(const HttpRequest& request) override {
    requests.push_back(request);
    return Next().response;
  }
  Result<HttpResponse> Stream(const HttpRequest& request,
                              const std::function<bool(std::string_view)>& on_line,
                              std::stop_token) override {
    requests.push_back(request);
    Reply reply = Next();
    if (reply.response.ok() && reply.response->status == 200) {
      for (const auto& line : reply.lines) {
        if (!on_line(line)) break;
      }
    }
    return reply.response;
  }
  std::string Host() const override { return "api.test:6443"; }

  std::vector<HttpRequest> requests;

 private:
  Reply Next() {
    if (replies_.empty()) return {Internal("no scripted reply"), {}};
    Reply r = replies_.front();
    replies_.pop_front();
    return r;
  }
  std::deque<Reply> replies_;
};

class RecordingObserver final : public RequestObserver {
 public:
  void OnRequest(std::string_view code, std::string_view method, std::string_view host,
                 std::chrono::steady_clock::duration) override {
    std::lock_guard lock(mu);
    seen.push_back(std::string(code) + " " + std::string(method) + " " + std::string(host));
  }
  std::mutex mu;
  std::vector<std::string> seen;
};

class RestKubeClientTest : public ::testing::Test {
 protected:
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  FakeClock clock;
  RecordingObserver observer;
  RestKubeClient client{transport, clock, &observer};
};

const char kConfigMap[] =
    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"ns","resourceVersion":"5","uid":"u1"}})";

TEST_F(RestKubeClientTest, GetBuildsPathAndDecodes) {
  transport->Push(200, kConfigMap);
  auto got = client.Get(ConfigMaps(), "ns", "a");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(ResourceVersionOf(*got), "5");
  ASSERT_EQ(transport->requests.size(), 1u);
  EXPECT_EQ(transport->requests[0].method, "GET");
  EXPECT_EQ(transport->requests[0].path, "/api/v1/namespaces/ns/configmaps/a");
  EXPECT_EQ(observer.seen, std::vector<std::string>{"200 GET api.test:6443"});
}

TEST_F(RestKubeClientTest, TypedErrorsCarryContext) {
  transport->Push(
      404,
      R"({"kind":"Status","reason":"NotFound","code":404,"message":"configmaps \"a\" not found"})");
  auto got = client.Get(ConfigMaps(), "ns", "a");
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(
      got.status().message(),
      "while getting configmaps ns/a: configmaps \"a\" not found (reason NotFound, HTTP 404)");
  transport->PushError(Unavailable("GET api.test:6443: connection refused"));
  EXPECT_EQ(client.Get(ConfigMaps(), "ns", "a").status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(observer.seen.back(), "<error> GET api.test:6443");
  transport->Push(200, "not json");
  EXPECT_EQ(client.Get(ConfigMaps(), "ns", "a").status().code(), StatusCode::kInternal);
}

TEST_F(RestKubeClientTest, ListFollowsContinueTokensWith500PerPage) {
  transport->Push(
      200,
      R"({"metadata":{"resourceVersion":"100","continue":"c1"},"items":[{"metadata":{"name":"a","namespace":"ns"}}]})");
  transport->Push(
      200,
      R"({"metadata":{"resourceVersion":"100","continue":"c2"},"items":[{"metadata":{"name":"b","namespace":"ns"}}]})");
  transport->Push(
      200,
      R"({"metadata":{"resourceVersion":"100"},"items":[{"metadata":{"name":"c","namespace":"ns"}}]})");
  ListOptions options;
  options.resource_version = "0";
  options.label_selector = "app=x";
  auto list = client.List(ConfigMaps(), "ns", options);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->resource_version, "100");
  ASSERT_EQ(list->items.size(), 3u);
  EXPECT_EQ(list->items[0]["kind"], "ConfigMap");  // filled in for list items
  EXPECT_EQ(list->items[0]["apiVersion"], "v1");
  ASSERT_EQ(transport->requests.size(), 3u);
  EXPECT_EQ(transport->requests[0].path,
            "/api/v1/namespaces/ns/configmaps?labelSelector=app%3Dx&resourceVersion=0&limit=500");
  EXPECT_EQ(transport->requests[1].path,
            "/api/v1/namespaces/ns/configmaps?labelSelector=app%3Dx&limit=500&continue=c1");
  EXPECT_EQ(transport->requests[2].path,
            "/api/v1/namespaces/ns/configmaps?labelSelector=app%3Dx&limit=500&continue=c2");
}

TEST_F(RestKubeClientTest, ExpiredContinueTokenFallsBackToAFullList) {
  transport->Push(
      200,
      R"({"metadata":{"resourceVersion":"100","continue":"c1"},"items":[{"metadata":{"name":"a"}}]})");
  transport->Push(
      410, R"({"kind":"Status","reason":"Expired","code":410,"message":"continue token expired"})");
  transport->Push(
      200,
      R"({"metadata":{"resourceVersion":"140"},"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]})");
  auto list = client.List(ConfigMaps(), "", {});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->items.size(), 2u);
  EXPECT_EQ(list->resource_version, "140");
  EXPECT_EQ(transport->requests[2].path, "/api/v1/configmaps");
}

TEST_F(RestKubeClientTest, WritesUseTheRightVerbsBodiesAndContentTypes) {
  nlohmann::json cm = nlohmann::json::parse(kConfigMap);
  for (int i = 0; i < 7; ++i) transport->Push(200, kConfigMap);
  ASSERT_TRUE(client.Create(ConfigMaps(), "ignored", cm).ok());
  ASSERT_TRUE(client.Update(ConfigMaps(), cm).ok());
  ASSERT_TRUE(client.Update(ConfigMaps(), cm, "status").ok());
  ASSERT_TRUE(
      client.Patch(ConfigMaps(), "ns", "a", PatchType::kMerge, R"({"data":{"k":"v"}})").ok());
  ASSERT_TRUE(client
                  .Patch(ConfigMaps(), "ns", "a", PatchType::kJson,
                         R"([{"op":"add","path":"/data","value":{}}])", "status")
                  .ok());
  ASSERT_TRUE(client.Patch(ConfigMaps(), "ns", "a", PatchType::kApply, "apiVersion: v1").ok());
  ASSERT_TRUE(client
                  .Delete(ConfigMaps(), "ns", "a",
                          {.precondition_uid = "u1",
                           .precondition_resource_version = "5",
                           .propagation_policy = "Foreground"})
                  .ok());
  const auto& r = transport->requests;
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r[0].method + " " + r[0].path, "POST /api/v1/namespaces/ns/configmaps");
  EXPECT_EQ(r[0].content_type, "application/json");
  EXPECT_EQ(nlohmann::json::parse(r[0].body), cm);
  EXPECT_EQ(r[1].method + " " + r[1].path, "PUT /api/v1/namespaces/ns/configmaps/a");
  EXPECT_EQ(r[2].path, "/api/v1/namespaces/ns/configmaps/a/status");
  EXPECT_EQ(r[3].method, "PATCH");
  EXPECT_EQ(r[3].content_type, "application/merge-patch+json");
  EXPECT_EQ(r[4].content_type, "application/json-patch+json");
  EXPECT_EQ(r[4].path, "/api/v1/namespaces/ns/configmaps/a/status");
  EXPECT_EQ(r[5].content_type, "application/apply-patch+yaml");
  EXPECT_EQ(r[5].path,
            "/api/v1/namespaces/ns/configmaps/a?fieldManager=platform-operator&force=true");
  EXPECT_EQ(r[6].method, "DELETE");
  auto body = nlohmann::json::parse(r[6].body);
  EXPECT_EQ(body["preconditions"]["uid"], "u1");
  EXPECT_EQ(body["preconditions"]["resourceVersion"], "5");
  EXPECT_EQ(body["propagationPolicy"], "Foreground");
  EXPECT_EQ(client.Update(ConfigMaps(), nlohmann::json::object()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(RestKubeClientTest, TooManyRequestsIsRetriedAfterRetryAfter) {
  transport->Push(429,
                  R"({"kind":"Status","reason":"TooManyRequests","code":429,"message":"slow"})",
                  {{"retry-after", "3"}});
  transport->Push(429, "", {{"retry-after", "120"}});
  transport->Push(200, kConfigMap);
  auto got = client.Get(ConfigMaps(), "ns", "a");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(clock.TotalSlept(), std::chrono::seconds(3 + 30));  // the 120 s wait is capped at 30
  EXPECT_EQ(transport->requests.size(), 3u);
  EXPECT_EQ(observer.seen[0], "429 GET api.test:6443");
}

TEST_F(RestKubeClientTest, RetriesAreBounded) {
  RestKubeClient bounded{transport, clock, nullptr, {.max_retries = 2}};
  for (int i = 0; i < 3; ++i) transport->Push(429, "", {{"retry-after", "1"}});
  auto got = bounded.Get(ConfigMaps(), "ns", "a");
  EXPECT_EQ(got.status().code(), StatusCode::kTooManyRequests);
  EXPECT_EQ(transport->requests.size(), 3u);
  // A 500 without Retry-After is not retried.
  transport->Push(500, R"({"kind":"Status","reason":"InternalError","code":500,"message":"x"})");
  EXPECT_EQ(bounded.Get(ConfigMaps(), "ns", "a").status().code(), StatusCode::kInternal);
  EXPECT_EQ(transport->requests.size(), 4u);
}

TEST_F(RestKubeClientTest, WatchDecodesEventsAndMapsErrorEvents) {
  transport->Push(
      200, "", {},
      {R"({"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"6"}}})",
       R"({"type":"MODIFIED","object":{"metadata":{"name":"a","resourceVersion":"7"}}})",
       R"({"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"9"}}})",
       R"({"type":"DELETED","object":{"metadata":{"name":"a","resourceVersion":"10"}}})",
       R"js({"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version: 5 (8)"}})js",
       R"({"type":"ADDED","object":{}})"});
  std::vector<std::string> seen;
  ListOptions options;
  options.resource_version = "5";
  options.allow_watch_bookmarks = true;
  options.timeout_seconds = 301;
  Status status = client.Watch(
      ConfigMaps(), "ns", options,
      [&](const WatchEvent& e) {
        seen.push_back(std::string(WatchEventTypeName(e.type)) + ":" + ResourceVersionOf(e.object));
        return true;
      },
      {});
  EXPECT_EQ(seen, (std::vector<std::string>{"ADDED:6", "MODIFIED:7", "BOOKMARK:9", "DELETED:10"}));
  EXPECT_EQ(status.code(), StatusCode::kGone);
  EXPECT_EQ(transport->requests[0].path,
            "/api/v1/namespaces/ns/configmaps?resourceVersion=5&watch=true&allowWatchBookmarks=true"
            "&timeoutSeconds=301");

  transport->Push(403, R"({"kind":"Status","reason":"Forbidden","code":403,"message":"no"})");
  EXPECT_EQ(client.Watch(ConfigMaps(), "", {}, [](const WatchEvent&) { return true; }, {}).code(),
            StatusCode::kForbidden);
  transport->Push(200, "", {}, {"garbage"});
  EXPECT_EQ(client.Watch(ConfigMaps(), "", {}, [](const WatchEvent&) { return true; }, {}).code(),
            StatusCode::kInternal);
}

TEST_F(RestKubeClientTest, DiscoveryIsCachedBriefly) {
  const char* leases = R"({"kind":"APIResourceList","groupVersion":"coordination.k8s.io/v1",
    "resources":[{"name":"leases","kind":"Lease"},{"name":"leases/status","kind":"Lease"}]})";
  transport->Push(200, leases);
  EXPECT_TRUE(*client.IsServed("coordination.k8s.io", "v1", "Lease"));
  EXPECT_FALSE(*client.IsServed("coordination.k8s.io", "v1", "Widget"));  // cached
  EXPECT_EQ(transport->requests.size(), 1u);
  EXPECT_EQ(transport->requests[0].path, "/apis/coordination.k8s.io/v1");
  clock.Advance(std::chrono::seconds(31));
  transport->Push(200, leases);
  EXPECT_TRUE(*client.IsServed("coordination.k8s.io", "v1", "Lease"));
  EXPECT_EQ(transport->requests.size(), 2u);
  transport->Push(404, "404 page not found");
  EXPECT_FALSE(*client.IsServed("example.com", "v9", "Widget"));
  transport->Push(200, R"({"resources":[{"name":"configmaps","kind":"ConfigMap"}]})");
  EXPECT_TRUE(*client.IsServed("", "v1", "ConfigMap"));
  EXPECT_EQ(transport->requests.back().path, "/api/v1");
  transport->PushError(Unavailable("down"));
  EXPECT_EQ(client.IsServed("apps", "v1", "Deployment").status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace po::kube

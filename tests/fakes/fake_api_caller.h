// FakeApiCaller: an ApiCaller for unit tests that records every call (protocol, target, action,
// parameters or request) and answers with canned replies queued by the test, in order. ReadFixture
// loads captured response bodies from tests/fixtures/aws. Thread-safe (one mutex).
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "operator/aws/api_caller.h"
#include "tests/support/harness_env.h"

namespace po::aws::testing {

// One call the code under test made.
struct RecordedCall {
  enum class Protocol { kQuery, kJson, kRest };
  Protocol protocol = Protocol::kQuery;
  CallTarget target;
  std::string operation;      // Query action, JSON operation or REST operation name
  std::string api_version;    // Query only
  QueryParams params;         // Query only
  std::string target_prefix;  // JSON only
  nlohmann::json json_body;   // JSON only
  RestRequest rest;           // REST only
};

class FakeApiCaller final : public ApiCaller {
 public:
  // Replies are consumed first-in first-out, per protocol. A call with none queued fails with the
  // error code "FakeNoReplyQueued" (and the test should then fail on the result it checks).
  void QueueQuery(Outcome<std::string> reply) { Push(std::move(reply)); }
  void QueueJson(Outcome<nlohmann::json> reply) { Push(std::move(reply)); }
  void QueueRest(Outcome<RestResponse> reply) { Push(std::move(reply)); }
  void QueueRest(int status, std::string body, std::map<std::string, std::string> headers = {}) {
    Push(Outcome<RestResponse>(RestResponse{status, std::move(headers), std::move(body)}));
  }

  std::vector<RecordedCall> calls() const {
    std::lock_guard<std::mutex> lock(mu_);
    return calls_;
  }
  RecordedCall last_call() const {
    std::lock_guard<std::mutex> lock(mu_);
    return calls_.empty() ? RecordedCall{} : calls_.back();
  }

  Outcome<std::string> Query(const CallTarget& target, const std::string& action,
                             const std::string& api_version, const QueryParams& params) override {
    RecordedCall call;
    call.protocol = RecordedCall::Protocol::kQuery;
    call.target = target;
    call.operation = action;
    call.api_version = api_version;
    call.params = params;
    return Reply<std::string>(std::move(call), query_replies_);
  }

  Outcome<nlohmann::json> Json(const CallTarget& target, const std::string& target_prefix,
                               const std::string& operation, const nlohmann::json& body) override {
    RecordedCall call;
    call.protocol = RecordedCall::Protocol::kJson;
    call.target = target;
    call.operation = operation;
    call.target_prefix = target_prefix;
    call.json_body = body;
    return Reply<nlohmann::json>(std::move(call), json_replies_);
  }

  Outcome<RestResponse> Rest(const CallTarget& target, const std::string& operation,
                             const RestRequest& request) override {
    RecordedCall call;
    call.protocol = RecordedCall::Protocol::kRest;
    call.target = target;
    call.operation = operation;
    call.rest = request;
    return Reply<RestResponse>(std::move(call), rest_replies_);
  }

 private:
  void Push(Outcome<std::string> reply) {
    std::lock_guard<std::mutex> lock(mu_);
    query_replies_.push_back(std::move(reply));
  }
  void Push(Outcome<nlohmann::json> reply) {
    std::lock_guard<std::mutex> lock(mu_);
    json_replies_.push_back(std::move(reply));
  }
  void Push(Outcome<RestResponse> reply) {
    std::lock_guard<std::mutex> lock(mu_);
    rest_replies_.push_back(std::move(reply));
  }

  template <typename T>
  Outcome<T> Reply(RecordedCall call, std::deque<Outcome<T>>& replies) {
    std::lock_guard<std::mutex> lock(mu_);
    calls_.push_back(std::move(call));
    if (replies.empty()) {
      AwsError error;
      error.code = "FakeNoReplyQueued";
      error.message = "no reply queued for " + calls_.back().operation;
      return error;
    }
    Outcome<T> reply = std::move(replies.front());
    replies.pop_front();
    return reply;
  }

  mutable std::mutex mu_;
  std::vector<RecordedCall> calls_;
  std::deque<Outcome<std::string>> query_replies_;
  std::deque<Outcome<nlohmann::json>> json_replies_;
  std::deque<Outcome<RestResponse>> rest_replies_;
};

// The contents of tests/fixtures/aws/<relative_path>; fails the current test when it is missing.
inline std::string ReadFixture(const std::string& relative_path) {
  const std::string path = po::testing::RepoRoot() + "/tests/fixtures/aws/" + relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "missing fixture " << path;
    return "";
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// An AwsError as the real caller reports a service error.
inline AwsError ServiceError(std::string code, int http_status, std::string message = "") {
  AwsError error;
  error.code = std::move(code);
  error.message = std::move(message);
  error.http_status = http_status;
  return error;
}

}  // namespace po::aws::testing

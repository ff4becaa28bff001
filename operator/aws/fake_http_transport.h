// FakeHttpTransport: an HttpTransport for tests that records every request and answers from a
// script (queued replies or failures) or a handler function. Thread-safe.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "operator/aws/http_transport.h"

namespace po::aws {

class FakeHttpTransport final : public HttpTransport {
 public:
  using Handler = std::function<Result<HttpResponse>(const HttpRequest&)>;

  // Queues one reply (or transport failure); replies are used in order.
  void Enqueue(Result<HttpResponse> reply);
  void EnqueueReply(int status, std::string body, std::map<std::string, std::string> headers = {});
  // Answers every request not covered by the queue.
  void SetHandler(Handler handler);

  Result<HttpResponse> Send(const HttpRequest& request) override;

  std::vector<HttpRequest> requests() const;
  size_t request_count() const;

 private:
  mutable std::mutex mu_;
  std::deque<Result<HttpResponse>> queue_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
};

// The value of a header in a recorded request (case-insensitive name), or "" when absent.
std::string HeaderValue(const HttpRequest& request, std::string_view name);

}  // namespace po::aws

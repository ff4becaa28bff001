// FakeHttpTransport: scripted replies and a record of requests.
#include "operator/aws/fake_http_transport.h"

#include "operator/aws/text.h"

namespace po::aws {

void FakeHttpTransport::Enqueue(Result<HttpResponse> reply) {
  std::lock_guard lock(mu_);
  queue_.push_back(std::move(reply));
}

void FakeHttpTransport::EnqueueReply(int status, std::string body,
                                     std::map<std::string, std::string> headers) {
  Enqueue(HttpResponse{status, std::move(headers), std::move(body)});
}

void FakeHttpTransport::SetHandler(Handler handler) {
  std::lock_guard lock(mu_);
  handler_ = std::move(handler);
}

Result<HttpResponse> FakeHttpTransport::Send(const HttpRequest& request) {
  Handler handler;
  {
    std::lock_guard lock(mu_);
    requests_.push_back(request);
    if (!queue_.empty()) {
      Result<HttpResponse> reply = std::move(queue_.front());
      queue_.pop_front();
      return reply;
    }
    handler = handler_;
  }
  if (handler) return handler(request);
  return Unavailable("fake transport: no reply scripted for " + request.method + " " + request.url);
}

std::vector<HttpRequest> FakeHttpTransport::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

size_t FakeHttpTransport::request_count() const {
  std::lock_guard lock(mu_);
  return requests_.size();
}

std::string HeaderValue(const HttpRequest& request, std::string_view name) {
  return FindHeader(request.headers, name).value_or("");
}

}  // namespace po::aws

// The /healthz and /readyz probe endpoints, served by cpprestsdk's http_listener.
#include "operator/metrics/health_server.h"

// cpprestsdk's U() macro is not used here and collides with other headers.
#define _TURN_OFF_PLATFORM_STRING
#include <cpprest/http_listener.h>

#include <exception>

namespace po::metrics {
namespace {

using Checks = std::vector<std::pair<std::string, HealthServer::Check>>;

// Runs `checks` (or only the one named `only`) and renders controller-runtime's healthz response.
HealthServer::Response RunChecks(const Checks& checks, std::string_view probe,
                                 std::string_view only) {
  HealthServer::Response response;
  std::string details;
  bool failed = false;
  bool found = only.empty();
  for (const auto& [name, check] : checks) {
    if (!only.empty() && name != only) continue;
    found = true;
    Status status;
    try {
      status = check();
    } catch (const std::exception& e) {
      status = Internal(std::string("check threw: ") + e.what());
    }
    if (status.ok()) {
      details += "[+]" + name + " ok\n";
    } else {
      failed = true;
      details += "[-]" + name + " failed: " + status.message() + "\n";
    }
  }
  if (!found) return {404, "no such check: " + std::string(only) + "\n"};
  if (failed) return {500, details + std::string(probe) + " check failed\n"};
  return {200, "ok"};
}

}  // namespace

struct HealthServer::Listener {
  explicit Listener(const std::string& url) : listener(utility::conversions::to_string_t(url)) {}
  web::http::experimental::listener::http_listener listener;
};

HealthServer::HealthServer() = default;

HealthServer::~HealthServer() {
  Stop();
}

void HealthServer::AddHealthzCheck(std::string name, Check check) {
  std::lock_guard lock(mu_);
  healthz_.emplace_back(std::move(name), std::move(check));
}

void HealthServer::AddReadyzCheck(std::string name, Check check) {
  std::lock_guard lock(mu_);
  readyz_.emplace_back(std::move(name), std::move(check));
}

HealthServer::Response HealthServer::Handle(std::string_view path) const {
  Checks checks;
  std::string_view probe;
  std::string_view rest;
  {
    std::lock_guard lock(mu_);
    if (path == "/healthz" || path.rfind("/healthz/", 0) == 0) {
      checks = healthz_;
      probe = "healthz";
    } else if (path == "/readyz" || path.rfind("/readyz/", 0) == 0) {
      checks = readyz_;
      probe = "readyz";
    } else {
      return {404, "not found\n"};
    }
  }
  rest = path.substr(probe.size() + 1);
  if (!rest.empty()) rest.remove_prefix(1);  // the '/' before a check name
  return RunChecks(checks, probe, rest);
}

Status HealthServer::Start(const BindAddress& address) {
  if (address.disabled) return Status::Ok();
  if (address.port == 0) {
    return InvalidArgument("the health probe server needs an explicit port, not 0");
  }
  const std::string url = "http://" + address.HostPort();
  auto listener = std::make_unique<Listener>(url);
  listener->listener.support(web::http::methods::GET, [this](web::http::http_request request) {
    const auto path = utility::conversions::to_utf8string(request.relative_uri().path());
    Response response = Handle(path);
    web::http::http_response reply(static_cast<web::http::status_code>(response.code));
    reply.headers().set_content_type("text/plain; charset=utf-8");
    reply.headers().add("X-Content-Type-Options", "nosniff");
    reply.set_body(response.body);
    request.reply(reply).then([](pplx::task<void> sent) {
      try {
        sent.get();
      } catch (const std::exception&) {
        // The prober went away; nothing to do.
      }
    });
  });
  try {
    listener->listener.open().wait();
  } catch (const std::exception& e) {
    return Unavailable("while starting the health probe server on " + address.HostPort() + ": " +
                       e.what());
  }
  std::lock_guard lock(mu_);
  listener_ = std::move(listener);
  return Status::Ok();
}

void HealthServer::Stop() {
  std::unique_ptr<Listener> listener;
  {
    std::lock_guard lock(mu_);
    listener = std::move(listener_);
  }
  if (!listener) return;
  try {
    listener->listener.close().wait();
  } catch (const std::exception&) {
    // Closing a listener that failed mid-flight; the socket is gone either way.
  }
}

}  // namespace po::metrics

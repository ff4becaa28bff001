// cpprestsdk adapter: the only place that sees http_client, pplx tasks and their exceptions.
#include "operator/kube/cpprest_transport.h"

#include <cpprest/containerstream.h>
#include <cpprest/http_client.h>

#include <boost/asio/ssl.hpp>
#include <cerrno>
#include <system_error>
#include <vector>

namespace po::kube {

namespace http = web::http;
namespace client = web::http::client;

struct CpprestTransport::Clients {
  std::string cert_pem;
  std::string key_pem;
  std::unique_ptr<client::http_client> requests;  // bounded by the request timeout
  std::unique_ptr<client::http_client> streams;   // bounded by the stream idle timeout
};

namespace {

std::string HostOf(const std::string& server) {
  std::string host = server;
  if (auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  if (auto slash = host.find('/'); slash != std::string::npos) host = host.substr(0, slash);
  return host;
}

// Checks that PEM data loads into an SSL context, so that bad data fails here with a clear error
// instead of as a handshake failure later.
Status CheckPem(const std::string& ca, const std::string& cert, const std::string& key) {
  boost::asio::ssl::context ctx(boost::asio::ssl::context::tls_client);
  boost::system::error_code ec;
  if (!ca.empty()) {
    ctx.add_certificate_authority(boost::asio::buffer(ca), ec);
    if (ec) return InvalidArgument("the certificate authority data is not valid PEM");
  }
  if (!cert.empty()) {
    ctx.use_certificate_chain(boost::asio::buffer(cert), ec);
    if (ec) return InvalidArgument("the client certificate is not valid PEM");
    ctx.use_private_key(boost::asio::buffer(key), boost::asio::ssl::context::pem, ec);
    if (ec) return InvalidArgument("the client key is not valid PEM or does not match");
  }
  return Status::Ok();
}

client::http_client_config MakeClientConfig(const RestConfig& config, std::chrono::seconds timeout,
                                            const std::string& cert, const std::string& key) {
  client::http_client_config cfg;
  cfg.set_timeout(timeout);
  cfg.set_validate_certificates(!config.insecure_skip_tls_verify);
  std::string ca = config.ca_pem;
  cfg.set_ssl_context_callback([ca, cert, key](boost::asio::ssl::context& ctx) {
    boost::system::error_code ec;  // checked up front by CheckPem
    if (!ca.empty()) ctx.add_certificate_authority(boost::asio::buffer(ca), ec);
    if (!cert.empty()) {
      ctx.use_certificate_chain(boost::asio::buffer(cert), ec);
      ctx.use_private_key(boost::asio::buffer(key), boost::asio::ssl::context::pem, ec);
    }
  });
  return cfg;
}

Status FromTransportException(const std::exception& e, const std::string& what) {
  if (const auto* http_error = dynamic_cast<const http::http_exception*>(&e)) {
    const std::error_code& code = http_error->error_code();
    if (code.value() == ECONNREFUSED) {
      return Unavailable(what + ": connection refused");
    }
    if (code.value() == ETIMEDOUT || code == std::errc::timed_out) {
      return {StatusCode::kDeadlineExceeded, what + ": timed out"};
    }
    return Unavailable(what + ": " + http_error->what() + " (" + code.message() + ", " +
                       std::to_string(code.value()) + ")");
  }
  return Unavailable(what + ": " + e.what());
}

http::http_request MakeRequest(const HttpRequest& request, const Credentials& credentials,
                               const std::string& user_agent) {
  http::http_request req(request.method);
  req.set_request_uri(web::uri(request.path));
  auto& headers = req.headers();
  headers.add("Accept", "application/json");
  headers.add("User-Agent", user_agent);
  if (!credentials.bearer_token.empty()) {
    headers.add("Authorization", "Bearer " + credentials.bearer_token);
  }
  if (!request.body.empty() || !request.content_type.empty()) {
    req.set_body(request.body,
                 request.content_type.empty() ? "application/json" : request.content_type);
  }
  return req;
}

HttpResponse ResponseHead(const http::http_response& response) {
  HttpResponse out;
  out.status = response.status_code();
  for (const auto& [name, value] : response.headers()) {
    std::string lower = name;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[lower] = value;
  }
  return out;
}

}  // namespace

CpprestTransport::CpprestTransport(RestConfig config,
                                   std::unique_ptr<CredentialProvider> credentials)
    : config_(std::move(config)),
      credentials_(std::move(credentials)),
      host_(HostOf(config_.server)) {}

CpprestTransport::~CpprestTransport() = default;

Result<std::shared_ptr<CpprestTransport::Clients>> CpprestTransport::ClientsFor(
    const Credentials& credentials) {
  std::lock_guard lock(mu_);
  if (clients_ && clients_->cert_pem == credentials.client_cert_pem &&
      clients_->key_pem == credentials.client_key_pem) {
    return clients_;
  }
  PO_RETURN_IF_ERROR(
      CheckPem(config_.ca_pem, credentials.client_cert_pem, credentials.client_key_pem));
  auto clients = std::make_shared<Clients>();
  clients->cert_pem = credentials.client_cert_pem;
  clients->key_pem = credentials.client_key_pem;
  try {
    web::uri base(config_.server);
    clients->requests = std::make_unique<client::http_client>(
        base,
        MakeClientConfig(config_, config_.request_timeout, clients->cert_pem, clients->key_pem));
    clients->streams = std::make_unique<client::http_client>(
        base, MakeClientConfig(config_, stream_timeout_, clients->cert_pem, clients->key_pem));
  } catch (const std::exception& e) {
    return InvalidArgument("bad server URL \"" + config_.server + "\": " + e.what());
  }
  clients_ = clients;
  return clients;
}

// True when a request failed because the pooled connection it was written to had been closed by
// the server (e.g. the apiserver restarted): none of it was delivered, so it can be sent again on a
// new connection whatever its method, as Go's HTTP transport does.
static bool WrittenToAClosedConnection(const Status& status) {
  return status.code() == StatusCode::kUnavailable &&
         (status.message().find("Failed to write request") != std::string::npos ||
          status.message().find("Broken pipe") != std::string::npos);
}

Result<HttpResponse> CpprestTransport::Send(const HttpRequest& request) {
  auto response = Exchange(request, nullptr, {});
  if (response.ok() || !WrittenToAClosedConnection(response.status())) return response;
  {
    // Every pooled connection of that client may be dead: start over with a new client.
    std::lock_guard lock(mu_);
    clients_.reset();
  }
  return Exchange(request, nullptr, {});
}

Result<HttpResponse> CpprestTransport::Stream(const HttpRequest& request,
                                              const std::function<bool(std::string_view)>& on_line,
                                              std::stop_token stop) {
  return Exchange(request, &on_line, std::move(stop));
}

Result<HttpResponse> CpprestTransport::Exchange(
    const HttpRequest& request, const std::function<bool(std::string_view)>* on_line,
    std::stop_token stop) {
  const std::string what = request.method + " " + host_;
  for (int attempt = 0;; ++attempt) {
    auto credentials = credentials_->Get();
    if (!credentials.ok()) return credentials.status().WithContext("getting credentials");
    PO_ASSIGN_OR_RETURN(auto clients, ClientsFor(*credentials));
    client::http_client& http = on_line ? *clients->streams : *clients->requests;

    pplx::cancellation_token_source cancel;
    pplx::task_completion_event<long long> stopped;
    std::stop_callback on_stop(stop, [&cancel, stopped] {
      cancel.cancel();
      stopped.set(-2);
    });
    try {
      http::http_response response =
          http.request(MakeRequest(request, *credentials, config_.user_agent), cancel.get_token())
              .get();
      HttpResponse out = ResponseHead(response);
      if (out.status == 401 && attempt == 0 && credentials_->Invalidate()) {
        response.content_ready().wait();  // drain so the connection can be reused
        continue;
      }
      if (!on_line || out.status < 200 || out.status >= 300) {
        out.body = response.extract_utf8string(/*ignore_content_type=*/true).get();
        return out;
      }
      auto body = response.body();
      for (;;) {
        if (stop.stop_requested()) return Status(StatusCode::kCancelled, what + ": cancelled");
        concurrency::streams::container_buffer<std::string> line;
        auto read = body.read_line(line).then([](pplx::task<size_t> t) -> long long {
          try {
            return static_cast<long long>(t.get());
          } catch (...) {
            return -1;
          }
        });
        std::vector<pplx::task<long long>> racers{read, pplx::create_task(stopped)};
        long long n = pplx::when_any(racers.begin(), racers.end()).get().first;
        if (n == -2 || stop.stop_requested()) {
          return Status(StatusCode::kCancelled, what + ": cancelled");
        }
        if (n < 0) return Unavailable(what + ": the stream broke");
        if (n == 0 && body.is_eof()) return out;
        if (line.collection().empty()) continue;
        if (!(*on_line)(line.collection())) return out;
      }
    } catch (const pplx::task_canceled&) {
      return Status(StatusCode::kCancelled, what + ": cancelled");
    } catch (const std::exception& e) {
      if (stop.stop_requested()) return Status(StatusCode::kCancelled, what + ": cancelled");
      return FromTransportException(e, what);
    }
  }
}

}  // namespace po::kube

// Desired Ingress (AWS Load Balancer Controller annotations) and the platform's URL.
#include "controllers/metrics_platform/ingress.h"

#include "controllers/metrics_platform/resources.h"
#include "controllers/metrics_platform/workloads.h"

namespace po::controllers::metrics_platform {

std::optional<nlohmann::json> DesiredIngress(const nlohmann::json& platform,
                                             const Effective& effective) {
  if (!effective.ingress) return std::nullopt;
  const IngressSettings& ingress = *effective.ingress;
  const bool tls = !ingress.certificate_arn.empty();
  nlohmann::json annotations = {
      {"alb.ingress.kubernetes.io/scheme", "internet-facing"},
      {"alb.ingress.kubernetes.io/target-type", "ip"},
      {"alb.ingress.kubernetes.io/healthcheck-path", effective.web.health_path},
      {"alb.ingress.kubernetes.io/listen-ports",
       tls ? R"([{"HTTP": 80}, {"HTTPS": 443}])" : R"([{"HTTP": 80}])"},
  };
  if (tls) {
    annotations["alb.ingress.kubernetes.io/certificate-arn"] = ingress.certificate_arn;
    if (ingress.ssl_redirect) annotations["alb.ingress.kubernetes.io/ssl-redirect"] = "443";
  }
  if (!ingress.waf_acl_arn.empty()) {
    annotations["alb.ingress.kubernetes.io/wafv2-acl-arn"] = ingress.waf_acl_arn;
  }
  nlohmann::json object = ChildSkeleton(Ingresses(), platform, ChildName(effective.name, ""),
                                        TierLabels(effective.name, "web"));
  object["metadata"]["annotations"] = annotations;
  nlohmann::json backend = {{"service",
                             {{"name", ChildName(effective.name, "web")},
                              {"port", {{"number", ServicePort(effective.web)}}}}}};
  object["spec"] = {
      {"ingressClassName", "alb"},
      {"rules",
       nlohmann::json::array({{{"host", ingress.host},
                               {"http",
                                {{"paths", nlohmann::json::array({{{"path", "/"},
                                                                   {"pathType", "Prefix"},
                                                                   {"backend", backend}}})}}}}})},
  };
  return object;
}

std::string PlatformUrl(const Effective& effective) {
  if (effective.ingress) {
    return (effective.ingress->certificate_arn.empty() ? "http://" : "https://") +
           effective.ingress->host;
  }
  return "http://" + ChildName(effective.name, "web") + "." + effective.ns +
         ".svc:" + std::to_string(ServicePort(effective.web));
}

}  // namespace po::controllers::metrics_platform

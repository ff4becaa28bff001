// The web tier's Ingress, following the AWS Load Balancer Controller's conventions (class alb,
// internet-facing, IP targets, ACM certificate, WAFv2 web ACL, HTTPS redirect), and the
// platform's URL. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "controllers/metrics_platform/effective.h"

namespace po::controllers::metrics_platform {

// std::nullopt when spec.ingress is unset.
std::optional<nlohmann::json> DesiredIngress(const nlohmann::json& platform,
                                             const Effective& effective);

// https://<host> (http:// without a certificate) with an ingress, else the web Service's
// in-cluster address.
std::string PlatformUrl(const Effective& effective);

}  // namespace po::controllers::metrics_platform

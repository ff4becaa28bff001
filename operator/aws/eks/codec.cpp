// Encoders and decoders of the EKS REST-JSON operations.
#include "operator/aws/eks/codec.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace po::aws::eks {
namespace {

using Json = nlohmann::json;

std::optional<std::string> String(const Json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<int> Int(const Json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

std::optional<double> Number(const Json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::optional<bool> Bool(const Json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

std::vector<std::string> Strings(const Json& object, const char* name) {
  std::vector<std::string> out;
  auto it = object.find(name);
  if (it == object.end() || !it->is_array()) return out;
  for (const Json& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::map<std::string, std::string> StringMap(const Json& object, const char* name) {
  std::map<std::string, std::string> out;
  auto it = object.find(name);
  if (it == object.end() || !it->is_object()) return out;
  for (auto entry = it->begin(); entry != it->end(); ++entry) {
    if (entry.value().is_string()) out[entry.key()] = entry.value().get<std::string>();
  }
  return out;
}

const Json& Object(const Json& object, const char* name) {
  static const Json kEmpty = Json::object();
  auto it = object.find(name);
  return (it != object.end() && it->is_object()) ? *it : kEmpty;
}

// Parses `body` and returns its member `wrapper` (an object), or an error naming the operation.
Result<Json> Unwrap(std::string_view body, const char* operation, const char* wrapper) {
  Json parsed = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return Internal(std::string("malformed JSON in EKS ") + operation + " response");
  }
  if (!parsed.is_object() || !parsed.contains(wrapper) || !parsed[wrapper].is_object()) {
    return Internal(std::string("EKS ") + operation + " response has no \"" + wrapper +
                    "\" object");
  }
  return parsed[wrapper];
}

RestRequest Get(std::string path) {
  RestRequest request;
  request.method = "GET";
  request.path = std::move(path);
  return request;
}

}  // namespace

std::string EncodePathSegment(std::string_view segment) {
  std::string out;
  for (unsigned char c : segment) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof(escaped), "%%%02X", c);
      out += escaped;
    }
  }
  return out;
}

RestRequest EncodeDescribeCluster(const DescribeClusterRequest& r) {
  return Get("/clusters/" + EncodePathSegment(r.name));
}

RestRequest EncodeDescribeNodegroup(const DescribeNodegroupRequest& r) {
  return Get("/clusters/" + EncodePathSegment(r.clusterName) + "/node-groups/" +
             EncodePathSegment(r.nodegroupName));
}

RestRequest EncodeUpdateNodegroupConfig(const UpdateNodegroupConfigRequest& r) {
  RestRequest request;
  request.method = "POST";
  request.path = "/clusters/" + EncodePathSegment(r.clusterName) + "/node-groups/" +
                 EncodePathSegment(r.nodegroupName) + "/update-config";
  Json body = Json::object();
  if (r.scalingConfig) {
    Json scaling = Json::object();
    if (r.scalingConfig->minSize) scaling["minSize"] = *r.scalingConfig->minSize;
    if (r.scalingConfig->maxSize) scaling["maxSize"] = *r.scalingConfig->maxSize;
    if (r.scalingConfig->desiredSize) scaling["desiredSize"] = *r.scalingConfig->desiredSize;
    body["scalingConfig"] = scaling;
  }
  if (r.clientRequestToken) body["clientRequestToken"] = *r.clientRequestToken;
  request.body = body.dump();
  request.headers["Content-Type"] = "application/json";
  return request;
}

Result<Cluster> DecodeDescribeCluster(std::string_view body) {
  PO_ASSIGN_OR_RETURN(Json c, Unwrap(body, "DescribeCluster", "cluster"));
  Cluster out;
  out.name = String(c, "name");
  out.arn = String(c, "arn");
  out.createdAt = Number(c, "createdAt");
  out.version = String(c, "version");
  out.endpoint = String(c, "endpoint");
  out.roleArn = String(c, "roleArn");
  if (c.contains("resourcesVpcConfig")) {
    const Json& v = Object(c, "resourcesVpcConfig");
    VpcConfigResponse vpc;
    vpc.subnetIds = Strings(v, "subnetIds");
    vpc.securityGroupIds = Strings(v, "securityGroupIds");
    vpc.clusterSecurityGroupId = String(v, "clusterSecurityGroupId");
    vpc.vpcId = String(v, "vpcId");
    vpc.endpointPublicAccess = Bool(v, "endpointPublicAccess");
    vpc.endpointPrivateAccess = Bool(v, "endpointPrivateAccess");
    out.resourcesVpcConfig = vpc;
  }
  out.status = String(c, "status");
  if (c.contains("certificateAuthority")) {
    out.certificateAuthority = Certificate{String(Object(c, "certificateAuthority"), "data")};
  }
  out.platformVersion = String(c, "platformVersion");
  out.oidcIssuer = String(Object(Object(c, "identity"), "oidc"), "issuer");
  out.tags = StringMap(c, "tags");
  return out;
}

Result<Nodegroup> DecodeDescribeNodegroup(std::string_view body) {
  PO_ASSIGN_OR_RETURN(Json n, Unwrap(body, "DescribeNodegroup", "nodegroup"));
  Nodegroup out;
  out.nodegroupName = String(n, "nodegroupName");
  out.nodegroupArn = String(n, "nodegroupArn");
  out.clusterName = String(n, "clusterName");
  out.version = String(n, "version");
  out.releaseVersion = String(n, "releaseVersion");
  out.createdAt = Number(n, "createdAt");
  out.modifiedAt = Number(n, "modifiedAt");
  out.status = String(n, "status");
  out.capacityType = String(n, "capacityType");
  if (n.contains("scalingConfig")) {
    const Json& s = Object(n, "scalingConfig");
    out.scalingConfig =
        NodegroupScalingConfig{Int(s, "minSize"), Int(s, "maxSize"), Int(s, "desiredSize")};
  }
  out.instanceTypes = Strings(n, "instanceTypes");
  out.subnets = Strings(n, "subnets");
  out.amiType = String(n, "amiType");
  out.nodeRole = String(n, "nodeRole");
  out.labels = StringMap(n, "labels");
  out.diskSize = Int(n, "diskSize");
  const Json& health = Object(n, "health");
  if (health.contains("issues") && health["issues"].is_array()) {
    for (const Json& issue : health["issues"]) {
      if (!issue.is_object()) continue;
      out.healthIssues.push_back(
          Issue{String(issue, "code"), String(issue, "message"), Strings(issue, "resourceIds")});
    }
  }
  out.tags = StringMap(n, "tags");
  return out;
}

Result<Update> DecodeUpdateNodegroupConfig(std::string_view body) {
  PO_ASSIGN_OR_RETURN(Json u, Unwrap(body, "UpdateNodegroupConfig", "update"));
  Update out;
  out.id = String(u, "id");
  out.status = String(u, "status");
  out.type = String(u, "type");
  if (u.contains("params") && u["params"].is_array()) {
    for (const Json& p : u["params"]) {
      if (p.is_object()) out.params.push_back(UpdateParam{String(p, "type"), String(p, "value")});
    }
  }
  out.createdAt = Number(u, "createdAt");
  if (u.contains("errors") && u["errors"].is_array()) {
    for (const Json& e : u["errors"]) {
      if (!e.is_object()) continue;
      out.errors.push_back(ErrorDetail{String(e, "errorCode"), String(e, "errorMessage"),
                                       Strings(e, "resourceIds")});
    }
  }
  return out;
}

}  // namespace po::aws::eks

// Desired NetworkPolicies: the normal set, or the quarantine that replaces it.
#include "controllers/metrics_platform/network_policies.h"

#include "controllers/metrics_platform/resources.h"

namespace po::controllers::metrics_platform {

namespace {

using nlohmann::json;

json Policy(const json& platform, const Effective& effective, const std::string& suffix,
            const json& pod_selector, const json& spec_rest) {
  json object = ChildSkeleton(NetworkPolicies(), platform, ChildName(effective.name, suffix),
                              PlatformLabels(effective.name));
  json spec = {{"podSelector", pod_selector}};
  spec.update(spec_rest);
  object["spec"] = spec;
  return object;
}

json Match(const std::map<std::string, std::string>& labels) {
  return {{"matchLabels", labels}};
}

json TcpPort(int port) {
  return {{"protocol", "TCP"}, {"port", port}};
}

json DnsEgress() {
  return {{"to", json::array({{{"namespaceSelector", json::object()}}})},
          {"ports", json::array({{{"protocol", "UDP"}, {"port", 53}}, TcpPort(53)})}};
}

json MonitoringPeer() {
  return {{"namespaceSelector", Match({{"kubernetes.io/metadata.name", kMonitoringNamespace}})}};
}

}  // namespace

std::vector<json> DesiredNetworkPolicies(const json& platform, const Effective& effective) {
  const json all_pods = Match({{kPlatformLabel, effective.name}});
  const json web = Match(TierSelector(effective.name, "web"));
  const json app = Match(TierSelector(effective.name, "app"));

  if (effective.isolated) {
    json operator_peer = {
        {"namespaceSelector", json::object()},
        {"podSelector", Match({{"app.kubernetes.io/name", "platform-operator"}})}};
    return {Policy(
        platform, effective, "quarantine", all_pods,
        {{"policyTypes", json::array({"Ingress", "Egress"})},
         {"ingress", json::array({{{"from", json::array({operator_peer, MonitoringPeer()})}}})},
         {"egress", json::array({DnsEgress()})}})};
  }

  return {
      Policy(platform, effective, "default-deny", all_pods,
             {{"policyTypes", json::array({"Ingress", "Egress"})}}),
      Policy(platform, effective, "allow-dns", all_pods,
             {{"policyTypes", json::array({"Egress"})}, {"egress", json::array({DnsEgress()})}}),
      Policy(platform, effective, "allow-monitoring", all_pods,
             {{"policyTypes", json::array({"Ingress"})},
              {"ingress", json::array({{{"from", json::array({MonitoringPeer()})}}})}}),
      Policy(platform, effective, "web", web,
             {{"policyTypes", json::array({"Ingress", "Egress"})},
              // Clients (the load balancer targets pod IPs) reach the web port from anywhere.
              {"ingress", json::array({{{"ports", json::array({TcpPort(effective.web.port)})}}})},
              {"egress", json::array({{{"to", json::array({{{"podSelector", app}}})},
                                       {"ports", json::array({TcpPort(effective.app.port)})}}})}}),
      Policy(platform, effective, "app", app,
             {{"policyTypes", json::array({"Ingress", "Egress"})},
              {"ingress", json::array({{{"from", json::array({{{"podSelector", web}}})},
                                        {"ports", json::array({TcpPort(effective.app.port)})}}})},
              // RDS and ElastiCache live outside the cluster: their ports, any address.
              {"egress",
               json::array(
                   {{{"to", json::array({{{"ipBlock", {{"cidr", "0.0.0.0/0"}}}}})},
                     {"ports", json::array({TcpPort(kPostgresPort), TcpPort(kRedisPort)})}}})}}),
  };
}

}  // namespace po::controllers::metrics_platform

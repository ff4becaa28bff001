// Builds Config from defaults, a YAML file, the environment and flags, driven by one table of flags
// so that parsing, the config file's keys and --help never disagree.
#include "operator/config/config.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace po::config {
namespace {

using Setter = std::function<Status(Config&, const std::string&)>;

struct Flag {
  std::string name;        // without the leading dashes; also the key in the YAML file
  std::string value_name;  // shown in --help; empty for boolean flags
  std::string help;
  std::function<std::string(const Config&)> show_default;
  Setter set;
  bool is_bool() const { return value_name.empty(); }
};

Setter String(std::string Config::*field) {
  return [field](Config& c, const std::string& v) {
    c.*field = v;
    return Status::Ok();
  };
}

Setter OneOf(std::string Config::*field, std::set<std::string> allowed) {
  return [field, allowed](Config& c, const std::string& v) {
    if (!allowed.contains(v)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return InvalidArgument("must be one of " + list);
    }
    c.*field = v;
    return Status::Ok();
  };
}

Setter Duration(std::chrono::milliseconds Config::*field) {
  return [field](Config& c, const std::string& v) {
    auto d = ParseDuration(v);
    if (!d.ok()) return d.status();
    c.*field = *d;
    return Status::Ok();
  };
}

Setter Address(std::string Config::*field) {
  return [field](Config& c, const std::string& v) {
    PO_RETURN_IF_ERROR(ParseBindAddress(v).status());
    c.*field = v;
    return Status::Ok();
  };
}

Result<bool> ParseBool(const std::string& v) {
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  return InvalidArgument("must be true or false");
}

const std::vector<Flag>& Flags() {
  static const std::vector<Flag> kFlags = [] {
    auto str = [](std::string Config::*f) { return [f](const Config& c) { return c.*f; }; };
    auto dur = [](std::chrono::milliseconds Config::*f) {
      return [f](const Config& c) { return FormatDuration(c.*f); };
    };
    return std::vector<Flag>{
        {"kubeconfig", "PATH", "kubeconfig file; default: $KUBECONFIG, in-cluster, ~/.kube/config",
         str(&Config::kubeconfig), String(&Config::kubeconfig)},
        {"namespace", "NAME", "namespace to watch; default: all namespaces",
         str(&Config::namespace_), String(&Config::namespace_)},
        {"metrics-bind-address", "ADDR", "address of the /metrics endpoint; \"0\" disables it",
         str(&Config::metrics_bind_address), Address(&Config::metrics_bind_address)},
        {"health-probe-bind-address", "ADDR",
         "address of /healthz and /readyz; \"0\" disables them",
         str(&Config::health_probe_bind_address), Address(&Config::health_probe_bind_address)},
        {"leader-elect", "", "reconcile only while holding the leader-election Lease",
         [](const Config& c) { return std::string(c.leader_elect ? "true" : "false"); },
         [](Config& c, const std::string& v) {
           auto b = ParseBool(v);
           if (!b.ok()) return b.status();
           c.leader_elect = *b;
           return Status::Ok();
         }},
        {"leader-election-namespace", "NAME", "namespace of the Lease; default: the operator's own",
         str(&Config::leader_election_namespace), String(&Config::leader_election_namespace)},
        {"leader-election-id", "NAME", "name of the Lease", str(&Config::leader_election_id),
         String(&Config::leader_election_id)},
        {"leader-election-lease-duration", "DURATION", "how long a Lease is valid unrenewed",
         dur(&Config::leader_election_lease_duration),
         Duration(&Config::leader_election_lease_duration)},
        {"leader-election-renew-deadline", "DURATION", "how long the leader tries to renew",
         dur(&Config::leader_election_renew_deadline),
         Duration(&Config::leader_election_renew_deadline)},
        {"leader-election-retry-period", "DURATION", "interval between acquire/renew attempts",
         dur(&Config::leader_election_retry_period),
         Duration(&Config::leader_election_retry_period)},
        {"aws-region", "REGION", "default AWS region; default: $AWS_REGION, then us-east-1",
         str(&Config::aws_region), String(&Config::aws_region)},
        {"aws-endpoint-url", "URL",
         "endpoint for every AWS service (AWS_ENDPOINT_URL_<SERVICE> still wins per service)",
         str(&Config::aws_endpoint_url),
         [](Config& c, const std::string& v) {
           if (!v.empty() && v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0) {
             return InvalidArgument("must start with http:// or https://");
           }
           c.aws_endpoint_url = v;
           return Status::Ok();
         }},
        {"resync-period", "DURATION", "reconcile every object at least this often (jittered 10%)",
         dur(&Config::resync_period), Duration(&Config::resync_period)},
        {"max-concurrent-reconciles", "N", "worker threads per controller (1-64)",
         [](const Config& c) { return std::to_string(c.max_concurrent_reconciles); },
         [](Config& c, const std::string& v) {
           static const std::regex kInt("[0-9]{1,3}");
           if (!std::regex_match(v, kInt) || std::stoi(v) < 1 || std::stoi(v) > 64) {
             return InvalidArgument("must be an integer from 1 to 64");
           }
           c.max_concurrent_reconciles = std::stoi(v);
           return Status::Ok();
         }},
        {"log-format", "json|text", "log line format", str(&Config::log_format),
         OneOf(&Config::log_format, {"json", "text"})},
        {"log-level", "LEVEL", "trace, debug, info, warn or error", str(&Config::log_level),
         OneOf(&Config::log_level, {"trace", "debug", "info", "warn", "error"})},
        {"config", "FILE", "YAML file of settings (keys are these flag names); flags override it",
         str(&Config::config_file), String(&Config::config_file)},
    };
  }();
  return kFlags;
}

const Flag* FindFlag(const std::string& name) {
  for (const auto& f : Flags()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Status Apply(const Flag& flag, Config& config, const std::string& value,
             const std::string& origin) {
  Status s = flag.set(config, value);
  if (s.ok()) return s;
  return InvalidArgument("invalid value \"" + value + "\" for " + origin + ": " + s.message());
}

Status ApplyFile(Config& config, const std::string& path, const FileReader& read_file) {
  auto text = read_file(path);
  if (!text.ok())
    return InvalidArgument("cannot read --config " + path + ": " + text.status().message());
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    return InvalidArgument("--config " + path + " is not valid YAML: " + e.what());
  }
  if (root.IsNull()) return Status::Ok();
  if (!root.IsMap())
    return InvalidArgument("--config " + path + " must be a YAML mapping of flag names");
  for (const auto& item : root) {
    std::string key = item.first.as<std::string>();
    const Flag* flag = FindFlag(key);
    if (flag == nullptr || key == "config") {
      return InvalidArgument("unknown key \"" + key + "\" in --config " + path);
    }
    if (!item.second.IsScalar()) {
      return InvalidArgument("key \"" + key + "\" in --config " + path + " must be a scalar");
    }
    PO_RETURN_IF_ERROR(Apply(*flag, config, item.second.Scalar(), key + " in " + path));
  }
  return Status::Ok();
}

// One parsed command-line flag: its table entry and the value given.
struct GivenFlag {
  const Flag* flag;
  std::string value;
};

}  // namespace

EnvLookup ProcessEnv() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

FileReader DiskReader() {
  return [](const std::string& path) -> Result<std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return NotFound("no such file");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  };
}

Result<Invocation> ParseCommandLine(const std::vector<std::string>& args, const EnvLookup& env,
                                    const FileReader& read_file) {
  Invocation inv;
  std::vector<GivenFlag> given;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help" || arg == "-help") {
      inv.action = Invocation::Action::kHelp;
      return inv;
    }
    if (arg == "--version" || arg == "-version") {
      inv.action = Invocation::Action::kVersion;
      return inv;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      return InvalidArgument("unexpected argument \"" + arg + "\" (flags only; see --help)");
    }
    std::string body = arg.substr(arg[1] == '-' ? 2 : 1);
    std::optional<std::string> value;
    if (auto eq = body.find('='); eq != std::string::npos) {
      value = body.substr(eq + 1);
      body = body.substr(0, eq);
    }
    const Flag* flag = FindFlag(body);
    if (flag == nullptr) return InvalidArgument("unknown flag --" + body + " (see --help)");
    if (!value) {
      if (flag->is_bool()) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        return InvalidArgument("flag --" + body + " needs a value (" + flag->value_name + ")");
      }
    }
    given.push_back({flag, *value});
  }

  Config& config = inv.config;
  for (const auto& g : given) {
    if (g.flag->name == "config") config.config_file = g.value;
  }
  if (!config.config_file.empty())
    PO_RETURN_IF_ERROR(ApplyFile(config, config.config_file, read_file));

  // Environment, as the AWS SDKs read it.
  if (auto region = env("AWS_REGION"); region && !region->empty()) {
    config.aws_region = *region;
  } else if (auto legacy = env("AWS_DEFAULT_REGION"); legacy && !legacy->empty()) {
    config.aws_region = *legacy;
  }
  if (auto url = env("AWS_ENDPOINT_URL"); url && !url->empty()) {
    PO_RETURN_IF_ERROR(Apply(*FindFlag("aws-endpoint-url"), config, *url, "AWS_ENDPOINT_URL"));
  }

  for (const auto& g : given)
    PO_RETURN_IF_ERROR(Apply(*g.flag, config, g.value, "--" + g.flag->name));

  if (config.aws_region.empty()) config.aws_region = "us-east-1";
  if (config.leader_election_renew_deadline >= config.leader_election_lease_duration) {
    return InvalidArgument(
        "--leader-election-renew-deadline must be shorter than --leader-election-lease-duration");
  }
  if (config.leader_election_retry_period >= config.leader_election_renew_deadline) {
    return InvalidArgument(
        "--leader-election-retry-period must be shorter than --leader-election-renew-deadline");
  }
  return inv;
}

std::string HelpText() {
  std::ostringstream out;
  out << "platform-operator runs the metrics platform on AWS from MetricsPlatform, DatabaseCluster "
         "and\n"
         "CacheCluster resources.\n\n"
         "Usage: platform-operator [flags]\n\nFlags:\n";
  Config defaults;
  for (const auto& f : Flags()) {
    std::string left = "  --" + f.name + (f.is_bool() ? "" : " " + f.value_name);
    out << left;
    out << std::string(left.size() < 44 ? 44 - left.size() : 1, ' ') << f.help;
    std::string def = f.show_default(defaults);
    if (!def.empty()) out << " (default " << def << ")";
    out << "\n";
  }
  out << "  -h, --help" << std::string(34, ' ') << "print this help and exit\n";
  out << "  --version" << std::string(35, ' ') << "print the version and exit\n";
  out << "\nEnvironment (AWS SDK conventions): AWS_REGION, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL,\n"
         "AWS_ENDPOINT_URL_<SERVICE> (RDS, ELASTICACHE, S3, EKS, STS, CLOUDWATCH_LOGS), "
         "AWS_PROFILE and\n"
         "the credential variables of the default chain. Precedence: flag > environment > --config "
         "> default.\n";
  return out.str();
}

Result<std::chrono::milliseconds> ParseDuration(const std::string& text) {
  static const std::regex kPart("([0-9]+(?:\\.[0-9]+)?)(ms|h|m|s)");
  if (text.empty()) return InvalidArgument("empty duration");
  double total_ms = 0;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kPart);
  size_t consumed = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    if (static_cast<size_t>(it->position()) != consumed) break;
    consumed += it->length();
    double n = std::stod((*it)[1]);
    const std::string unit = (*it)[2];
    total_ms += n * (unit == "h" ? 3'600'000 : unit == "m" ? 60'000 : unit == "s" ? 1'000 : 1);
  }
  if (consumed != text.size()) {
    return InvalidArgument("not a duration (use e.g. 30s, 5m, 10h, 1m30s, 500ms)");
  }
  if (total_ms < 1) return InvalidArgument("duration must be at least 1ms");
  return std::chrono::milliseconds(static_cast<int64_t>(total_ms));
}

std::string FormatDuration(std::chrono::milliseconds d) {
  int64_t ms = d.count();
  std::string out;
  auto take = [&](int64_t unit, const char* suffix) {
    if (ms >= unit) {
      out += std::to_string(ms / unit) + suffix;
      ms %= unit;
    }
  };
  take(3'600'000, "h");
  take(60'000, "m");
  take(1'000, "s");
  take(1, "ms");
  return out.empty() ? "0s" : out;
}

Result<BindAddress> ParseBindAddress(const std::string& text) {
  if (text == "0") return BindAddress{};
  auto colon = text.rfind(':');
  if (colon == std::string::npos) return InvalidArgument("must be host:port, :port or 0");
  std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), ::isdigit)) {
    return InvalidArgument("port must be a number from 1 to 65535");
  }
  int p = std::stoi(port);
  if (p < 1 || p > 65535) return InvalidArgument("port must be a number from 1 to 65535");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return BindAddress{host, p};
}

}  // namespace po::config

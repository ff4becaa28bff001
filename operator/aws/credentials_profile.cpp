// ~/.aws/credentials and ~/.aws/config profiles.
#include "operator/aws/credentials_profile.h"

#include <sstream>

#include "operator/aws/text.h"

namespace po::aws {
std::map<std::string, std::map<std::string, std::string>> ParseIni(const std::string& text) {
  std::map<std::string, std::map<std::string, std::string>> sections;
  std::istringstream in(text);
  std::string line;
  std::string current;
  bool in_section = false;
  while (std::getline(in, line)) {
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#' || trimmed[0] == ';') continue;
    if (trimmed.front() == '[' && trimmed.back() == ']') {
      current = Trim(std::string_view(trimmed).substr(1, trimmed.size() - 2));
      in_section = true;
      sections[current];
      continue;
    }
    size_t eq = trimmed.find('=');
    if (!in_section || eq == std::string::npos) continue;
    std::string key = Trim(std::string_view(trimmed).substr(0, eq));
    sections[current][ToLower(key)] = Trim(std::string_view(trimmed).substr(eq + 1));
  }
  return sections;
}

Result<Credentials> ProfileCredentialsProvider::Get() {
  std::string profile = env_("AWS_PROFILE").value_or("default");
  std::string home = env_("HOME").value_or("");
  std::string credentials_file =
      env_("AWS_SHARED_CREDENTIALS_FILE").value_or(home.empty() ? "" : home + "/.aws/credentials");
  std::string config_file =
      env_("AWS_CONFIG_FILE").value_or(home.empty() ? "" : home + "/.aws/config");

  std::vector<std::string> looked;
  auto try_file = [&](const std::string& path,
                      const std::string& section) -> std::optional<Result<Credentials>> {
    if (path.empty()) return std::nullopt;
    Result<std::string> text = files_.Read(path);
    if (!text.ok()) {
      looked.push_back(path + " not readable");
      return std::nullopt;
    }
    auto sections = ParseIni(*text);
    auto it = sections.find(section);
    if (it == sections.end()) {
      looked.push_back("no [" + section + "] in " + path);
      return std::nullopt;
    }
    const auto& keys = it->second;
    auto id = keys.find("aws_access_key_id");
    auto secret = keys.find("aws_secret_access_key");
    if (id == keys.end() || secret == keys.end() || id->second.empty() || secret->second.empty()) {
      looked.push_back("[" + section + "] in " + path + " has no access key pair");
      return std::nullopt;
    }
    Credentials credentials;
    credentials.access_key_id = id->second;
    credentials.secret_access_key = secret->second;
    if (auto token = keys.find("aws_session_token"); token != keys.end()) {
      credentials.session_token = token->second;
    }
    return Result<Credentials>(credentials);
  };

  if (auto found = try_file(credentials_file, profile)) return *found;
  std::string config_section = profile == "default" ? "default" : "profile " + profile;
  if (auto found = try_file(config_file, config_section)) return *found;
  std::string why;
  for (const auto& entry : looked) why += (why.empty() ? "" : ", ") + entry;
  return NotFound("profile \"" + profile + "\" not found" + (why.empty() ? "" : " (" + why + ")"));
}

}  // namespace po::aws

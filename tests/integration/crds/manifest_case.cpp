// Parses manifest test case files (header comments plus YAML documents).
#include "tests/integration/crds/manifest_case.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace po::testing::crds {
namespace {

constexpr std::string_view kExpectPrefix = "# expect:";

std::string Trim(std::string_view s) {
  auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return "";
  auto end = s.find_last_not_of(" \t\r");
  return std::string(s.substr(begin, end - begin + 1));
}

// True when the document holds nothing but blank lines and comments.
bool IsEmptyDocument(std::string_view doc) {
  std::istringstream in{std::string(doc)};
  std::string line;
  while (std::getline(in, line)) {
    std::string t = Trim(line);
    if (!t.empty() && t[0] != '#') return false;
  }
  return true;
}

}  // namespace

Result<ManifestCase> ParseManifestCase(std::string_view name, std::string_view text) {
  ManifestCase result;
  result.name = std::string(name);
  std::istringstream in{std::string(text)};
  std::string line;
  bool in_header = true;
  std::string current;
  while (std::getline(in, line)) {
    if (in_header && line.rfind('#', 0) == 0) {
      if (line.rfind(kExpectPrefix, 0) == 0) {
        result.expect = Trim(std::string_view(line).substr(kExpectPrefix.size()));
      } else if (result.description.empty()) {
        result.description = Trim(std::string_view(line).substr(1));
      }
      continue;
    }
    in_header = false;
    if (Trim(line) == "---") {
      if (!IsEmptyDocument(current)) result.documents.push_back(current);
      current.clear();
      continue;
    }
    current += line;
    current += '\n';
  }
  if (!IsEmptyDocument(current)) result.documents.push_back(current);

  if (result.description.empty()) {
    return InvalidArgument("case " + result.name +
                           ": the first line must be a comment saying what it shows");
  }
  if (result.expect.empty()) {
    return InvalidArgument("case " + result.name +
                           ": no \"# expect: <message>\" line in the header");
  }
  if (result.documents.empty()) {
    return InvalidArgument("case " + result.name + ": no YAML document");
  }
  return result;
}

Result<ManifestCase> LoadManifestCase(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return NotFound("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return ParseManifestCase(file.stem().string(), text.str());
}

std::vector<std::filesystem::path> YamlFilesIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string TestNameFromFile(const std::filesystem::path& file) {
  std::string name = file.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

}  // namespace po::testing::crds

// A manifest test case read from a YAML file: what it shows, the documents to send and the error
// message the apiserver must answer with. Pure parsing, no I/O besides reading the file.
// Values are immutable once parsed; safe to share between threads.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "operator/common/status.h"

namespace po::testing::crds {

// A case file looks like:
//   # Changing the region of a DatabaseCluster is refused.      <- description (first line)
//   # expect: region is immutable                               <- substring of the error
//   apiVersion: ...                                             <- document 1
//   ---
//   apiVersion: ...                                             <- document 2 (optional)
// Every document but the last is applied first and must be accepted; the last must be refused.
struct ManifestCase {
  std::string name;                    // file name without extension, e.g. "05-dbc-region-changed"
  std::string description;             // the first comment line
  std::string expect;                  // text the apiserver's error must contain
  std::vector<std::string> documents;  // YAML documents, in order
};

// Parses a case from the file's text; `name` is used in error messages and kept in the case.
Result<ManifestCase> ParseManifestCase(std::string_view name, std::string_view text);

// Reads and parses one case file.
Result<ManifestCase> LoadManifestCase(const std::filesystem::path& file);

// The *.yaml files directly inside `dir`, sorted by name; empty when the folder does not exist.
std::vector<std::filesystem::path> YamlFilesIn(const std::filesystem::path& dir);

// A name usable as a GoogleTest parameter name: letters and digits kept, everything else '_'.
std::string TestNameFromFile(const std::filesystem::path& file);

}  // namespace po::testing::crds

// FileReader: reads whole files (web identity tokens, ~/.aws/credentials) through an interface,
// so credential providers are tested with in-memory files. DiskFileReader reads the filesystem;
// MapFileReader serves a fixed map. Both are thread-safe.
#pragma once

#include <map>
#include <string>

#include "operator/common/status.h"

namespace po::aws {

class FileReader {
 public:
  virtual ~FileReader() = default;
  // The file's contents; NotFound when it does not exist, Unavailable when it cannot be read.
  virtual Result<std::string> Read(const std::string& path) = 0;
};

class DiskFileReader final : public FileReader {
 public:
  Result<std::string> Read(const std::string& path) override;
};

class MapFileReader final : public FileReader {
 public:
  explicit MapFileReader(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  Result<std::string> Read(const std::string& path) override;

 private:
  const std::map<std::string, std::string> files_;
};

}  // namespace po::aws

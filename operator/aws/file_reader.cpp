// Disk and map-backed file readers.
#include "operator/aws/file_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace po::aws {

Result<std::string> DiskFileReader::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return NotFound("file " + path + " does not exist");
    return Unavailable("cannot read " + path + ": " + std::strerror(errno));
  }
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

Result<std::string> MapFileReader::Read(const std::string& path) {
  auto it = files_.find(path);
  if (it == files_.end()) return NotFound("file " + path + " does not exist");
  return it->second;
}

}  // namespace po::aws

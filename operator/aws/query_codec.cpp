// Appends Query-protocol form parameters with dotted member names, skipping absent values.
#include "operator/aws/query_codec.h"

#include <utility>

namespace po::aws {

QueryParamWriter::QueryParamWriter(QueryParams& out, std::string prefix)
    : out_(&out), prefix_(std::move(prefix)) {}

void QueryParamWriter::Str(const std::string& name, const std::string& value) {
  out_->emplace_back(prefix_ + name, value);
}

void QueryParamWriter::Str(const std::string& name, const std::optional<std::string>& value) {
  if (value) Str(name, *value);
}

void QueryParamWriter::Int(const std::string& name, const std::optional<int>& value) {
  if (value) Str(name, std::to_string(*value));
}

void QueryParamWriter::Bool(const std::string& name, const std::optional<bool>& value) {
  if (value) Str(name, std::string(*value ? "true" : "false"));
}

void QueryParamWriter::Strings(const std::string& name, const std::string& member,
                               const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) Str(Member(name, member, i), values[i]);
}

QueryParams QueryParamWriter::Take() {
  return std::move(*out_);
}

std::string QueryParamWriter::Member(const std::string& name, const std::string& member,
                                     std::size_t index) {
  return name + "." + member + "." + std::to_string(index + 1);
}

}  // namespace po::aws

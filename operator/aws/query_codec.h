// QueryParamWriter: appends Query-protocol form parameters (RDS, ElastiCache, STS) with AWS's
// dotted member names ("Tags.Tag.1.Key"), leaving out absent optionals and empty lists. One writer
// builds one request; not thread-safe (use it on one thread, then Take() the parameters).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "operator/aws/api_caller.h"

namespace po::aws {

class QueryParamWriter {
 public:
  QueryParamWriter() = default;
  QueryParamWriter(const QueryParamWriter&) = delete;
  QueryParamWriter& operator=(const QueryParamWriter&) = delete;

  void Str(const std::string& name, const std::string& value);
  void Str(const std::string& name, const std::optional<std::string>& value);
  void Int(const std::string& name, const std::optional<int>& value);
  void Bool(const std::string& name, const std::optional<bool>& value);  // "true" / "false"
  // name.member.1, name.member.2, …
  void Strings(const std::string& name, const std::string& member,
               const std::vector<std::string>& values);

  // name.member.N.<fields written by write(QueryParamWriter&, const T&)>
  template <typename T, typename WriteFn>
  void Structs(const std::string& name, const std::string& member, const std::vector<T>& items,
               WriteFn write) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      QueryParamWriter nested(*out_, prefix_ + Member(name, member, i) + ".");
      write(nested, items[i]);
    }
  }

  // Tags.Tag.N.Key and Tags.Tag.N.Value, for any tag type with Key and Value strings.
  template <typename TagT>
  void Tags(const std::vector<TagT>& tags) {
    Structs("Tags", "Tag", tags, [](QueryParamWriter& w, const TagT& tag) {
      w.Str("Key", tag.Key);
      w.Str("Value", tag.Value);
    });
  }

  // The parameters written so far (on the writer Take() is called on, not on a nested one).
  QueryParams Take();

 private:
  QueryParamWriter(QueryParams& out, std::string prefix);
  // "name.member.<index + 1>"
  static std::string Member(const std::string& name, const std::string& member, std::size_t index);

  QueryParams owned_;
  QueryParams* out_ = &owned_;
  std::string prefix_;
};

}  // namespace po::aws

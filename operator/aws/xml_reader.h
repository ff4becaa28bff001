// Reading helpers for Query-protocol XML replies (RDS, ElastiCache, STS): optional scalar members,
// lists of member elements, and the <ActionResponse>/<ActionResult> envelope. Pure free functions
// over pugixml nodes; thread-safe as long as each document is used by one thread. Error messages
// never include the body (it may hold credentials).
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "operator/common/status.h"

namespace po::aws::xml_reader {

// The text of the child element `name`, or nullopt when there is no such child.
std::optional<std::string> Text(pugi::xml_node parent, const char* name);
// The child `name` as a whole decimal int; nullopt when absent or not a number.
std::optional<int> Int(pugi::xml_node parent, const char* name);
// The child `name` as a double; nullopt when absent, empty or not a number.
std::optional<double> Double(pugi::xml_node parent, const char* name);
// The child `name` as "true" or "false"; nullopt when absent or anything else.
std::optional<bool> Bool(pugi::xml_node parent, const char* name);

// The element children of <name>, whatever each member element is called, each decoded with
// `decode(pugi::xml_node) -> T`. Empty when <name> is absent.
template <typename T, typename DecodeFn>
std::vector<T> List(pugi::xml_node parent, const char* name, DecodeFn decode) {
  std::vector<T> out;
  for (pugi::xml_node member : parent.child(name).children()) {
    if (member.type() == pugi::node_element) out.push_back(decode(member));
  }
  return out;
}

// The texts of the element children of <name>.
std::vector<std::string> Strings(pugi::xml_node parent, const char* name);

// Parses `xml` into `doc`; an error "malformed XML in <service> <action> response: …" otherwise.
Status Parse(pugi::xml_document& doc, std::string_view service, std::string_view action,
             std::string_view xml);

// Parses `xml` into `doc` and returns its <ActionResult> element (an empty node when the action has
// no result members), or an error when the body is not an <ActionResponse> document.
Result<pugi::xml_node> ResultNode(pugi::xml_document& doc, std::string_view service,
                                  std::string_view action, std::string_view xml);

// Decodes the action's <ActionResult> element with `decode(pugi::xml_node) -> T`.
template <typename T, typename DecodeFn>
Result<T> DecodeResult(std::string_view service, std::string_view action, std::string_view xml,
                       DecodeFn decode) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, service, action, xml));
  return decode(result);
}

// Decodes the single member `element` of the action's result with `decode(pugi::xml_node) -> T`;
// an error when the result has no such member.
template <typename T, typename DecodeFn>
Result<T> DecodeMember(std::string_view service, std::string_view action, std::string_view xml,
                       const char* element, DecodeFn decode) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, service, action, xml));
  pugi::xml_node member = result.child(element);
  if (!member) {
    return Internal(std::string(service) + " " + std::string(action) + " response has no <" +
                    element + "> element");
  }
  return decode(member);
}

}  // namespace po::aws::xml_reader

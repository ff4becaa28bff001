// Reads optional scalars, member lists and the response envelope out of Query-protocol XML replies.
#include "operator/aws/xml_reader.h"

#include <charconv>
#include <cstdlib>

namespace po::aws::xml_reader {

std::optional<std::string> Text(pugi::xml_node parent, const char* name) {
  pugi::xml_node child = parent.child(name);
  if (!child) return std::nullopt;
  return std::string(child.text().get());
}

std::optional<int> Int(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = Text(parent, name);
  if (!text) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

std::optional<double> Double(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = Text(parent, name);
  if (!text || text->empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text->c_str(), &end);
  if (end != text->c_str() + text->size()) return std::nullopt;
  return value;
}

std::optional<bool> Bool(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = Text(parent, name);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  return std::nullopt;
}

std::vector<std::string> Strings(pugi::xml_node parent, const char* name) {
  return List<std::string>(parent, name,
                           [](pugi::xml_node n) { return std::string(n.text().get()); });
}

Status Parse(pugi::xml_document& doc, std::string_view service, std::string_view action,
             std::string_view xml) {
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return Internal("malformed XML in " + std::string(service) + " " + std::string(action) +
                    " response: " + parsed.description());
  }
  return Status::Ok();
}

Result<pugi::xml_node> ResultNode(pugi::xml_document& doc, std::string_view service,
                                  std::string_view action, std::string_view xml) {
  PO_RETURN_IF_ERROR(Parse(doc, service, action, xml));
  const std::string name(action);
  pugi::xml_node response = doc.child((name + "Response").c_str());
  if (!response) {
    return Internal(std::string(service) + " " + name + " response has no <" + name +
                    "Response> element");
  }
  return response.child((name + "Result").c_str());
}

}  // namespace po::aws::xml_reader

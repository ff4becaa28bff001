// Encoders and decoders of STS GetCallerIdentity and AssumeRoleWithWebIdentity.
#include "operator/aws/sts/codec.h"

#include <charconv>
#include <optional>
#include <pugixml.hpp>
#include <string>

namespace po::aws::sts {
namespace {

std::optional<std::string> Text(pugi::xml_node parent, const char* name) {
  pugi::xml_node child = parent.child(name);
  if (!child) return std::nullopt;
  return std::string(child.text().get());
}

// A member the model marks as required: missing means the body is not what STS sends.
Result<std::string> Required(pugi::xml_node parent, const char* name, std::string_view action) {
  std::optional<std::string> text = Text(parent, name);
  if (!text) {
    return Internal("STS " + std::string(action) + " response has no <" + name + "> element");
  }
  return *text;
}

std::optional<int> Int(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = Text(parent, name);
  if (!text) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

Result<pugi::xml_node> ResultNode(pugi::xml_document& doc, std::string_view action,
                                  std::string_view xml) {
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  const std::string name(action);
  if (!parsed) {
    return Internal("malformed XML in STS " + name + " response: " + parsed.description());
  }
  pugi::xml_node result = doc.child((name + "Response").c_str()).child((name + "Result").c_str());
  if (!result) {
    return Internal("STS " + name + " response has no <" + name + "Result> element");
  }
  return result;
}

}  // namespace

QueryParams EncodeGetCallerIdentity() {
  return {};
}

Result<GetCallerIdentityResponse> DecodeGetCallerIdentity(std::string_view xml) {
  constexpr std::string_view kAction = "GetCallerIdentity";
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, kAction, xml));
  GetCallerIdentityResponse out;
  PO_ASSIGN_OR_RETURN(out.UserId, Required(result, "UserId", kAction));
  PO_ASSIGN_OR_RETURN(out.Account, Required(result, "Account", kAction));
  PO_ASSIGN_OR_RETURN(out.Arn, Required(result, "Arn", kAction));
  return out;
}

QueryParams EncodeAssumeRoleWithWebIdentity(const AssumeRoleWithWebIdentityRequest& r) {
  QueryParams out;
  out.emplace_back("RoleArn", r.RoleArn);
  out.emplace_back("RoleSessionName", r.RoleSessionName);
  out.emplace_back("WebIdentityToken", r.WebIdentityToken);
  if (r.ProviderId) out.emplace_back("ProviderId", *r.ProviderId);
  for (size_t i = 0; i < r.PolicyArns.size(); ++i) {
    out.emplace_back("PolicyArns.member." + std::to_string(i + 1) + ".arn", r.PolicyArns[i].arn);
  }
  if (r.Policy) out.emplace_back("Policy", *r.Policy);
  if (r.DurationSeconds) out.emplace_back("DurationSeconds", std::to_string(*r.DurationSeconds));
  return out;
}

Result<AssumeRoleWithWebIdentityResponse> DecodeAssumeRoleWithWebIdentity(std::string_view xml) {
  constexpr std::string_view kAction = "AssumeRoleWithWebIdentity";
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, kAction, xml));
  AssumeRoleWithWebIdentityResponse out;
  pugi::xml_node credentials = result.child("Credentials");
  PO_ASSIGN_OR_RETURN(out.Credentials.AccessKeyId, Required(credentials, "AccessKeyId", kAction));
  PO_ASSIGN_OR_RETURN(out.Credentials.SecretAccessKey,
                      Required(credentials, "SecretAccessKey", kAction));
  PO_ASSIGN_OR_RETURN(out.Credentials.SessionToken, Required(credentials, "SessionToken", kAction));
  PO_ASSIGN_OR_RETURN(out.Credentials.Expiration, Required(credentials, "Expiration", kAction));
  out.SubjectFromWebIdentityToken = Text(result, "SubjectFromWebIdentityToken");
  pugi::xml_node user = result.child("AssumedRoleUser");
  PO_ASSIGN_OR_RETURN(out.AssumedRoleUser.AssumedRoleId, Required(user, "AssumedRoleId", kAction));
  PO_ASSIGN_OR_RETURN(out.AssumedRoleUser.Arn, Required(user, "Arn", kAction));
  out.PackedPolicySize = Int(result, "PackedPolicySize");
  out.Provider = Text(result, "Provider");
  out.Audience = Text(result, "Audience");
  out.SourceIdentity = Text(result, "SourceIdentity");
  return out;
}

}  // namespace po::aws::sts

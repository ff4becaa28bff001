// Encoders and decoders of STS GetCallerIdentity and AssumeRoleWithWebIdentity.
#include "operator/aws/sts/codec.h"

#include <optional>
#include <pugixml.hpp>
#include <string>

#include "operator/aws/query_codec.h"
#include "operator/aws/xml_reader.h"

namespace po::aws::sts {
namespace {

using xml_reader::Int;
using xml_reader::Text;

// A member the model marks as required: missing means the body is not what STS sends.
Result<std::string> Required(pugi::xml_node parent, const char* name, std::string_view action) {
  std::optional<std::string> text = Text(parent, name);
  if (!text) {
    return Internal("STS " + std::string(action) + " response has no <" + name + "> element");
  }
  return *text;
}

// Parses `xml` into `doc` and returns its <ActionResult> element, which every STS reply has.
Result<pugi::xml_node> ResultNode(pugi::xml_document& doc, std::string_view action,
                                  std::string_view xml) {
  PO_RETURN_IF_ERROR(xml_reader::Parse(doc, "STS", action, xml));
  const std::string name(action);
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
  QueryParamWriter w;
  w.Str("RoleArn", r.RoleArn);
  w.Str("RoleSessionName", r.RoleSessionName);
  w.Str("WebIdentityToken", r.WebIdentityToken);
  w.Str("ProviderId", r.ProviderId);
  w.Structs(
      "PolicyArns", "member", r.PolicyArns,
      [](QueryParamWriter& p, const PolicyDescriptorType& policy) { p.Str("arn", policy.arn); });
  w.Str("Policy", r.Policy);
  w.Int("DurationSeconds", r.DurationSeconds);
  return w.Take();
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

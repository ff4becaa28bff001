// Encoders and decoders of the S3 bucket operations (REST-XML).
#include "operator/aws/s3/codec.h"

#include <openssl/evp.h>

#include <charconv>
#include <optional>
#include <pugixml.hpp>
#include <sstream>
#include <string>

namespace po::aws::s3 {
namespace {

constexpr char kNamespace[] = "http://s3.amazonaws.com/doc/2006-03-01/";

// Builds one XML document; absent optionals are left out.
class XmlWriter {
 public:
  explicit XmlWriter(const char* root) {
    root_ = doc_.append_child(root);
    root_.append_attribute("xmlns") = kNamespace;
  }
  pugi::xml_node root() { return root_; }

  static pugi::xml_node Child(pugi::xml_node parent, const char* name) {
    return parent.append_child(name);
  }
  static void Text(pugi::xml_node parent, const char* name, const std::string& value) {
    parent.append_child(name).text().set(value.c_str());
  }
  static void Text(pugi::xml_node parent, const char* name,
                   const std::optional<std::string>& value) {
    if (value) Text(parent, name, *value);
  }
  static void Int(pugi::xml_node parent, const char* name, const std::optional<int>& value) {
    if (value) Text(parent, name, std::to_string(*value));
  }
  static void Bool(pugi::xml_node parent, const char* name, const std::optional<bool>& value) {
    if (value) Text(parent, name, std::string(*value ? "true" : "false"));
  }

  std::string Serialize() const {
    std::ostringstream out;
    doc_.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
  }

 private:
  pugi::xml_document doc_;
  pugi::xml_node root_;
};

RestRequest BucketRequest(const std::string& method, const std::string& bucket,
                          const char* subresource = nullptr) {
  RestRequest request;
  request.method = method;
  request.path = "/";
  request.bucket = bucket;
  if (subresource != nullptr) request.query.emplace_back(subresource, "");
  return request;
}

RestRequest WithXmlBody(RestRequest request, const XmlWriter& xml) {
  request.body = xml.Serialize();
  request.headers["Content-Type"] = "application/xml";
  return request;
}

std::optional<std::string> ChildText(pugi::xml_node parent, const char* name) {
  pugi::xml_node child = parent.child(name);
  if (!child) return std::nullopt;
  return std::string(child.text().get());
}

std::optional<int> ChildInt(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = ChildText(parent, name);
  if (!text) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

}  // namespace

std::string ContentMd5(std::string_view body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(body.data(), body.size(), digest, &length, EVP_md5(), nullptr);
  unsigned char encoded[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  int encoded_length = EVP_EncodeBlock(encoded, digest, static_cast<int>(length));
  return std::string(reinterpret_cast<const char*>(encoded), static_cast<size_t>(encoded_length));
}

RestRequest EncodeCreateBucket(const CreateBucketRequest& r) {
  RestRequest request = BucketRequest("PUT", r.Bucket);
  if (r.CreateBucketConfiguration && r.CreateBucketConfiguration->LocationConstraint) {
    XmlWriter xml("CreateBucketConfiguration");
    XmlWriter::Text(xml.root(), "LocationConstraint",
                    r.CreateBucketConfiguration->LocationConstraint);
    request = WithXmlBody(std::move(request), xml);
  }
  return request;
}

RestRequest EncodeHeadBucket(const HeadBucketRequest& r) {
  return BucketRequest("HEAD", r.Bucket);
}

RestRequest EncodeDeleteBucket(const DeleteBucketRequest& r) {
  return BucketRequest("DELETE", r.Bucket);
}

RestRequest EncodePutBucketVersioning(const PutBucketVersioningRequest& r) {
  XmlWriter xml("VersioningConfiguration");
  XmlWriter::Text(xml.root(), "Status", r.VersioningConfiguration.Status);
  return WithXmlBody(BucketRequest("PUT", r.Bucket, "versioning"), xml);
}

RestRequest EncodePutBucketEncryption(const PutBucketEncryptionRequest& r) {
  XmlWriter xml("ServerSideEncryptionConfiguration");
  for (const ServerSideEncryptionRule& rule : r.ServerSideEncryptionConfiguration.Rules) {
    pugi::xml_node node = XmlWriter::Child(xml.root(), "Rule");
    if (rule.ApplyServerSideEncryptionByDefault) {
      pugi::xml_node by_default = XmlWriter::Child(node, "ApplyServerSideEncryptionByDefault");
      XmlWriter::Text(by_default, "SSEAlgorithm",
                      rule.ApplyServerSideEncryptionByDefault->SSEAlgorithm);
      XmlWriter::Text(by_default, "KMSMasterKeyID",
                      rule.ApplyServerSideEncryptionByDefault->KMSMasterKeyID);
    }
    XmlWriter::Bool(node, "BucketKeyEnabled", rule.BucketKeyEnabled);
  }
  return WithXmlBody(BucketRequest("PUT", r.Bucket, "encryption"), xml);
}

RestRequest EncodePutPublicAccessBlock(const PutPublicAccessBlockRequest& r) {
  XmlWriter xml("PublicAccessBlockConfiguration");
  const PublicAccessBlockConfiguration& c = r.PublicAccessBlockConfiguration;
  XmlWriter::Bool(xml.root(), "BlockPublicAcls", c.BlockPublicAcls);
  XmlWriter::Bool(xml.root(), "IgnorePublicAcls", c.IgnorePublicAcls);
  XmlWriter::Bool(xml.root(), "BlockPublicPolicy", c.BlockPublicPolicy);
  XmlWriter::Bool(xml.root(), "RestrictPublicBuckets", c.RestrictPublicBuckets);
  return WithXmlBody(BucketRequest("PUT", r.Bucket, "publicAccessBlock"), xml);
}

RestRequest EncodePutBucketLifecycleConfiguration(const PutBucketLifecycleConfigurationRequest& r) {
  XmlWriter xml("LifecycleConfiguration");
  for (const LifecycleRule& rule : r.LifecycleConfiguration.Rules) {
    pugi::xml_node node = XmlWriter::Child(xml.root(), "Rule");
    XmlWriter::Text(node, "ID", rule.ID);
    XmlWriter::Text(node, "Status", rule.Status);
    if (rule.Filter) {
      XmlWriter::Text(XmlWriter::Child(node, "Filter"), "Prefix", rule.Filter->Prefix);
    }
    for (const Transition& transition : rule.Transitions) {
      pugi::xml_node t = XmlWriter::Child(node, "Transition");
      XmlWriter::Int(t, "Days", transition.Days);
      XmlWriter::Text(t, "StorageClass", transition.StorageClass);
    }
    if (rule.Expiration) {
      XmlWriter::Int(XmlWriter::Child(node, "Expiration"), "Days", rule.Expiration->Days);
    }
    if (rule.NoncurrentVersionExpiration) {
      XmlWriter::Int(XmlWriter::Child(node, "NoncurrentVersionExpiration"), "NoncurrentDays",
                     rule.NoncurrentVersionExpiration->NoncurrentDays);
    }
  }
  RestRequest request = WithXmlBody(BucketRequest("PUT", r.Bucket, "lifecycle"), xml);
  request.headers["Content-MD5"] = ContentMd5(request.body);
  return request;
}

RestRequest EncodeGetBucketLifecycleConfiguration(const GetBucketLifecycleConfigurationRequest& r) {
  return BucketRequest("GET", r.Bucket, "lifecycle");
}

RestRequest EncodePutBucketReplication(const PutBucketReplicationRequest& r) {
  XmlWriter xml("ReplicationConfiguration");
  XmlWriter::Text(xml.root(), "Role", r.ReplicationConfiguration.Role);
  for (const ReplicationRule& rule : r.ReplicationConfiguration.Rules) {
    pugi::xml_node node = XmlWriter::Child(xml.root(), "Rule");
    XmlWriter::Text(node, "ID", rule.ID);
    XmlWriter::Int(node, "Priority", rule.Priority);
    XmlWriter::Text(node, "Status", rule.Status);
    if (rule.Filter) {
      XmlWriter::Text(XmlWriter::Child(node, "Filter"), "Prefix", rule.Filter->Prefix);
    }
    if (rule.DeleteMarkerReplication) {
      XmlWriter::Text(XmlWriter::Child(node, "DeleteMarkerReplication"), "Status",
                      rule.DeleteMarkerReplication->Status);
    }
    pugi::xml_node destination = XmlWriter::Child(node, "Destination");
    XmlWriter::Text(destination, "Bucket", rule.Destination.Bucket);
    XmlWriter::Text(destination, "StorageClass", rule.Destination.StorageClass);
  }
  return WithXmlBody(BucketRequest("PUT", r.Bucket, "replication"), xml);
}

RestRequest EncodePutBucketTagging(const PutBucketTaggingRequest& r) {
  XmlWriter xml("Tagging");
  pugi::xml_node tag_set = XmlWriter::Child(xml.root(), "TagSet");
  for (const Tag& tag : r.Tagging.TagSet) {
    pugi::xml_node node = XmlWriter::Child(tag_set, "Tag");
    XmlWriter::Text(node, "Key", tag.Key);
    XmlWriter::Text(node, "Value", tag.Value);
  }
  RestRequest request = WithXmlBody(BucketRequest("PUT", r.Bucket, "tagging"), xml);
  return request;
}

RestRequest EncodeGetBucketTagging(const GetBucketTaggingRequest& r) {
  return BucketRequest("GET", r.Bucket, "tagging");
}

RestRequest EncodeListObjectVersions(const ListObjectVersionsRequest& r) {
  RestRequest request = BucketRequest("GET", r.Bucket, "versions");
  if (r.KeyMarker) request.query.emplace_back("key-marker", *r.KeyMarker);
  if (r.VersionIdMarker) request.query.emplace_back("version-id-marker", *r.VersionIdMarker);
  if (r.MaxKeys) request.query.emplace_back("max-keys", std::to_string(*r.MaxKeys));
  return request;
}

RestRequest EncodeDeleteObjects(const DeleteObjectsRequest& r) {
  XmlWriter xml("Delete");
  for (const ObjectIdentifier& object : r.Delete.Objects) {
    pugi::xml_node node = XmlWriter::Child(xml.root(), "Object");
    XmlWriter::Text(node, "Key", object.Key);
    XmlWriter::Text(node, "VersionId", object.VersionId);
  }
  XmlWriter::Bool(xml.root(), "Quiet", r.Delete.Quiet);
  RestRequest request = WithXmlBody(BucketRequest("POST", r.Bucket, "delete"), xml);
  request.headers["Content-MD5"] = ContentMd5(request.body);
  return request;
}

namespace {

Result<pugi::xml_node> Root(pugi::xml_document& doc, std::string_view xml, const char* operation,
                            const char* root) {
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return Internal(std::string("malformed XML in S3 ") + operation +
                    " response: " + parsed.description());
  }
  pugi::xml_node node = doc.child(root);
  if (!node) {
    return Internal(std::string("S3 ") + operation + " response has no <" + root + "> element");
  }
  return node;
}

}  // namespace

Result<GetBucketTaggingOutput> DecodeGetBucketTagging(std::string_view xml) {
  pugi::xml_document doc;
  auto root = Root(doc, xml, "GetBucketTagging", "Tagging");
  if (!root.ok()) return root.status();
  GetBucketTaggingOutput out;
  for (pugi::xml_node tag : root->child("TagSet").children("Tag")) {
    out.TagSet.push_back(
        {ChildText(tag, "Key").value_or(""), ChildText(tag, "Value").value_or("")});
  }
  return out;
}

Result<ListObjectVersionsOutput> DecodeListObjectVersions(std::string_view xml) {
  pugi::xml_document doc;
  auto root = Root(doc, xml, "ListObjectVersions", "ListVersionsResult");
  if (!root.ok()) return root.status();
  ListObjectVersionsOutput out;
  for (pugi::xml_node v : root->children("Version")) {
    out.Versions.push_back({ChildText(v, "Key").value_or(""), ChildText(v, "VersionId")});
  }
  for (pugi::xml_node m : root->children("DeleteMarker")) {
    out.DeleteMarkers.push_back({ChildText(m, "Key").value_or(""), ChildText(m, "VersionId")});
  }
  out.IsTruncated = ChildText(*root, "IsTruncated").value_or("false") == "true";
  out.NextKeyMarker = ChildText(*root, "NextKeyMarker");
  out.NextVersionIdMarker = ChildText(*root, "NextVersionIdMarker");
  return out;
}

Result<DeleteObjectsOutput> DecodeDeleteObjects(std::string_view xml) {
  pugi::xml_document doc;
  auto root = Root(doc, xml, "DeleteObjects", "DeleteResult");
  if (!root.ok()) return root.status();
  DeleteObjectsOutput out;
  for (pugi::xml_node d : root->children("Deleted")) {
    out.Deleted.push_back({ChildText(d, "Key").value_or(""), ChildText(d, "VersionId")});
  }
  for (pugi::xml_node e : root->children("Error")) {
    out.Errors.push_back({ChildText(e, "Key").value_or(""), ChildText(e, "VersionId"),
                          ChildText(e, "Code").value_or(""), ChildText(e, "Message").value_or("")});
  }
  return out;
}

HeadBucketOutput DecodeHeadBucket(const RestResponse& response) {
  HeadBucketOutput out;
  auto region = response.headers.find("x-amz-bucket-region");
  if (region != response.headers.end()) out.BucketRegion = region->second;
  return out;
}

Result<GetBucketLifecycleConfigurationOutput> DecodeGetBucketLifecycleConfiguration(
    std::string_view xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return Internal(std::string("malformed XML in S3 GetBucketLifecycleConfiguration response: ") +
                    parsed.description());
  }
  pugi::xml_node root = doc.child("LifecycleConfiguration");
  if (!root) {
    return Internal(
        "S3 GetBucketLifecycleConfiguration response has no <LifecycleConfiguration> element");
  }
  GetBucketLifecycleConfigurationOutput out;
  for (pugi::xml_node node : root.children("Rule")) {
    LifecycleRule rule;
    rule.ID = ChildText(node, "ID");
    rule.Status = ChildText(node, "Status").value_or("");
    if (pugi::xml_node filter = node.child("Filter")) {
      rule.Filter = LifecycleRuleFilter{ChildText(filter, "Prefix")};
    }
    for (pugi::xml_node t : node.children("Transition")) {
      rule.Transitions.push_back(Transition{ChildInt(t, "Days"), ChildText(t, "StorageClass")});
    }
    if (pugi::xml_node e = node.child("Expiration")) {
      rule.Expiration = LifecycleExpiration{ChildInt(e, "Days")};
    }
    if (pugi::xml_node n = node.child("NoncurrentVersionExpiration")) {
      rule.NoncurrentVersionExpiration = NoncurrentVersionExpiration{ChildInt(n, "NoncurrentDays")};
    }
    out.Rules.push_back(std::move(rule));
  }
  return out;
}

}  // namespace po::aws::s3

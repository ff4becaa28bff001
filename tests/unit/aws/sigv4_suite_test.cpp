// Runs every case of AWS's official SigV4 test suite (../shared/reference/aws-sigv4-test-suite/v4)
// through the signer, comparing canonical request, string to sign, signature and the signed
// request, for both header signing and presigned query strings.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "operator/aws/sigv4.h"
#include "tests/support/harness_env.h"

namespace po::aws {
namespace {

namespace fs = std::filesystem;

std::string SuiteDir() {
  return po::testing::RepoRoot() + "/../shared/reference/aws-sigv4-test-suite/v4";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every folder (at any depth) holding a request.txt, relative to the suite root.
std::vector<std::string> SuiteCases() {
  std::vector<std::string> cases;
  std::error_code ec;
  if (!fs::is_directory(SuiteDir(), ec)) return cases;
  for (const auto& entry : fs::recursive_directory_iterator(SuiteDir(), ec)) {
    if (entry.is_regular_file() && entry.path().filename() == "request.txt") {
      cases.push_back(fs::relative(entry.path().parent_path(), SuiteDir()).string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

struct ParsedRequest {
  SigningRequest request;
  std::string raw_query;  // as written in the request line
};

// Parses the suite's request.txt: request line, headers (with folded continuation lines), body.
ParsedRequest ParseRequestFile(const std::string& text) {
  ParsedRequest parsed;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  size_t first_space = line.find(' ');
  size_t version = line.rfind(" HTTP/");
  parsed.request.method = line.substr(0, first_space);
  std::string target = line.substr(first_space + 1, version - first_space - 1);
  size_t question = target.find('?');
  parsed.request.path = target.substr(0, question);
  if (question != std::string::npos) {
    parsed.raw_query = target.substr(question + 1);
    parsed.request.query = ParseQueryString(parsed.raw_query);
  }
  while (std::getline(in, line) && !line.empty()) {
    if ((line[0] == ' ' || line[0] == '\t') && !parsed.request.headers.empty()) {
      parsed.request.headers.back().second += "\n" + line;
      continue;
    }
    size_t colon = line.find(':');
    parsed.request.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
  }
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  parsed.request.body = body;
  return parsed;
}

std::chrono::system_clock::time_point ParseTimestamp(const std::string& iso) {
  std::tm tm{};
  std::istringstream(iso) >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

struct SuiteCase {
  ParsedRequest parsed;
  Credentials credentials;
  SigningOptions options;
  bool sign_body = false;
};

SuiteCase LoadCase(const fs::path& dir) {
  SuiteCase c;
  c.parsed = ParseRequestFile(ReadFile(dir / "request.txt"));
  auto context = nlohmann::json::parse(ReadFile(dir / "context.json"));
  c.credentials.access_key_id = context["credentials"]["access_key_id"];
  c.credentials.secret_access_key = context["credentials"]["secret_access_key"];
  c.credentials.session_token = context["credentials"].value("token", "");
  c.options.region = context["region"];
  c.options.service = context["service"];
  c.options.time = ParseTimestamp(context["timestamp"]);
  c.options.normalize_path = context.value("normalize", true);
  c.options.expires = std::chrono::seconds(context.value("expiration_in_seconds", 3600));
  c.options.sign_session_token = !context.value("omit_session_token", false);
  c.sign_body = context.value("sign_body", false);
  return c;
}

// The value of `name:` in a signed-request file.
std::string HeaderLine(const std::string& signed_request, const std::string& name) {
  std::istringstream in(signed_request);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) == 0) return line.substr(name.size() + 1);
  }
  return "";
}

// The query string of the signed request's request line.
std::string RequestLineQuery(const std::string& signed_request) {
  std::string line = signed_request.substr(0, signed_request.find('\n'));
  size_t question = line.find('?');
  size_t version = line.rfind(" HTTP/");
  return question == std::string::npos ? "" : line.substr(question + 1, version - question - 1);
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

class SigV4SuiteTest : public ::testing::TestWithParam<std::string> {
 protected:
  fs::path Dir() const { return fs::path(SuiteDir()) / GetParam(); }
};

TEST_P(SigV4SuiteTest, HeaderSigning) {
  SuiteCase c = LoadCase(Dir());
  c.options.add_content_sha256_header = c.sign_body;
  SignatureResult result = SignWithHeaders(c.parsed.request, c.credentials, c.options);
  EXPECT_EQ(result.canonical_request, Trimmed(ReadFile(Dir() / "header-canonical-request.txt")));
  EXPECT_EQ(result.string_to_sign, Trimmed(ReadFile(Dir() / "header-string-to-sign.txt")));
  EXPECT_EQ(result.signature, Trimmed(ReadFile(Dir() / "header-signature.txt")));
  std::string expected_authorization =
      HeaderLine(ReadFile(Dir() / "header-signed-request.txt"), "Authorization");
  ASSERT_FALSE(result.additions.empty());
  EXPECT_EQ(result.additions.back().first, "Authorization");
  EXPECT_EQ(result.additions.back().second, expected_authorization);
}

TEST_P(SigV4SuiteTest, QuerySigning) {
  SuiteCase c = LoadCase(Dir());
  SignatureResult result = Presign(c.parsed.request, c.credentials, c.options);
  EXPECT_EQ(result.canonical_request, Trimmed(ReadFile(Dir() / "query-canonical-request.txt")));
  EXPECT_EQ(result.string_to_sign, Trimmed(ReadFile(Dir() / "query-string-to-sign.txt")));
  EXPECT_EQ(result.signature, Trimmed(ReadFile(Dir() / "query-signature.txt")));
  std::string expected_query = RequestLineQuery(ReadFile(Dir() / "query-signed-request.txt"));
  std::string query = c.parsed.raw_query.empty() ? "" : c.parsed.raw_query + "&";
  query += FormEncode(result.additions);
  EXPECT_EQ(query, expected_query);
}

INSTANTIATE_TEST_SUITE_P(Official, SigV4SuiteTest, ::testing::ValuesIn(SuiteCases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// The suite lives outside the repository; its absence must fail loudly (below) rather than run 0
// cases, so the empty instantiation itself is not reported a second time.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(SigV4SuiteTest);

TEST(SigV4SuitePresence, SuiteIsPresentAndComplete) {
  EXPECT_GE(SuiteCases().size(), 38u) << "expected the AWS SigV4 test suite at " << SuiteDir();
}

}  // namespace
}  // namespace po::aws

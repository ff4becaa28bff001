// Micro-benchmark: the cost of one SigV4 header signature (ns/op) and of one full signed Query
// call to the harness's moto server on loopback (ms/op). Prints figures; asserts nothing.
//
//   aws_sign_bench [sign_iterations=100000] [calls=300]
#include <prometheus/registry.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_static.h"
#include "operator/aws/signing_api_caller.h"
#include "operator/aws/sigv4.h"
#include "tests/support/harness_env.h"

namespace {

using Clock = std::chrono::steady_clock;

double BenchSigning(int iterations) {
  po::aws::Credentials credentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                   "session-token", std::nullopt};
  po::aws::SigningRequest request{
      "POST",
      "/",
      {},
      {{"Host", "rds.us-east-1.amazonaws.com"},
       {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
      "Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=metrics-db"};
  auto options = po::aws::SigningOptions::For("rds", "us-east-1", std::chrono::system_clock::now());
  size_t sink = 0;
  auto start = Clock::now();
  for (int i = 0; i < iterations; ++i) {
    sink += po::aws::SignWithHeaders(request, credentials, options).signature.size();
  }
  double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
  if (sink == 0) std::puts("unexpected empty signatures");
  return ns / iterations;
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = argc > 1 ? std::atoi(argv[1]) : 100000;
  int calls = argc > 2 ? std::atoi(argv[2]) : 300;

  std::printf("sigv4 header signing: %.0f ns/op over %d iterations\n", BenchSigning(iterations),
              iterations);

  std::string moto = po::testing::HarnessVar("AWS_ENDPOINT_URL");
  if (moto.empty()) {
    std::printf("signed call to moto: skipped (no harness env; start scripts/harness-up.sh)\n");
    return 0;
  }
  po::aws::CpprestHttpTransport transport;
  po::aws::StaticCredentialsProvider credentials(
      po::aws::Credentials{"testing", "testing", "", std::nullopt});
  po::aws::EndpointResolver endpoints(moto, po::aws::MapEnvironment({}));
  po::RealClock clock;
  po::aws::RealRandom random;
  prometheus::Registry registry;
  po::aws::SigningApiCaller caller(
      po::aws::ApiCallerDeps{transport, credentials, endpoints, clock, random, registry});
  int failures = 0;
  auto start = Clock::now();
  for (int i = 0; i < calls; ++i) {
    if (!caller.Query({"sts", "us-east-1"}, "GetCallerIdentity", "2011-06-15", {}).ok()) {
      ++failures;
    }
  }
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  std::printf(
      "signed STS GetCallerIdentity to moto on loopback: %.2f ms/op over %d calls "
      "(%d failed)\n",
      ms / calls, calls, failures);
  return failures == 0 ? 0 : 1;
}

// The registry of controllers: names are unique, set-ups run in order, the first failure stops
// them with its controller named; the binary's default list is empty today.
#include "operator/app/controller_registry.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/unit/app/app_test_env.h"

namespace po::app {
namespace {

TEST(ControllerRegistryTest, RejectsADuplicateName) {
  ControllerRegistry registry;
  ASSERT_TRUE(registry.Add("a", [](ControllerSetup&) { return Status::Ok(); }).ok());
  Status again = registry.Add("a", [](ControllerSetup&) { return Status::Ok(); });
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.message(), "controller a is already registered");
  EXPECT_EQ(registry.Entries().size(), 1u);
}

TEST(ControllerRegistryTest, RunsSetupsInOrderAndStopsAtTheFirstFailure) {
  ControllerRegistry registry;
  std::vector<std::string> ran;
  ASSERT_TRUE(registry
                  .Add("first",
                       [&](ControllerSetup&) {
                         ran.push_back("first");
                         return Status::Ok();
                       })
                  .ok());
  ASSERT_TRUE(registry
                  .Add("second",
                       [&](ControllerSetup&) {
                         ran.push_back("second");
                         return InvalidArgument("bad watch");
                       })
                  .ok());
  ASSERT_TRUE(registry
                  .Add("third",
                       [&](ControllerSetup&) {
                         ran.push_back("third");
                         return Status::Ok();
                       })
                  .ok());
  testing::FakeEnv env;
  Status status = registry.SetupAll(env.setup);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "while setting up controller second: bad watch");
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second"}));
}

}  // namespace
}  // namespace po::app

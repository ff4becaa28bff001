// Which requests informer events turn into, for the primary kind and for owned kinds.
#include "operator/app/event_handlers.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace po::app {
namespace {

kube::ObjectPtr Object(const std::string& ns, const std::string& name,
                       nlohmann::json owner_refs = nullptr) {
  nlohmann::json object = {{"metadata", {{"name", name}}}};
  if (!ns.empty()) object["metadata"]["namespace"] = ns;
  if (!owner_refs.is_null()) object["metadata"]["ownerReferences"] = owner_refs;
  return std::make_shared<const nlohmann::json>(std::move(object));
}

nlohmann::json Ref(const std::string& api_version, const std::string& kind, const std::string& name,
                   bool controller) {
  return {{"apiVersion", api_version},
          {"kind", kind},
          {"name", name},
          {"uid", "u-" + name},
          {"controller", controller}};
}

TEST(EnqueueObjectTest, EveryEventEnqueuesTheObjectsKey) {
  std::vector<runtime::Request> got;
  auto handlers = EnqueueObject([&](const runtime::Request& r) { got.push_back(r); });
  handlers.on_add(Object("ns", "a"));
  handlers.on_update(Object("ns", "b"), Object("ns", "b"));
  handlers.on_delete(Object("", "cluster-scoped"));
  EXPECT_EQ(got, (std::vector<runtime::Request>{{"ns", "a"}, {"ns", "b"}, {"", "cluster-scoped"}}));
}

TEST(EnqueueControllerOwnerTest, MapsOwnedObjectsToTheirControllerOfTheOwnerKind) {
  const OwnerKind owner{"platform.example.com", "Widget", false};
  struct Case {
    std::string name;
    nlohmann::json refs;
    std::vector<runtime::Request> want;
  };
  const Case cases[] = {
      {"controller owner of the kind",
       {Ref("platform.example.com/v1", "Widget", "w", true)},
       {{"ns", "w"}}},
      {"non-controller owner is ignored",
       {Ref("platform.example.com/v1", "Widget", "w", false)},
       {}},
      {"other kind", {Ref("platform.example.com/v1", "Gadget", "g", true)}, {}},
      {"same kind, other group", {Ref("other.example.com/v1", "Widget", "w", true)}, {}},
      {"no owners", nullptr, {}},
      {"controller among several owners",
       {Ref("v1", "ConfigMap", "c", false),
        Ref("platform.example.com/v1alpha1", "Widget", "x", true)},
       {{"ns", "x"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<runtime::Request> got;
    auto handlers =
        EnqueueControllerOwner(owner, [&](const runtime::Request& r) { got.push_back(r); });
    handlers.on_add(Object("ns", "child", c.refs));
    EXPECT_EQ(got, c.want);
    got.clear();
    handlers.on_delete(Object("ns", "child", c.refs));
    EXPECT_EQ(got, c.want);
  }
}

TEST(EnqueueControllerOwnerTest, CoreAndClusterScopedOwners) {
  std::vector<runtime::Request> got;
  auto record = [&](const runtime::Request& r) { got.push_back(r); };
  EnqueueControllerOwner({"", "ConfigMap", false}, record)
      .on_add(Object("ns", "child", {Ref("v1", "ConfigMap", "cm", true)}));
  EnqueueControllerOwner({"example.com", "Cluster", true}, record)
      .on_add(Object("ns", "child", {Ref("example.com/v1", "Cluster", "c1", true)}));
  EXPECT_EQ(got, (std::vector<runtime::Request>{{"ns", "cm"}, {"", "c1"}}));
}

TEST(EnqueueControllerOwnerTest, UpdateEnqueuesOldAndNewOwnerWhenTheyDiffer) {
  std::vector<runtime::Request> got;
  auto handlers = EnqueueControllerOwner({"", "ConfigMap", false},
                                         [&](const runtime::Request& r) { got.push_back(r); });
  auto owned_by = [](const std::string& owner) {
    return Object("ns", "child", {Ref("v1", "ConfigMap", owner, true)});
  };
  handlers.on_update(owned_by("a"), owned_by("a"));
  EXPECT_EQ(got, (std::vector<runtime::Request>{{"ns", "a"}}));
  got.clear();
  handlers.on_update(owned_by("a"), owned_by("b"));
  EXPECT_EQ(got, (std::vector<runtime::Request>{{"ns", "a"}, {"ns", "b"}}));
  got.clear();
  handlers.on_update(owned_by("a"), Object("ns", "child"));
  EXPECT_EQ(got, (std::vector<runtime::Request>{{"ns", "a"}}));
}

}  // namespace
}  // namespace po::app

// AuthSecretIndexKeys and EnqueueForAuthSecret: a user's AUTH Secret wakes the CacheClusters that
// name it, and only those.
#include "controllers/cache_cluster/auth_secret_watch.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cache_cluster_builder.h"

namespace po::controllers::cache_cluster {
namespace {

using testing::CacheClusterBuilder;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

kube::ObjectPtr Ptr(nlohmann::json object) {
  return std::make_shared<const nlohmann::json>(std::move(object));
}

kube::ObjectPtr Secret(const std::string& ns, const std::string& name) {
  return Ptr({{"apiVersion", "v1"},
              {"kind", "Secret"},
              {"metadata", {{"namespace", ns}, {"name", name}}}});
}

TEST(CacheClusterAuthSecretWatchTest, IndexKeys) {
  EXPECT_THAT(AuthSecretIndexKeys(CacheClusterBuilder("team", "c").Auth("tok").Build()),
              ElementsAre("team/tok"));
  EXPECT_THAT(AuthSecretIndexKeys(CacheClusterBuilder().Build()), IsEmpty());
}

TEST(CacheClusterAuthSecretWatchTest, ChangedSecretEnqueuesTheClustersNamingIt) {
  kube::Store store;
  ASSERT_TRUE(store.AddIndex(kAuthSecretIndex, AuthSecretIndexKeys).ok());
  store.Upsert(Ptr(CacheClusterBuilder("team", "a").Auth("tok").Build()));
  store.Upsert(Ptr(CacheClusterBuilder("team", "b").Auth("tok").Build()));
  store.Upsert(Ptr(CacheClusterBuilder("team", "c").Auth("other").Build()));
  store.Upsert(Ptr(CacheClusterBuilder("elsewhere", "d").Auth("tok").Build()));
  store.Upsert(Ptr(CacheClusterBuilder("team", "e").Build()));

  std::vector<std::string> woken;
  kube::EventHandlers handlers = EnqueueForAuthSecret(
      store, [&](const runtime::Request& request) { woken.push_back(request.Key()); });
  handlers.on_update(Secret("team", "tok"), Secret("team", "tok"));
  EXPECT_THAT(woken, ElementsAre("team/a", "team/b"));

  woken.clear();
  handlers.on_add(Secret("team", "unrelated"));
  EXPECT_THAT(woken, IsEmpty());
  handlers.on_delete(Secret("elsewhere", "tok"));
  EXPECT_THAT(woken, ElementsAre("elsewhere/d"));
}

}  // namespace
}  // namespace po::controllers::cache_cluster

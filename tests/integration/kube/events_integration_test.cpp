// Records events about a ConfigMap on the harness apiserver and reads them back: repeats become
// one event with a count, ten or more similar events become a "combined" event.
#include <gtest/gtest.h>

#include <cstdio>

#include "operator/kube/event_recorder.h"
#include "tests/integration/kube/kube_test_env.h"

namespace po::kube {
namespace {

using testing::ConfigMap;
using testing::HarnessClient;
using testing::ScopedNamespace;

TEST(EventsIntegrationTest, AggregationIsVisibleOnTheApiserver) {
  RealClock clock;
  RealCommandRunner runner;
  auto client = HarnessClient(clock, runner);
  ASSERT_NE(client, nullptr);
  ScopedNamespace ns(*client, "kube-it-events");
  auto object = client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "subject"));
  ASSERT_TRUE(object.ok());
  ObjectReference ref = ReferenceTo(*object);

  EventRecorder recorder(*client, clock, {.component = "kube-it"});
  for (int i = 0; i < 5; ++i) {
    recorder.Record(ref, EventType::kWarning, "ProvisioningFailed", "quota exceeded");
  }
  for (int i = 1; i <= 12; ++i) {
    recorder.Record(ref, EventType::kNormal, "Progressing", "step " + std::to_string(i));
  }
  ASSERT_TRUE(recorder.Flush(std::chrono::seconds(30)));
  EXPECT_EQ(recorder.Failed(), 0u);
  EXPECT_EQ(recorder.Skipped(), 0u);  // 5 + 12 writes... within the burst of 25

  ListOptions options;
  options.field_selector = "involvedObject.name=subject";
  auto events = client->List(Events(), ns.name(), options);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  int repeated_count = -1, combined_count = -1, progressing_events = 0;
  std::string combined_message;
  for (const auto& event : events->items) {
    if (event["reason"] == "ProvisioningFailed") repeated_count = event["count"];
    if (event["reason"] == "Progressing") {
      ++progressing_events;
      std::string message = event["message"];
      if (message.rfind("(combined from similar events): ", 0) == 0) {
        combined_count = event["count"];
        combined_message = message;
      }
    }
    EXPECT_EQ(event["source"]["component"], "kube-it");
    EXPECT_EQ(event["involvedObject"]["uid"], UidOf(*object));
    EXPECT_EQ(NameOf(event).rfind("subject.", 0), 0u) << NameOf(event);
  }
  EXPECT_EQ(repeated_count, 5);
  // Messages 1–9 are separate events; the 10th starts the combined event, 11 and 12 bump it.
  EXPECT_EQ(progressing_events, 10);
  EXPECT_EQ(combined_count, 3);
  EXPECT_EQ(combined_message, "(combined from similar events): step 12");
  std::printf(
      "[figures] events: 5 repeats -> 1 event count=%d; 12 similar -> %d events, combined "
      "count=%d\n",
      repeated_count, progressing_events, combined_count);
}

}  // namespace
}  // namespace po::kube

// Adds and removes this operator's finalizer without ever dropping anyone else's: the change is a
// JSON patch guarded by a `test` of the current finalizer list (or of the resourceVersion when the
// list is absent), so a concurrent edit makes the patch fail and the loop re-reads and retries.
// The patch builders are pure; the loops are thread-safe if the client is.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/runtime/object_client.h"
#include "operator/runtime/retry.h"

namespace po::runtime {

bool HasFinalizer(const nlohmann::json& object, std::string_view finalizer);

// The patch adding `finalizer`, or std::nullopt if it is already there. kInvalidArgument if the
// object has neither finalizers nor a resourceVersion to guard the patch with.
Result<std::optional<nlohmann::json>> AddFinalizerPatch(const nlohmann::json& object,
                                                        std::string_view finalizer);
// The patch removing `finalizer`, or std::nullopt if it is absent.
Result<std::optional<nlohmann::json>> RemoveFinalizerPatch(const nlohmann::json& object,
                                                           std::string_view finalizer);

// Makes sure the object carries / no longer carries `finalizer`, retrying on a failed guard
// (kConflict or kInvalidArgument from the patch). Returns the latest object. `current`, when given,
// is used for the first attempt instead of a GET.
Result<nlohmann::json> EnsureFinalizer(StatusClient& client, Clock& clock, const ObjectKey& key,
                                       std::string_view finalizer,
                                       const nlohmann::json* current = nullptr,
                                       const RetryOptions& options = {});
Result<nlohmann::json> RemoveFinalizer(StatusClient& client, Clock& clock, const ObjectKey& key,
                                       std::string_view finalizer,
                                       const nlohmann::json* current = nullptr,
                                       const RetryOptions& options = {});

}  // namespace po::runtime

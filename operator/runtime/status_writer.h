// Writes an object's /status with optimistic concurrency: apply a mutation to the latest object,
// PUT /status, and on a 409 conflict re-read, re-apply and retry (bounded). A mutation that leaves
// the status unchanged writes nothing. Thread-safe if the client is.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/runtime/object_client.h"
#include "operator/runtime/retry.h"

namespace po::runtime {

// Edits `object` (normally only its "status"); an error aborts the write and is returned.
using ObjectMutation = std::function<Status(nlohmann::json& object)>;

// Returns the stored object. `current`, when given, is used for the first attempt instead of a GET.
Result<nlohmann::json> UpdateStatusWithRetry(StatusClient& client, Clock& clock,
                                             const ObjectKey& key, const ObjectMutation& mutate,
                                             const nlohmann::json* current = nullptr,
                                             const RetryOptions& options = {});

}  // namespace po::runtime

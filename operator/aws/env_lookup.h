// EnvLookup: reads environment variables through a function, so credential and endpoint lookups
// are tested with a map instead of the process environment. ProcessEnvironment() reads getenv;
// MapEnvironment() serves a fixed map. Both are safe to call from several threads.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace po::aws {

// The variable's value, or nullopt when unset. An empty value counts as unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

EnvLookup ProcessEnvironment();
EnvLookup MapEnvironment(std::map<std::string, std::string> vars);

}  // namespace po::aws

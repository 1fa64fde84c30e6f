#include "run/run_status.h"

#include <array>
#include <utility>

namespace shatter {

namespace {

constexpr std::array<std::pair<RunStatus, std::string_view>, 6> kNames = {{
    {RunStatus::Running, "running"},
    {RunStatus::Finished, "finished"},
    {RunStatus::Stopped, "stopped"},
    {RunStatus::Diverged, "diverged"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Incomplete, "incomplete"},
}};

}  // namespace

std::string toString(RunStatus status) {
    for (const auto& [value, name] : kNames) {
        if (value == status) return std::string(name);
    }
    return "unknown";
}

std::optional<RunStatus> runStatusFromString(std::string_view name) {
    for (const auto& [value, text] : kNames) {
        if (text == name) return value;
    }
    return std::nullopt;
}

bool isEnded(RunStatus status) { return status != RunStatus::Running; }

}  // namespace shatter

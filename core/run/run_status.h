#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shatter {

// How a run stands. summary.json and sweep.json store it as its lower-case name.
//   Running     being trained now (sweep.json, the window's active run)
//   Finished    trained every epoch, or stopped on reaching the fit threshold when asked to
//   Stopped     the user stopped it; every finished epoch is kept
//   Diverged    the loss or the weights stopped being finite numbers
//   Failed      an error ended it; summary.json says which
//   Incomplete  the process died before it could write summary.json
enum class RunStatus { Running, Finished, Stopped, Diverged, Failed, Incomplete };

std::string toString(RunStatus status);
// nullopt for a name that is not a status.
std::optional<RunStatus> runStatusFromString(std::string_view name);
// True for every status a run can end with (all but Running).
bool isEnded(RunStatus status);

}  // namespace shatter

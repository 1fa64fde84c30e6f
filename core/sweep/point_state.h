#pragma once

#include <string>

namespace shatter {

// Where one point of a sweep stands, from its run folder and what the scheduler says:
//   Pending     queued, not started
//   Running     being trained
//   Finished    its run finished
//   Failed      its run failed or diverged, or its task ended without finishing it
//   Cancelled   its task was cancelled (scancel, or the run was stopped)
//   Incomplete  its run stopped without a summary and no one knows why any more (killed)
//   NotRun      no run folder, and no queued task for it
enum class PointState { Pending, Running, Finished, Failed, Cancelled, Incomplete, NotRun };

std::string toString(PointState state);

}  // namespace shatter

#pragma once

#include <string>
#include <vector>

#include "run/run_entry.h"
#include "sweep/sweep_plan.h"

namespace shatter {

// A sweep folder of the library whose plan has the same points as `plan` (settings compared as
// RunMatcher does), so that a sweep cancelled half-way is resumed rather than started over.
class SweepMatcher {
public:
    // The folder of such a sweep holding one of `entries`, newest first; empty when none.
    static std::string resumable(const SweepPlan& plan, const std::vector<RunEntry>& entries);
    // The folder of such a sweep in which every point has finished (RunMatcher::standsFor),
    // newest first; empty when none. Figure 1 of a whole sweep is drawn from its folder.
    static std::string complete(const SweepPlan& plan, const std::vector<RunEntry>& entries);
    // Whether two plans run the same points, in any order.
    static bool samePoints(const SweepPlan& a, const SweepPlan& b);

private:
    // The sweep folders holding one of `entries` whose plan has `plan`'s points, newest first.
    static std::vector<std::string> sameSweeps(const SweepPlan& plan, const std::vector<RunEntry>& entries);
};

}  // namespace shatter

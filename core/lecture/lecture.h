#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sweep/sweep_plan.h"
#include "train/epoch_pace.h"
#include "train/run_config.h"

namespace shatter {

// One step of a lecture: what the class is told (title, caption, what to look at) and what the
// window shows: one run, several runs together, a Figure 1 sweep, or the 2n+d construction.
struct LectureStep {
    enum class Kind { Run, Runs, Sweep, Theory };

    std::string title;
    std::string caption;
    std::string lookAt;              // "watch the orange curve: training accuracy"; may be empty
    Kind kind = Kind::Run;
    std::vector<RunConfig> runs;     // Run: one; Runs: several; Theory: the data and labels used
    SweepPlan sweep;                 // Sweep only
    std::optional<EpochPace> pace;   // none: the lecture's pace

    // The training runs this step shows, each of which the library may already hold: the run,
    // the runs, or the sweep's points; none for the theory step.
    std::vector<RunConfig> trainedRuns() const;
};

// A lecture file read and checked (LectureFile): a title and its steps in order.
struct Lecture {
    std::string title;
    std::string description;
    std::string origin;              // the file it was read from, for messages
    std::optional<EpochPace> pace;   // for every step that names none; none: the window's pace
    std::vector<LectureStep> steps;

    // The pace of step `index`: its own, else the lecture's; none leaves the window's as it is.
    std::optional<EpochPace> paceOf(std::size_t index) const;
};

}  // namespace shatter

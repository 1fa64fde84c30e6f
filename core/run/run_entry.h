#pragma once

#include <string>

#include "run/run_record.h"

namespace shatter {

// One run folder as the run library lists it: where it was found and what to call it, around
// the RunRecord read from it. A folder that cannot be read is still listed, with readable false
// and the reason in `error`, so one broken run never hides the others.
struct RunEntry {
    std::string directory;    // the run folder
    std::string root;         // the library root it was found under
    std::string folderName;   // the run folder's own name
    std::string sweep;        // name of the sweep folder holding it; empty when none
    std::string ownName;      // config.json's "name" when set, else the folder name without
                              // its leading time stamp
    std::string displayName;  // ownName, told apart from other runs of that name (RunNaming)
    bool readable = false;
    std::string error;        // why the folder is unreadable, or why the run failed
    std::string settings;     // the key settings in one line: "mlp-1x512 · labels 100% · ..."
    int colourSlot = -1;      // its colour and line style among the runs listed (RunColourSlots)
    RunRecord record;         // settings, facts, finished epochs and how it ended (when readable)

    const RunConfig& config() const { return record.config; }
    const RunSummary& summary() const { return record.summary; }
    RunStatus status() const { return record.summary.status; }
    int epochCount() const { return static_cast<int>(record.epochs.size()); }
};

}  // namespace shatter

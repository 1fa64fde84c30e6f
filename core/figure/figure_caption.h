#pragma once

#include <string>
#include <vector>

#include "run/run_record.h"
#include "train/run_config.h"

namespace shatter {

// The line under an exported figure that says what it shows, so that a slide or a printout
// stands on its own: the run's name and its key settings (network, data and training-set size,
// corruption and level, learning rate, epochs), or for a set of runs the settings they share and
// the ranges of those they vary.
class FigureCaption {
public:
    // "random-labels: mlp-1x512 · fashion-mnist, 2,000 training images · corrupted labels 100%
    //  · lr 0.01 · 20 epochs"; without `name` the settings alone.
    static std::string forRun(const std::string& name, const RunConfig& config);
    // "sweep-…: 12 runs · mlp-1x512 · fashion-mnist, 300 training images · corrupted labels,
    //  shuffled pixels at 0, 50%, 100% · lr 0.01 · 3 epochs"; empty for no runs.
    static std::string forRuns(const std::string& name, const std::vector<RunRecord>& runs);
};

}  // namespace shatter

#pragma once

#include <string>

#include "analysis/memorization_report.h"
#include "figure/figure_data.h"

namespace shatter {

// The Memorization tab's and `figure`'s plots of a MemorizationReport. `prefix` names the run
// in series names when several runs share a plot ("" for one run).
class MemorizationFigures {
public:
    // Clean and corrupted examples per fit epoch, each group's median marked by a vertical line.
    static FigureData fitEpochHistogram(const MemorizationReport& report,
                                        const std::string& prefix = {});
    // Per epoch: accuracy on corrupted examples (against their assigned label) and the share of
    // them predicted as their true class (Arpit et al. 2017).
    static FigureData corruptedCurves(const MemorizationReport& report);
    // Examples per number of forgetting events, clean and corrupted.
    static FigureData forgettingDistribution(const MemorizationReport& report,
                                             const std::string& prefix = {});
    // Appends `from`'s series to `to` (several runs in one plot).
    static void append(FigureData& to, const FigureData& from, int dash);
};

}  // namespace shatter

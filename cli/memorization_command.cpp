#include <cstdio>
#include <optional>

#include "analysis/memorization_analysis.h"
#include "cli/commands.h"

namespace shatter {

namespace {

std::string epochText(const std::optional<double>& epoch) {
    if (!epoch) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", *epoch);
    return buffer;
}

void printFitEpochs(const char* name, const MemorizationReport::Group& group) {
    std::printf("%-10s %8d %8d %8s %8s %8s %8s\n", name, group.examples, group.fitted,
                epochText(group.fitEpochQ25).c_str(), epochText(group.fitEpochMedian).c_str(),
                epochText(group.fitEpochQ75).c_str(), epochText(group.fitEpochQ90).c_str());
}

void printForgetting(const char* name, const MemorizationReport::Group& group) {
    const double mean = group.examples == 0 ? 0.0 : double(group.forgettingEvents) / group.examples;
    int forgottenOnce = 0, forgottenMore = 0;
    for (std::size_t events = 1; events < group.forgettingCounts.size(); ++events) {
        (events == 1 ? forgottenOnce : forgottenMore) += group.forgettingCounts[events];
    }
    std::printf("%-10s %8lld %8.2f %15d %13d %8d %8d\n", name, group.forgettingEvents, mean,
                group.neverForgotten, group.neverLearned, forgottenOnce, forgottenMore);
}

}  // namespace

int runMemorizationCommand(const std::string& directory) {
    const MemorizationReport report = MemorizationAnalysis::forRunFolder(directory);
    std::printf("run        %s\n", directory.c_str());
    std::printf("epochs     %d recorded\n\n", report.epochs);
    std::printf("fit epoch: the epoch from which an example stayed fitted to the last epoch\n");
    std::printf("%-10s %8s %8s %8s %8s %8s %8s\n", "examples", "count", "fitted", "q25", "median",
                "q75", "q90");
    printFitEpochs("clean", report.clean);
    printFitEpochs("corrupted", report.corrupted);

    std::printf(
        "\ncorrupted examples predicted as their true class (learning the pattern before "
        "memorizing)\n");
    if (report.peakPredictedTrueEpoch) {
        const auto peak = static_cast<std::size_t>(*report.peakPredictedTrueEpoch - 1);
        std::printf(
            "peak       %.4f at epoch %d (accuracy on assigned labels then %.4f; at the last epoch "
            "%.4f and %.4f)\n",
            report.peakPredictedTrue, *report.peakPredictedTrueEpoch,
            report.corruptedAccuracy[peak], report.corruptedPredictedTrue.back(),
            report.corruptedAccuracy.back());
    } else {
        std::printf("peak       - (no corrupted examples)\n");
    }

    std::printf("\nforgetting events: correct at one epoch, wrong at the next\n");
    std::printf("%-10s %8s %8s %15s %13s %8s %8s\n", "examples", "events", "mean",
                "never_forgotten", "never_learned", "once", "twice+");
    printForgetting("clean", report.clean);
    printForgetting("corrupted", report.corrupted);
    return kExitOk;
}

}  // namespace shatter

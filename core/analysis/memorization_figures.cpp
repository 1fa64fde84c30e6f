#include "analysis/memorization_figures.h"

#include <algorithm>
#include <cstdio>

namespace shatter {

namespace {

constexpr int kCleanColour = 0;
constexpr int kCorruptedColour = 1;

FigureData::Series countSeries(const std::string& name, const std::vector<int>& counts, int firstX,
                               int colour) {
    FigureData::Series series;
    series.name = name;
    for (std::size_t k = 0; k < counts.size(); ++k) {
        series.x.push_back(static_cast<double>(firstX) + static_cast<double>(k));
        series.y.push_back(counts[k]);
    }
    series.colour = colour;
    series.markers = true;
    return series;
}

FigureData::Series medianLine(const std::string& name, double median, double height, int colour) {
    char label[96];
    std::snprintf(label, sizeof label, "%s median %.1f", name.c_str(), median);
    FigureData::Series series;
    series.name = label;
    series.x = {median, median};
    series.y = {0.0, height};
    series.colour = colour;
    series.dash = 1;
    return series;
}

}  // namespace

FigureData MemorizationFigures::fitEpochHistogram(const MemorizationReport& report,
                                                  const std::string& prefix) {
    FigureData figure;
    figure.title = "Epoch from which each example stayed fitted";
    figure.xLabel = "fit epoch";
    figure.yLabel = "examples";
    figure.integerX = true;
    int highest = 0;
    for (const MemorizationReport::Group* group : {&report.clean, &report.corrupted}) {
        for (int count : group->fitEpochCounts) highest = std::max(highest, count);
    }
    const std::pair<std::string, const MemorizationReport::Group*> groups[] = {
        {prefix + "clean", &report.clean}, {prefix + "corrupted", &report.corrupted}};
    for (const auto& [name, group] : groups) {
        if (group->examples == 0) continue;
        const int colour = group == &report.clean ? kCleanColour : kCorruptedColour;
        figure.series.push_back(countSeries(name, group->fitEpochCounts, 1, colour));
        if (group->fitEpochMedian) {
            figure.series.push_back(medianLine(name, *group->fitEpochMedian, highest, colour));
        }
    }
    if (report.epochs == 0) figure.note = "No epoch recorded yet.";
    return figure;
}

FigureData MemorizationFigures::corruptedCurves(const MemorizationReport& report) {
    FigureData figure;
    figure.title = "Corrupted examples: memorized vs predicted as their true class";
    figure.xLabel = "epoch";
    figure.yLabel = "share of corrupted examples (%)";
    figure.integerX = true;
    figure.hasYRange = true;
    figure.yLow = 0.0;
    figure.yHigh = 100.0;
    FigureData::Series memorized, predictedTrue;
    memorized.name = "fitted to the assigned label";
    memorized.colour = kCorruptedColour;
    predictedTrue.name = "predicted as the true class";
    predictedTrue.colour = 2;
    for (std::size_t e = 0; e < report.corruptedAccuracy.size(); ++e) {
        memorized.x.push_back(static_cast<double>(e + 1));
        memorized.y.push_back(100.0 * report.corruptedAccuracy[e]);
        predictedTrue.x.push_back(static_cast<double>(e + 1));
        predictedTrue.y.push_back(100.0 * report.corruptedPredictedTrue[e]);
    }
    figure.series = {memorized, predictedTrue};
    if (report.peakPredictedTrueEpoch) {
        FigureData::Series peak;
        char label[96];
        std::snprintf(label, sizeof label, "peak %.1f%% at epoch %d",
                      100.0 * report.peakPredictedTrue, *report.peakPredictedTrueEpoch);
        peak.name = label;
        peak.x = {double(*report.peakPredictedTrueEpoch)};
        peak.y = {100.0 * report.peakPredictedTrue};
        peak.colour = 2;
        peak.markers = true;
        figure.series.push_back(peak);
    }
    if (report.corrupted.examples == 0) figure.note = "This run has no corrupted examples.";
    return figure;
}

FigureData MemorizationFigures::forgettingDistribution(const MemorizationReport& report,
                                                       const std::string& prefix) {
    FigureData figure;
    figure.title = "Forgetting events per example";
    figure.xLabel = "forgetting events";
    figure.yLabel = "examples";
    figure.integerX = true;
    if (report.clean.examples > 0) {
        figure.series.push_back(
            countSeries(prefix + "clean", report.clean.forgettingCounts, 0, kCleanColour));
    }
    if (report.corrupted.examples > 0) {
        figure.series.push_back(countSeries(prefix + "corrupted", report.corrupted.forgettingCounts,
                                            0, kCorruptedColour));
    }
    if (report.epochs == 0) figure.note = "No epoch recorded yet.";
    return figure;
}

void MemorizationFigures::append(FigureData& to, const FigureData& from, int dash) {
    for (FigureData::Series series : from.series) {
        series.dash = std::max(series.dash, dash);
        to.series.push_back(std::move(series));
    }
}

}  // namespace shatter

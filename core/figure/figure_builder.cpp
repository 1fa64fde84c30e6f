#include "figure/figure_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "analysis/memorization_analysis.h"
#include "analysis/memorization_figures.h"
#include "corruption/corruption_level.h"
#include "run/metric_column.h"
#include "shatter_error.h"
#include "sweep/sweep_summary.h"

namespace shatter {

namespace {

int modeColour(CorruptionMode mode) {
    switch (mode) {
        case CorruptionMode::None: return 0;
        case CorruptionMode::Labels: return 1;
        case CorruptionMode::ShuffledPixels: return 2;
        case CorruptionMode::RandomPixels: return 3;
        case CorruptionMode::Gaussian: return 4;
    }
    return 0;
}

std::string modeName(CorruptionMode mode) {
    switch (mode) {
        case CorruptionMode::None: return "true labels";
        case CorruptionMode::Labels: return "random labels";
        case CorruptionMode::ShuffledPixels: return "shuffled pixels";
        case CorruptionMode::RandomPixels: return "random pixels";
        case CorruptionMode::Gaussian: return "Gaussian";
    }
    return "";
}

bool isTrueLabels(const RunRecord& run) { return run.config.effectiveLevel() <= 0.0; }

std::vector<std::string> modelsOf(const std::vector<RunRecord>& runs) {
    std::vector<std::string> models;
    for (const RunRecord& run : runs) {
        if (std::find(models.begin(), models.end(), run.config.model) == models.end()) {
            models.push_back(run.config.model);
        }
    }
    return models;
}

int modelDash(const std::vector<std::string>& models, const std::string& model) {
    return int(std::find(models.begin(), models.end(), model) - models.begin());
}

// A Figure 1 (b)/(c) curve over corruption levels: named by mode (and model, when several),
// coloured by mode, dashed by model, with markers at the levels.
FigureData::Series levelSeries(const std::vector<std::string>& models, const SweepSummary::Series& s) {
    FigureData::Series series;
    series.name = (models.size() > 1 ? s.model + ", " : std::string()) +
                  (s.mode == CorruptionMode::Labels ? std::string("label corruption") : modeName(s.mode));
    series.colour = modeColour(s.mode);
    series.look = modeColour(s.mode);
    series.variant = modelDash(models, s.model);
    series.markers = true;
    return series;
}

}  // namespace

const std::vector<std::string>& FigureBuilder::metricNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const MetricColumn& column : MetricColumn::all()) all.push_back(column.key);
        all.push_back("loss_by_mode");
        all.push_back("epochs_to_fit");
        all.push_back("slowdown");
        all.push_back("test_error");
        all.push_back("fit_epoch_histogram");
        all.push_back("forgetting_distribution");
        all.push_back("figure1");
        return all;
    }();
    return names;
}

bool FigureBuilder::isSummaryMetric(const std::string& name) {
    return name == "loss_by_mode" || name == "epochs_to_fit" || name == "slowdown" || name == "test_error" ||
           name == "figure1";
}

std::vector<FigureData> FigureBuilder::panels(const std::vector<RunRecord>& runs, const std::string& name) {
    if (name == "figure1") return figure1(runs, false);
    return {metric(runs, name)};
}

std::vector<FigureData> FigureBuilder::figure1(const std::vector<RunRecord>& runs, bool slowdown) {
    return {trainingLossByMode(runs), timeToFit(runs, slowdown), testError(runs)};
}

bool FigureBuilder::isMemorizationMetric(const std::string& name) {
    return name == "fit_epoch_histogram" || name == "forgetting_distribution";
}

FigureData FigureBuilder::memorization(const std::vector<RunRecord>& runs, bool forgetting) {
    FigureData figure = forgetting ? MemorizationFigures::forgettingDistribution({})
                                   : MemorizationFigures::fitEpochHistogram({});
    figure.note.clear();
    const bool withRun = runs.size() > 1;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!runs[i].hasPredictions) continue;
        const MemorizationReport report = MemorizationAnalysis::forRunFolder(runs[i].directory);
        const std::string prefix = withRun ? runLabel(runs[i], false) + ", " : std::string();
        MemorizationFigures::append(
            figure,
            forgetting ? MemorizationFigures::forgettingDistribution(report, prefix)
                       : MemorizationFigures::fitEpochHistogram(report, prefix),
            int(i));
    }
    if (figure.series.empty()) figure.note = "No run has per-epoch predictions (predictions.bin).";
    return figure;
}

std::string FigureBuilder::runLabel(const RunRecord& run, bool withModel) {
    std::string label;
    if (isTrueLabels(run)) {
        label = "true labels";
    } else if (run.config.level >= 1.0) {
        label = modeName(run.config.corruption);
    } else {
        label = (run.config.corruption == CorruptionMode::Labels ? std::string("labels")
                                                                  : modeName(run.config.corruption)) +
                " " + formatLevel(run.config.level);
    }
    return withModel ? run.config.model + ", " + label : label;
}

FigureData FigureBuilder::metric(const std::vector<RunRecord>& runs, const std::string& name) {
    if (name == "loss_by_mode") return trainingLossByMode(runs);
    if (name == "epochs_to_fit") return timeToFit(runs, false);
    if (name == "slowdown") return timeToFit(runs, true);
    if (name == "test_error") return testError(runs);
    if (name == "fit_epoch_histogram") return memorization(runs, false);
    if (name == "forgetting_distribution") return memorization(runs, true);
    if (name == "figure1") throw ConfigError("'figure1' is three panels: ask FigureBuilder::panels for them");
    const MetricColumn* column = MetricColumn::find(name);
    if (!column) {
        std::string valid;
        for (const std::string& n : metricNames()) valid += (valid.empty() ? "" : ", ") + n;
        throw ConfigError("unknown metric '" + name + "'; valid metrics: " + valid);
    }
    FigureData figure;
    figure.title = column->title;
    figure.xLabel = "epoch";
    figure.yLabel = column->unit;
    figure.integerX = true;
    const bool withModel = modelsOf(runs).size() > 1;
    std::map<std::string, int> seen;  // two runs with the same label get "(2)"
    for (std::size_t i = 0; i < runs.size(); ++i) {
        FigureData::Series series = epochSeries(runs[i].epochs, *column);
        series.name = runLabel(runs[i], withModel);
        if (int n = ++seen[series.name]; n > 1) series.name += " (" + std::to_string(n) + ")";
        series.colour = int(i);
        figure.series.push_back(std::move(series));
    }
    return figure;
}

FigureData::Series FigureBuilder::epochSeries(const std::vector<EpochMetrics>& epochs,
                                              const MetricColumn& column) {
    FigureData::Series series;
    for (const EpochMetrics& metrics : epochs) {
        const double value = column.plotValue(metrics);
        if (!std::isfinite(value)) continue;
        series.x.push_back(metrics.epoch);
        series.y.push_back(value);
    }
    return series;
}

FigureData FigureBuilder::trainingLossByMode(const std::vector<RunRecord>& runs) {
    FigureData figure;
    figure.title = "(a) Training loss";
    figure.xLabel = "epoch";
    figure.yLabel = "training loss";
    figure.integerX = true;
    const std::vector<std::string> models = modelsOf(runs);
    const MetricColumn& loss = *MetricColumn::find("train_loss");
    for (const std::string& model : models) {
        // True labels first, then each mode at its highest level, in the paper's order.
        const RunRecord* chosen[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
        for (const RunRecord& run : runs) {
            if (run.config.model != model || run.epochs.empty()) continue;
            if (isTrueLabels(run)) {
                // Prefer a run of mode none, else the first level-0 run.
                if (!chosen[0] || (run.config.corruption == CorruptionMode::None &&
                                   chosen[0]->config.corruption != CorruptionMode::None)) {
                    chosen[0] = &run;
                }
                continue;
            }
            const RunRecord*& slot = chosen[modeColour(run.config.corruption)];
            if (!slot || run.config.level > slot->config.level) slot = &run;
        }
        for (int i = 0; i < 5; ++i) {
            if (!chosen[i]) continue;
            FigureData::Series series = epochSeries(chosen[i]->epochs, loss);
            series.name = runLabel(*chosen[i], models.size() > 1);
            series.colour = i;
            series.look = i;
            series.variant = modelDash(models, model);
            figure.series.push_back(std::move(series));
        }
    }
    return figure;
}

FigureData FigureBuilder::timeToFit(const std::vector<RunRecord>& runs, bool slowdown) {
    const SweepSummary summary = SweepSummary::fromRuns(runs);
    FigureData figure;
    figure.title = slowdown ? "(b) Time to fit, relative to true labels" : "(b) Time to fit";
    figure.xLabel = "corruption level";
    figure.yLabel = slowdown ? "slowdown (× epochs at level 0)" : "epochs to fit";
    const std::vector<std::string> models = modelsOf(runs);
    for (const SweepSummary::Series& s : summary.series) {
        FigureData::Series series = levelSeries(models, s);
        for (const SweepSummary::Point& p : s.points) {
            const std::optional<double> value =
                slowdown ? p.slowdown : (p.epochsToFit ? std::optional<double>(*p.epochsToFit) : std::nullopt);
            if (!value) continue;  // not fitted within the run's epochs
            series.x.push_back(p.level);
            series.y.push_back(*value);
        }
        figure.series.push_back(std::move(series));
    }
    if (!runs.empty() && figure.pointCount() == 0) {
        char text[160];
        std::snprintf(text, sizeof text,
                      "No run reached its fit threshold\n(training accuracy %.1f%%):\ntrain for more epochs.",
                      runs.front().config.fitThreshold * 100.0);
        figure.note = text;
    }
    return figure;
}

FigureData FigureBuilder::testError(const std::vector<RunRecord>& runs) {
    const SweepSummary summary = SweepSummary::fromRuns(runs);
    FigureData figure;
    figure.title = "(c) Test error";
    figure.xLabel = "corruption level";
    figure.yLabel = "test error";
    figure.hasYRange = true;
    figure.yLow = 0.0;
    figure.yHigh = 1.0;
    const std::vector<std::string> models = modelsOf(runs);
    for (const SweepSummary::Series& s : summary.series) {
        FigureData::Series series = levelSeries(models, s);
        for (const SweepSummary::Point& p : s.points) {
            series.x.push_back(p.level);
            series.y.push_back(p.testError);
        }
        figure.series.push_back(std::move(series));
    }
    return figure;
}

}  // namespace shatter

#include "figure/figure_caption.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "corruption/corruption_level.h"
#include "corruption/corruption_mode.h"
#include "util/text_format.h"

namespace shatter {

namespace {

constexpr const char* kSeparator = " · ";

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::string datasetName(const std::string& spec) {
    const std::size_t colon = spec.find(':');
    return colon == std::string::npos ? spec : spec.substr(0, colon);
}

// The mode's title in running text: "corrupted labels", "Gaussian noise".
std::string modeName(CorruptionMode mode) {
    std::string title = corruptionModeInfo(mode).title;
    if (mode != CorruptionMode::Gaussian && !title.empty()) {
        title[0] = char(std::tolower(static_cast<unsigned char>(title[0])));
    }
    return title;
}

std::string trainingImages(std::int64_t size) {
    return size > 0 ? withThousands(size) + " training images" : std::string("all training images");
}

// The distinct values in first-seen order, joined by ", ".
template <typename T, typename Format>
std::string distinct(const std::vector<RunRecord>& runs, T (*value)(const RunRecord&), Format format) {
    std::vector<T> seen;
    for (const RunRecord& run : runs) {
        const T v = value(run);
        if (std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
    }
    std::string text;
    for (const T& v : seen) text += (text.empty() ? "" : ", ") + format(v);
    return text;
}

std::string join(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        text += (text.empty() ? "" : kSeparator) + part;
    }
    return text;
}

}  // namespace

std::string FigureCaption::forRun(const std::string& name, const RunConfig& config) {
    const std::string corruption = config.corruption == CorruptionMode::None
                                       ? std::string("true labels")
                                       : modeName(config.corruption) + " " + formatLevel(config.level);
    const std::string settings =
        join({config.model, datasetName(config.dataset) + ", " + trainingImages(config.trainSize), corruption,
              "lr " + number(config.effectiveLearningRate()),
              std::to_string(config.epochs) + (config.epochs == 1 ? " epoch" : " epochs")});
    return name.empty() ? settings : name + ": " + settings;
}

std::string FigureCaption::forRuns(const std::string& name, const std::vector<RunRecord>& runs) {
    if (runs.empty()) return {};
    if (runs.size() == 1) return forRun(name, runs.front().config);
    auto text = [](const std::string& s) { return s; };
    const std::string models = distinct<std::string>(
        runs, +[](const RunRecord& r) { return r.config.model; }, text);
    const std::string data =
        distinct<std::string>(runs, +[](const RunRecord& r) { return datasetName(r.config.dataset); }, text) +
        ", " +
        distinct<std::int64_t>(
            runs, +[](const RunRecord& r) { return r.config.trainSize; },
            [](std::int64_t size) { return trainingImages(size); });
    std::vector<RunRecord> corrupted;
    std::vector<double> levels;
    for (const RunRecord& run : runs) {
        if (run.config.corruption == CorruptionMode::None) continue;
        corrupted.push_back(run);
    }
    std::string corruption;
    if (!corrupted.empty()) {
        corruption = distinct<CorruptionMode>(
                         corrupted, +[](const RunRecord& r) { return r.config.corruption; },
                         [](CorruptionMode mode) { return modeName(mode); }) +
                     " at ";
        for (const RunRecord& run : runs) levels.push_back(run.config.effectiveLevel());
        std::sort(levels.begin(), levels.end());
        levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
        std::string list;
        for (double level : levels) list += (list.empty() ? "" : ", ") + (level <= 0.0 ? "0" : formatLevel(level));
        corruption += list;
    } else {
        corruption = "true labels";
    }
    const std::string rates = distinct<double>(
        runs, +[](const RunRecord& r) { return r.config.effectiveLearningRate(); },
        [](double lr) { return number(lr); });
    const std::string epochs = distinct<int>(
        runs, +[](const RunRecord& r) { return r.config.epochs; },
        [](int n) { return std::to_string(n); });
    const std::string settings = join({std::to_string(runs.size()) + " runs", models, data, corruption,
                                       "lr " + rates, epochs + " epochs"});
    return name.empty() ? settings : name + ": " + settings;
}

}  // namespace shatter

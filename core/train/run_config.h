#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "corruption/corruption_mode.h"

namespace shatter {

// Every setting of one training run. Defaults are the paper's (docs/PAPER.md §4); the learning rate,
// when not set, is the model's default (0.1 Inception, 0.01 otherwise).
struct RunConfig {
    // Limits of the whole-number settings; the thread limit depends on the machine.
    static constexpr std::int64_t kMaxExamples = 1'000'000'000;
    static constexpr std::int64_t kMaxEpochs = 100'000;
    static constexpr std::int64_t kMaxBatchSize = 1'000'000;

    std::string name;                  // optional, used in the run directory name
    std::string dataset = "fashion-mnist";
    std::int64_t trainSize = 0;        // 0: the whole training split
    std::int64_t testSize = 0;         // 0: the whole test split
    std::string model = "mlp-1x512";
    CorruptionMode corruption = CorruptionMode::None;
    double level = 1.0;                // ignored when corruption is none
    int epochs = 20;
    int batchSize = 128;
    std::optional<double> learningRate;
    double lrDecay = 0.95;             // multiplied into the learning rate after every epoch
    double momentum = 0.9;
    double weightDecay = 0.0;
    double dropout = 0.0;
    bool randomCrop = false;
    std::uint64_t seed = 1;
    std::string device = "auto";       // auto | cpu | cuda
    int threads = 0;                   // 0: one per core
    bool cudaGraphs = true;            // on a CUDA GPU, replay full batches' steps as a CUDA graph
    double fitThreshold = 0.999;       // training accuracy that counts as "fitted"
    bool stopWhenFit = false;          // end the run once the threshold is reached

    double effectiveLearningRate() const;
    // 0 when the corruption is none, else `level` (see corruption/corruption_level.h).
    double effectiveLevel() const;
    // Throws ConfigError naming the setting and the allowed range. The engine checks a config
    // where it enters, at the start of RunPipeline::run; SweepPlan::validate also checks every
    // point before a sweep's first run, so that a bad point fails the sweep at once. Neither
    // RunPreparation nor Trainer checks again; front ends call it only to report a bad setting
    // early (a form, a preset file).
    void validate() const;

    // toJson, mergeJson and validate share one table of settings (run_config.cpp): each key,
    // its member and its range are written once.
    nlohmann::json toJson() const;
    // Reads the keys toJson writes; keys not present keep their current value. Each value read
    // is checked against its range as validate() does. Throws ConfigError naming `origin` (a
    // file name, a command-line option) and the bad key.
    void mergeJson(const nlohmann::json& json, const std::string& origin);
    static RunConfig fromJsonFile(const std::string& path);
};

}  // namespace shatter

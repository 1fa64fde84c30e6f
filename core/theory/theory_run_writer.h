#pragma once

#include <cstdint>
#include <string>

#include "theory/theory_data.h"
#include "theory/theory_record.h"
#include "train/run_config.h"
#include "train/run_summary.h"

namespace shatter {

// Writes a theory run folder in the training runs' format, so RunReader, RunLibrary and
// `shatter-cli show` load it: config.json (the RunConfig, and in "run" the usual facts plus
// "kind" and "method"), a metrics.csv with only its header (no epochs), and summary.json with the
// usual keys plus "kind" and "theory" (TheoryRecord::toJson).
class TheoryRunWriter {
public:
    // Creates ROOT/<time>-<kind>-<corruption>/ and its config.json; returns the folder. `device`
    // says where it computes ("CPU, 2 threads (OpenBLAS)").
    static std::string create(const std::string& root, const RunConfig& config,
                              const TheoryData& data, const TheoryRecord& method,
                              std::int64_t parameters, const std::string& device);
    // summary.json of a run that produced its results.
    static void finish(const std::string& directory, const TheoryRecord& record,
                       std::int64_t parameters);
    // summary.json of a run that ended with an error (status failed, the message).
    static void fail(const std::string& directory, const std::string& kind,
                     const std::string& message);
};

}  // namespace shatter

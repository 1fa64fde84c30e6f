#pragma once

#include <string>

#include "run/example_records.h"
#include "run/run_record.h"

namespace shatter {

// Loads run directories written by RunWriter, complete or not.
class RunReader {
public:
    // Throws RunStoreError naming the file when config.json or metrics.csv is missing or
    // malformed. Without summary.json the record's status is "incomplete".
    static RunRecord load(const std::string& directory);
    // examples.bin of a run; throws RunStoreError when missing or malformed.
    static ExampleRecords loadExamples(const std::string& directory);
};

}  // namespace shatter

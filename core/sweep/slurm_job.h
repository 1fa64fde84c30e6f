#pragma once

#include <string>
#include <vector>

namespace shatter {

// One Slurm array job submitted for a sweep. Its array task ids are the sweep's point indices, so
// a resubmission can hold any subset of them.
struct SlurmJob {
    std::string id;            // the array job id sbatch printed
    std::vector<int> indices;  // the point indices submitted, which are its array task ids
    std::string submittedAt;   // UTC, ISO 8601
};

}  // namespace shatter

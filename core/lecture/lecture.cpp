#include "lecture/lecture.h"

namespace shatter {

std::vector<RunConfig> LectureStep::trainedRuns() const {
    switch (kind) {
        case Kind::Run:
        case Kind::Runs: return runs;
        case Kind::Sweep: return sweep.points();
        case Kind::Theory: return {};
    }
    return {};
}

std::optional<EpochPace> Lecture::paceOf(std::size_t index) const {
    if (index < steps.size() && steps[index].pace) return steps[index].pace;
    return pace;
}

}  // namespace shatter

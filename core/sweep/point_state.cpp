#include "sweep/point_state.h"

namespace shatter {

std::string toString(PointState state) {
    switch (state) {
        case PointState::Pending:
            return "pending";
        case PointState::Running:
            return "running";
        case PointState::Finished:
            return "finished";
        case PointState::Failed:
            return "failed";
        case PointState::Cancelled:
            return "cancelled";
        case PointState::Incomplete:
            return "incomplete";
        case PointState::NotRun:
            return "not run";
    }
    return "not run";
}

}  // namespace shatter

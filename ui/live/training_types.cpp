#include "live/training_types.h"

namespace shatter {

void registerTrainingMetaTypes() {
    qRegisterMetaType<RunStart>();
    qRegisterMetaType<BatchProgress>();
    qRegisterMetaType<EpochReport>();
    qRegisterMetaType<RunSummary>();
    qRegisterMetaType<SharedCorruptedDataset>();
    qRegisterMetaType<EpochPace>();
}

}  // namespace shatter

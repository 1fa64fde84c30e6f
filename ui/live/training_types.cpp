#include "live/training_types.h"

namespace shatter {

void registerTrainingMetaTypes() {
    qRegisterMetaType<RunStart>();
    qRegisterMetaType<BatchProgress>();
    qRegisterMetaType<EpochReport>();
    qRegisterMetaType<RunSummary>();
    qRegisterMetaType<SharedCorruptedDataset>();
}

}  // namespace shatter

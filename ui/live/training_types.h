#pragma once

#include <memory>

#include <QMetaType>

#include "corruption/corrupted_dataset.h"
#include "train/epoch_pace.h"
#include "train/training_observer.h"

namespace shatter {

// The data of the run in progress, shared read-only between the worker and the widgets.
using SharedCorruptedDataset = std::shared_ptr<const CorruptedDataset>;

// Registers the plain core structs carried by TrainingController's signals.
void registerTrainingMetaTypes();

}  // namespace shatter

Q_DECLARE_METATYPE(shatter::RunStart)
Q_DECLARE_METATYPE(shatter::BatchProgress)
Q_DECLARE_METATYPE(shatter::EpochReport)
Q_DECLARE_METATYPE(shatter::RunSummary)
Q_DECLARE_METATYPE(shatter::SharedCorruptedDataset)
Q_DECLARE_METATYPE(shatter::EpochPace)

#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <memory>

#include "theory/expressivity_result.h"
#include "theory/kernel_result.h"
#include "train/run_config.h"

namespace shatter {

// A finished expressivity construction as the Theory tab shows it: its run folder, the network,
// the dataset's class names and which labels it fitted ("random labels").
struct ExpressivityOutcome {
    QString directory;
    ExpressivityResult result;
    QStringList classNames;
    QString labelling;
};

// A finished kernel interpolation: its run folder, its numbers and which labels it fitted.
struct KernelOutcome {
    QString directory;
    KernelResult result;
    QString labelling;
};

// The labels a config's run fits, in words: "true labels", "random labels", "labels 40%
// random", "shuffled-pixels 100%".
QString describeLabelling(const RunConfig& config);

}  // namespace shatter

Q_DECLARE_METATYPE(std::shared_ptr<const shatter::ExpressivityOutcome>)
Q_DECLARE_METATYPE(shatter::KernelOutcome)

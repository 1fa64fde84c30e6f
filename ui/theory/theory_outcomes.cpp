#include "theory/theory_outcomes.h"

#include "corruption/corruption_level.h"
#include "corruption/corruption_mode.h"

namespace shatter {

QString describeLabelling(const RunConfig& config) {
    const int percent = levelPercent(config.effectiveLevel());
    if (config.corruption == CorruptionMode::None || percent == 0) return "true labels";
    if (config.corruption == CorruptionMode::Labels) {
        return percent == 100 ? QString("random labels")
                              : QString("labels %1% random").arg(percent);
    }
    return QString("%1 %2%")
        .arg(QString::fromStdString(corruptionModeKey(config.corruption)))
        .arg(percent);
}

}  // namespace shatter

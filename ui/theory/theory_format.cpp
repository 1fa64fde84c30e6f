#include "theory/theory_format.h"

#include <QLocale>
#include <cmath>

#include "theory/memory_budget.h"

namespace shatter::theory_format {

QString percent(double fraction) {
    if (!std::isfinite(fraction)) return QStringLiteral("–");
    return QLocale().toString(100.0 * fraction, 'f', 1) + "%";
}

QString memory(std::int64_t needed, std::int64_t limit) {
    return QString("Needs %1 of memory (limit %2)")
        .arg(QString::fromStdString(MemoryBudget::format(needed)),
             QString::fromStdString(MemoryBudget::format(limit)));
}

QString count(std::int64_t value) { return QLocale().toString(qlonglong(value)); }

QString number(double value) {
    if (!std::isfinite(value)) return QStringLiteral("–");
    const double magnitude = std::abs(value);
    if (value != 0.0 && (magnitude < 0.01 || magnitude >= 1e5))
        return QString::number(value, 'e', 2);
    if (magnitude >= 100.0) return QLocale().toString(value, 'f', 1);
    return QLocale().toString(value, 'g', 3);
}

}  // namespace shatter::theory_format

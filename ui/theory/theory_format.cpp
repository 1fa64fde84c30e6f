#include "theory/theory_format.h"

#include <QLocale>
#include <cmath>

namespace shatter::theory_format {

QString percent(double fraction) {
    if (!std::isfinite(fraction)) return QStringLiteral("–");
    return QLocale().toString(100.0 * fraction, 'f', 1) + "%";
}

QString bytes(std::int64_t value) {
    static const char* const units[] = {"bytes", "KB", "MB", "GB", "TB"};
    double scaled = double(value);
    int unit = 0;
    while (scaled >= 1000.0 && unit < 4) {
        scaled /= 1000.0;
        ++unit;
    }
    if (unit == 0) return QString("%1 bytes").arg(value);
    return QLocale().toString(scaled, 'f', scaled < 10.0 ? 2 : 1) + " " + units[unit];
}

QString memory(std::int64_t needed, std::int64_t limit) {
    return QString("needs %1 of memory (limit %2)").arg(bytes(needed), bytes(limit));
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

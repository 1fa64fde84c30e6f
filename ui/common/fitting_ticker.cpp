#include "common/fitting_ticker.h"

#include <algorithm>
#include <cmath>

#include <QFontMetrics>

namespace shatter {

FittingTicker::FittingTicker(QCPAxis* axis, bool integers) : m_axis(axis), m_integers(integers) {}

QSharedPointer<FittingTicker> FittingTicker::install(QCPAxis* axis, bool integers) {
    QSharedPointer<FittingTicker> ticker(new FittingTicker(axis, integers));
    axis->setTicker(ticker);
    QWeakPointer<FittingTicker> weak = ticker.toWeakRef();
    QObject::connect(axis->parentPlot(), &QCustomPlot::afterLayout, axis, [axis, weak]() {
        const QSharedPointer<FittingTicker> current = weak.toStrongRef();
        if (!current || axis->ticker() != current) return;
        if (std::abs(current->lengthUsed() - axisLength(axis)) > 1) {
            axis->parentPlot()->replot(QCustomPlot::rpQueuedReplot);
        }
    });
    return ticker;
}

int FittingTicker::axisLength(const QCPAxis* axis) {
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const QRect rect = axis->axisRect()->rect();
    const int length = horizontal ? rect.width() : rect.height();
    if (length > 20) return length;
    // Before the first layout: the plot less room for the other axis and the title.
    const QRect viewport = axis->parentPlot()->viewport();
    return std::max(40, (horizontal ? viewport.width() : viewport.height()) - 90);
}

bool FittingTicker::fits(double step, const QCPRange& range, int length) {
    if (step < m_minimumStep * (1 - 1e-9)) return false;
    const QVector<double> all = createTickVector(step, range);
    QVector<double> ticks;
    for (double tick : all) {
        if (tick >= range.lower - 1e-9 * step && tick <= range.upper + 1e-9 * step) ticks.push_back(tick);
    }
    if (m_maximumTicks > 0 && ticks.size() > m_maximumTicks) return false;
    const double pixelsPerStep = step / range.size() * length;
    const QFontMetrics metrics(m_axis->tickLabelFont());
    if (m_axis->orientation() == Qt::Vertical) return pixelsPerStep >= 1.8 * metrics.height();
    const QLocale locale = m_axis->parentPlot()->locale();
    const QString format = m_axis->numberFormat();
    const QChar formatChar = format.isEmpty() ? QChar('g') : format.at(0);
    int widest = 0;
    for (double tick : ticks) {
        widest = std::max(widest,
                          metrics.horizontalAdvance(getTickLabel(tick, locale, formatChar, m_axis->numberPrecision())));
    }
    return pixelsPerStep >= widest + metrics.horizontalAdvance("MM");
}

double FittingTicker::getTickStep(const QCPRange& range) {
    if (!m_axis || !(range.size() > 0) || !std::isfinite(range.size())) return 1.0;
    const int length = axisLength(m_axis);
    m_lengthUsed = length;
    // From a step that gives at most 50 ticks up to one that leaves a single tick.
    double magnitude = std::pow(10.0, std::floor(std::log10(range.size() / 50.0)));
    if (m_integers) magnitude = std::max(1.0, magnitude);
    for (int decade = 0; decade < 6; ++decade, magnitude *= 10.0) {
        for (double mantissa : {1.0, 2.0, 5.0}) {
            const double step = mantissa * magnitude;
            if (fits(step, range, length) || step >= range.size()) return step;
        }
    }
    return magnitude;
}

int FittingTicker::getSubTickCount(double tickStep) {
    if (m_integers) return 0;
    return QCPAxisTicker::getSubTickCount(tickStep);
}

}  // namespace shatter

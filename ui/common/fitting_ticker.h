#pragma once

#include <QPointer>
#include <QSharedPointer>
#include <qcustomplot.h>

namespace shatter {

// An axis ticker whose tick labels never run together: it takes the smallest readable step
// (1, 2 or 5 times a power of ten; whole numbers on an epoch axis) whose labels, in the axis's
// tick label font, fit side by side along the axis's length with a gap between them. A narrow
// chart gets "0 20 40", a wide one "0 10 20 30 40".
class FittingTicker : public QCPAxisTicker {
public:
    FittingTicker(QCPAxis* axis, bool integers);

    // Puts a FittingTicker on `axis` and replots once more whenever the layout gives the axis
    // another length than the one its ticks were chosen for (resizing, another font).
    static QSharedPointer<FittingTicker> install(QCPAxis* axis, bool integers);

    // No step below `step` (corruption levels: 0.2); at most `count` ticks (0: no limit).
    void setMinimumStep(double step) { m_minimumStep = step; }
    void setMaximumTicks(int count) { m_maximumTicks = count; }

    // The axis length in pixels the last ticks were chosen for.
    int lengthUsed() const { return m_lengthUsed; }
    // The axis length in pixels now; an estimate before the first layout.
    static int axisLength(const QCPAxis* axis);

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;

private:
    // Whether ticks `step` apart leave room for their labels on `length` pixels.
    bool fits(double step, const QCPRange& range, int length);

    QPointer<QCPAxis> m_axis;
    bool m_integers;
    double m_minimumStep = 0.0;
    int m_maximumTicks = 0;
    int m_lengthUsed = 0;
};

}  // namespace shatter

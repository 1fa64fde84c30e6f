#include "common/wheel_guard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWheelEvent>

namespace shatter {

namespace {

bool changesValueOnWheel(const QWidget* widget) {
    return qobject_cast<const QAbstractSpinBox*>(widget) != nullptr ||
           qobject_cast<const QComboBox*>(widget) != nullptr ||
           (qobject_cast<const QAbstractSlider*>(widget) != nullptr &&
            widget->inherits("QSlider"));
}

}  // namespace

WheelGuard::WheelGuard(QObject* parent) : QObject(parent) {}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::Wheel || !watched->isWidgetType()) return false;
    auto* widget = static_cast<QWidget*>(watched);
    if (!changesValueOnWheel(widget) || widget->hasFocus()) return false;
    // Clicking or tabbing gives focus; the wheel does not.
    if (widget->focusPolicy() == Qt::WheelFocus) widget->setFocusPolicy(Qt::StrongFocus);
    // Not for this widget: ignored, QApplication passes it on to the parents (the scroll area).
    event->ignore();
    return true;
}

}  // namespace shatter

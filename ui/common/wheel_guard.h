#pragma once

#include <QObject>

namespace shatter {

// Keeps the mouse wheel from changing a setting the user is not editing: over a spin box, combo
// box or slider without keyboard focus, the wheel scrolls whatever holds it (the settings panel)
// instead of changing the value. Install once on the application.
class WheelGuard : public QObject {
    Q_OBJECT

public:
    explicit WheelGuard(QObject* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace shatter

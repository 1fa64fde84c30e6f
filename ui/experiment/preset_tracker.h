#pragma once

#include <QObject>
#include <QString>
#include <optional>

#include "experiment/preset_library.h"

namespace shatter {

// Which preset the experiment panel's settings are: the one chosen last, as long as the
// settings still match it, and none ("custom settings") once they differ. Settings edited back
// to the preset's match it again. The preset box and the preset's banner follow matched().
class PresetTracker : public QObject {
    Q_OBJECT

public:
    explicit PresetTracker(QObject* parent = nullptr);

    // The settings come from the preset with this title (none: an empty or unknown title).
    void choose(const QString& title);
    // Compares the settings with the chosen preset and says the answer through matched().
    void check(const RunConfig& settings);

    // The preset the settings matched at the last check; none for custom settings.
    const std::optional<Preset>& current() const { return m_matched; }

Q_SIGNALS:
    // After every check: `title` and `description` of the preset the settings match, both
    // empty for custom settings.
    void matched(const QString& title, const QString& description);

private:
    std::optional<Preset> m_chosen;
    std::optional<Preset> m_matched;
};

}  // namespace shatter

#include "experiment/preset_tracker.h"

#include <exception>

namespace shatter {

PresetTracker::PresetTracker(QObject* parent) : QObject(parent) {}

void PresetTracker::choose(const QString& title) {
    m_chosen.reset();
    if (title.isEmpty()) return;
    try {
        m_chosen = PresetLibrary::find(title);
    } catch (const std::exception&) {
        // A malformed preset file is reported where presets are applied; here it matches nothing.
    }
}

void PresetTracker::check(const RunConfig& settings) {
    m_matched.reset();
    if (m_chosen && m_chosen->matches(settings)) m_matched = m_chosen;
    Q_EMIT matched(m_matched ? m_matched->title : QString(),
                        m_matched ? m_matched->description : QString());
}

}  // namespace shatter

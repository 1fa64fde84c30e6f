#include "run/run_colour_slots.h"

#include <set>

namespace shatter {

void RunColourSlots::assign(const std::vector<std::string>& keys) {
    const std::set<std::string> listed(keys.begin(), keys.end());
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        it = listed.count(it->first) ? std::next(it) : m_slots.erase(it);
    }
    std::set<int> taken;
    for (const auto& [key, slot] : m_slots) taken.insert(slot);
    int next = 0;
    for (const std::string& key : keys) {
        if (m_slots.count(key)) continue;
        while (taken.count(next)) ++next;
        m_slots[key] = next;
        taken.insert(next);
    }
}

int RunColourSlots::slot(const std::string& key) const {
    const auto it = m_slots.find(key);
    return it == m_slots.end() ? -1 : it->second;
}

}  // namespace shatter

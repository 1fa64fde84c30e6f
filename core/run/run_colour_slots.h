#pragma once

#include <map>
#include <string>
#include <vector>

namespace shatter {

// Which colour and line style each listed run gets, so that no two runs shown together look
// alike: slot n is colour n % colourCount with line style n / colourCount, so the palette's
// colours come first (solid) and only more runs than colours bring the same colours back with
// other line styles. A run keeps its slot as long as it stays listed; a new run takes the
// lowest free slot, so a library read in the same order gets the same colours every launch.
class RunColourSlots {
public:
    explicit RunColourSlots(int colourCount) : m_colourCount(colourCount > 0 ? colourCount : 1) {}

    // The runs listed now, in list order: keeps the slots of runs still there, frees the
    // others' and gives each new run the lowest free slot.
    void assign(const std::vector<std::string>& keys);
    // The run's slot; -1 when it is not listed.
    int slot(const std::string& key) const;
    int colourCount() const { return m_colourCount; }
    int colourOf(int slot) const { return slot < 0 ? 0 : slot % m_colourCount; }
    int styleOf(int slot) const { return slot < 0 ? 0 : slot / m_colourCount; }

private:
    int m_colourCount;
    std::map<std::string, int> m_slots;
};

}  // namespace shatter

#pragma once

#include <string>
#include <vector>

namespace shatter {

// A null-terminated char* array over a vector of strings, as posix_spawn wants its argv.
class SpawnArguments {
public:
    explicit SpawnArguments(const std::vector<std::string>& arguments);
    char* const* argv() const { return m_pointers.data(); }

private:
    std::vector<std::string> m_strings;
    std::vector<char*> m_pointers;
};

}  // namespace shatter

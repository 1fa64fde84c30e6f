#include "process/spawn_arguments.h"

namespace shatter {

SpawnArguments::SpawnArguments(const std::vector<std::string>& arguments) : m_strings(arguments) {
    for (std::string& argument : m_strings) m_pointers.push_back(argument.data());
    m_pointers.push_back(nullptr);
}

}  // namespace shatter

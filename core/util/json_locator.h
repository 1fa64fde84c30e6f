#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace shatter {

// Where something is in a JSON text, for messages that point a user at a line: the line and
// column of a byte offset, and the offset of a member or element reached by a path of keys and
// indices (nlohmann::json keeps no positions once parsed).
class JsonLocator {
public:
    struct Position {
        int line = 1;    // 1-based
        int column = 1;  // 1-based, in bytes
    };
    // An object's key or an array's index.
    using PathStep = std::variant<std::string, std::size_t>;

    // The line and column of byte `offset` (0-based; past the end: the end of the text).
    static Position position(const std::string& text, std::size_t offset);
    // The offset where the value at `path` starts; when the path ends in a key, where that key
    // is written. None when the text is not valid JSON along the way or the path is not there.
    static std::optional<std::size_t> find(const std::string& text, const std::vector<PathStep>& path);
    // find() as a line; 0 when not found.
    static int line(const std::string& text, const std::vector<PathStep>& path);
};

}  // namespace shatter

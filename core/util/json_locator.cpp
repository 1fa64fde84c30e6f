#include "util/json_locator.h"

#include <cctype>
#include <string_view>

namespace shatter {

namespace {

// Walks a JSON text just far enough to find one path; gives up (none) on anything malformed.
class Walker {
public:
    Walker(const std::string& text, const std::vector<JsonLocator::PathStep>& path)
        : m_text(text), m_path(path) {}

    std::optional<std::size_t> find() {
        skipSpace();
        return value(0);
    }

private:
    void skipSpace() {
        while (m_at < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_at]))) ++m_at;
    }

    bool peek(char c) {
        skipSpace();
        return m_at < m_text.size() && m_text[m_at] == c;
    }

    // Reads a string starting at its quote; only \" and \\ are decoded, enough to compare keys.
    std::optional<std::string> string() {
        if (!peek('"')) return std::nullopt;
        std::string result;
        for (++m_at; m_at < m_text.size(); ++m_at) {
            const char c = m_text[m_at];
            if (c == '"') {
                ++m_at;
                return result;
            }
            if (c == '\\' && m_at + 1 < m_text.size()) {
                result += m_text[++m_at];  // the escaped character as written
            } else {
                result += c;
            }
        }
        return std::nullopt;
    }

    // At the start of a value: follows the path from `depth`, or skips the value.
    std::optional<std::size_t> value(std::size_t depth) {
        skipSpace();
        if (depth == m_path.size()) return m_at;
        if (m_at >= m_text.size()) return std::nullopt;
        const char c = m_text[m_at];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        return std::nullopt;  // a scalar has nothing inside it
    }

    bool skip() {
        skipSpace();
        if (m_at >= m_text.size()) return false;
        const char c = m_text[m_at];
        if (c == '"') return string().has_value();
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_at;
            if (peek(close)) return ++m_at, true;
            while (true) {
                if (c == '{') {
                    if (!string() || !peek(':')) return false;
                    ++m_at;
                }
                if (!skip()) return false;
                if (peek(',')) {
                    ++m_at;
                    continue;
                }
                if (peek(close)) return ++m_at, true;
                return false;
            }
        }
        while (m_at < m_text.size() && std::string_view(",]} \t\r\n").find(m_text[m_at]) == std::string_view::npos)
            ++m_at;
        return true;
    }

    std::optional<std::size_t> object(std::size_t depth) {
        const auto* wanted = std::get_if<std::string>(&m_path[depth]);
        ++m_at;
        if (peek('}')) return std::nullopt;
        while (true) {
            skipSpace();
            const std::size_t keyAt = m_at;
            const std::optional<std::string> key = string();
            if (!key || !peek(':')) return std::nullopt;
            ++m_at;
            if (wanted != nullptr && *key == *wanted) {
                if (depth + 1 == m_path.size()) return keyAt;
                return value(depth + 1);
            }
            if (!skip()) return std::nullopt;
            if (!peek(',')) return std::nullopt;
            ++m_at;
        }
    }

    std::optional<std::size_t> array(std::size_t depth) {
        const auto* wanted = std::get_if<std::size_t>(&m_path[depth]);
        ++m_at;
        if (wanted == nullptr || peek(']')) return std::nullopt;
        for (std::size_t index = 0;; ++index) {
            if (index == *wanted) return value(depth + 1);
            if (!skip() || !peek(',')) return std::nullopt;
            ++m_at;
        }
    }

    const std::string& m_text;
    const std::vector<JsonLocator::PathStep>& m_path;
    std::size_t m_at = 0;
};

}  // namespace

JsonLocator::Position JsonLocator::position(const std::string& text, std::size_t offset) {
    Position position;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

std::optional<std::size_t> JsonLocator::find(const std::string& text, const std::vector<PathStep>& path) {
    return Walker(text, path).find();
}

int JsonLocator::line(const std::string& text, const std::vector<PathStep>& path) {
    const std::optional<std::size_t> offset = find(text, path);
    return offset ? position(text, *offset).line : 0;
}

}  // namespace shatter

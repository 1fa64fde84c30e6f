#pragma once

#include <QSettings>
#include <QVariant>
#include <utility>

namespace shatter {

// One application setting: its QSettings key and its default, declared once. Reads and writes
// go to the application's QSettings (organization and application name).
template <typename T>
class Setting {
public:
    Setting(const char* key, T defaultValue) : m_key(key), m_default(std::move(defaultValue)) {}

    const char* key() const { return m_key; }
    const T& defaultValue() const { return m_default; }

    T value() const {
        const QVariant stored = QSettings().value(m_key);
        return stored.isValid() ? stored.value<T>() : m_default;
    }
    void setValue(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    bool isSet() const { return QSettings().contains(m_key); }
    void clear() const { QSettings().remove(m_key); }

private:
    const char* m_key;
    T m_default;
};

}  // namespace shatter

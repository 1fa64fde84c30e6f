#pragma once

#include <QDoubleSpinBox>
#include <QLocale>
#include <QSpinBox>
#include <QString>
#include <functional>
#include <type_traits>

namespace shatter {

// A QSpinBox or QDoubleSpinBox that never changes a typed number silently. A plain spin box
// drops the keystroke that would leave its range (typing 50 into a box that ends at 10 leaves
// 5) or its decimals. This one lets the number stand as typed; when editing ends with a number
// it cannot hold, it keeps its previous value and hands a message naming the setting, the
// number and the limits to `onRefused`. Decimal values show without trailing zeros.
template <typename Base>
class StrictSpinBox : public Base {
    static_assert(std::is_same_v<Base, QSpinBox> || std::is_same_v<Base, QDoubleSpinBox>);

public:
    // `name` is the setting as the form labels it ("Learning rate").
    explicit StrictSpinBox(QString name) : m_name(std::move(name)) {
        this->setKeyboardTracking(false);
    }

    const QString& name() const { return m_name; }
    // Called with the message when a typed number is refused.
    std::function<void(const QString& message)> onRefused;

    QValidator::State validate(QString& text, int& pos) const override {
        const QValidator::State state = Base::validate(text, pos);
        if (state != QValidator::Invalid) return state;
        // A number the box cannot hold stays as typed until editing ends (see fixup()).
        bool number = false;
        this->locale().toDouble(bare(text), &number);
        return number ? QValidator::Intermediate : state;
    }

    void fixup(QString& input) const override {
        const QString typed = bare(input);
        Base::fixup(input);
        QString fixed = input;
        int position = 0;
        if (Base::validate(fixed, position) == QValidator::Acceptable) return;  // "1,000" -> "1000"
        bool number = false;
        const double value = this->locale().toDouble(typed, &number);
        if (!number || !onRefused) return;
        QString rule = QString("from %1 to %2").arg(shown(this->minimum()), shown(this->maximum()));
        if constexpr (std::is_same_v<Base, QDoubleSpinBox>) {
            if (value >= this->minimum() && value <= this->maximum()) {
                rule += QString(", with at most %1 decimals").arg(this->decimals());
            }
        } else if (value >= this->minimum() && value <= this->maximum()) {
            rule += ", a whole number";
        }
        onRefused(QString("%1: %2 is not accepted; it must be %3. Kept %4.")
                      .arg(m_name, typed, rule, shown(this->value())));
    }

protected:
    QString textFromValue(typename std::conditional_t<std::is_same_v<Base, QSpinBox>, int, double>
                              value) const override {
        QString text = Base::textFromValue(value);
        if constexpr (std::is_same_v<Base, QDoubleSpinBox>) {
            const QString point = this->locale().decimalPoint();
            if (text.contains(point)) {
                while (text.endsWith('0')) text.chop(1);
                if (text.endsWith(point)) text.chop(point.size());
            }
        }
        return text;
    }

private:
    // The text without prefix, suffix and surrounding spaces.
    QString bare(QString text) const {
        if (!this->prefix().isEmpty() && text.startsWith(this->prefix()))
            text.remove(0, this->prefix().size());
        if (!this->suffix().isEmpty() && text.endsWith(this->suffix()))
            text.chop(this->suffix().size());
        return text.trimmed();
    }
    template <typename T>
    QString shown(T value) const {
        return textFromValue(value);
    }

    QString m_name;
};

}  // namespace shatter

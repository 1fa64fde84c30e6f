#include "common/flow_layout.h"

#include <QWidget>
#include <algorithm>

namespace shatter {

FlowLayout::FlowLayout(QWidget* parent, int spacing) : QLayout(parent), m_spacing(spacing) {
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0)) delete item;
}

void FlowLayout::addItem(QLayoutItem* item) { m_items.append(item); }

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

int FlowLayout::heightForWidth(int width) const { return arrange(QRect(0, 0, width, 0), false); }

QSize FlowLayout::minimumSize() const {
    // As narrow as the widest item: everything else wraps.
    QSize size;
    for (const QLayoutItem* item : m_items) size = size.expandedTo(item->minimumSize());
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const {
    // One row of everything.
    int width = 0, height = 0;
    for (const QLayoutItem* item : m_items) {
        const QSize hint = item->sizeHint();
        width += hint.width() + (width > 0 ? m_spacing : 0);
        height = std::max(height, hint.height());
    }
    const QMargins margins = contentsMargins();
    return QSize(width + margins.left() + margins.right(),
                 height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    // Greedy rows first; then as many items in each row as the rows need on average, so that
    // eight tiles wrap as four and four rather than six and two.
    auto place = [&](int perRow, bool really) {
        int x = area.x(), y = area.y(), rowHeight = 0, inRow = 0, rows = 0;
        for (QLayoutItem* item : m_items) {
            if (item->isEmpty()) continue;
            const QSize hint = item->sizeHint();
            if (inRow > 0 && (x + hint.width() > area.right() + 1 || inRow == perRow)) {
                x = area.x();
                y += rowHeight + m_spacing;
                rowHeight = 0;
                inRow = 0;
            }
            if (inRow == 0) ++rows;
            if (really) item->setGeometry(QRect(QPoint(x, y), hint));
            x += hint.width() + m_spacing;
            rowHeight = std::max(rowHeight, hint.height());
            ++inRow;
        }
        return std::pair{rows, y + rowHeight};
    };
    const int visible = int(std::count_if(m_items.begin(), m_items.end(),
                                          [](QLayoutItem* item) { return !item->isEmpty(); }));
    const int rows = place(visible, false).first;
    const int perRow = rows > 0 ? (visible + rows - 1) / rows : visible;
    const int bottom = place(perRow, apply).second;
    return bottom - rect.y() + contentsMargins().bottom();
}

}  // namespace shatter

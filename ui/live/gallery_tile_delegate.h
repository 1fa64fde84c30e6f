#pragma once

#include <QStyledItemDelegate>

namespace shatter {

// Draws a gallery tile, the picture its model gives (Qt::DecorationRole: the image and its label
// lines), centred in a fixed tile size; the selected tile on the highlight colour.
class GalleryTileDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void setTileSize(const QSize& size) { m_tileSize = size; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    QSize m_tileSize;
};

}  // namespace shatter

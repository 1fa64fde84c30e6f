#include "live/gallery_tile_delegate.h"

#include <QPainter>

namespace shatter {

void GalleryTileDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, option.palette.highlight());
    const QPixmap tile = index.data(Qt::DecorationRole).value<QPixmap>();
    const QSize size = tile.deviceIndependentSize().toSize();
    const QPoint topLeft(option.rect.x() + (option.rect.width() - size.width()) / 2,
                         option.rect.y() + 4);
    painter->drawPixmap(topLeft, tile);
}

QSize GalleryTileDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
    return m_tileSize;
}

}  // namespace shatter

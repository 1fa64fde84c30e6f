#pragma once

#include <QStyledItemDelegate>
#include <functional>

namespace shatter {

// Paints a gallery tile only when it scrolls into view, so the gallery can hold every training
// image: items carry just their example index (Qt::UserRole), and `paintTile` draws it.
class GalleryTileDelegate : public QStyledItemDelegate {
public:
    using TilePainter = std::function<QPixmap(int exampleIndex)>;

    GalleryTileDelegate(TilePainter paintTile, QObject* parent = nullptr);
    void setTileSize(const QSize& size) { m_tileSize = size; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    TilePainter m_paintTile;
    QSize m_tileSize;
};

}  // namespace shatter

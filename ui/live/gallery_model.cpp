#include "live/gallery_model.h"

#include <algorithm>

namespace shatter {

GalleryModel::GalleryModel(TileImage image, TileText summary, QObject* parent)
    : QAbstractListModel(parent), m_image(std::move(image)), m_summary(std::move(summary)) {}

void GalleryModel::show(std::vector<int> examples) {
    if (examples == m_examples) {
        redraw();
        return;
    }
    beginResetModel();
    m_examples = std::move(examples);
    endResetModel();
}

void GalleryModel::redraw() {
    if (m_examples.empty()) return;
    Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole, Qt::ToolTipRole});
}

int GalleryModel::rowOf(int example) const {
    const auto at = std::find(m_examples.begin(), m_examples.end(), example);
    return at == m_examples.end() ? -1 : int(at - m_examples.begin());
}

int GalleryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_examples.size());
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int example = m_examples[std::size_t(index.row())];
    switch (role) {
        case ExampleRole:
            return example;
        case Qt::DisplayRole:
            return QString("Image %1").arg(example);
        case Qt::ToolTipRole:
            return m_summary(example);
        case Qt::DecorationRole:
            return m_image(example);
        default:
            return {};
    }
}

}  // namespace shatter

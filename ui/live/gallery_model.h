#pragma once

#include <QAbstractListModel>
#include <QPixmap>
#include <functional>
#include <vector>

namespace shatter {

// The gallery's tiles: one row per training example shown, in the order shown. A row holds only
// its example's index; its picture and tooltip are drawn by the gallery when the view asks for
// that row, so only the tiles in sight cost anything.
class GalleryModel : public QAbstractListModel {
    Q_OBJECT

public:
    using TileImage = std::function<QPixmap(int exampleIndex)>;
    using TileText = std::function<QString(int exampleIndex)>;
    // The training example a row shows (int).
    static constexpr int ExampleRole = Qt::UserRole;

    GalleryModel(TileImage image, TileText summary, QObject* parent = nullptr);

    // Shows `examples` in this order. The same examples in the same order are drawn again (one
    // dataChanged over every row: a new epoch); any other list starts the model over.
    void show(std::vector<int> examples);
    // Every tile drawn again, the rows kept (an earlier epoch, another theme).
    void redraw();
    const std::vector<int>& examples() const { return m_examples; }
    // The row showing `example`; -1 when it is not shown.
    int rowOf(int example) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    TileImage m_image;
    TileText m_summary;
    std::vector<int> m_examples;
};

}  // namespace shatter

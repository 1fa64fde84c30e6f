#pragma once

#include <vector>

#include <QWidget>

#include "common/plot_theme.h"
#include "live/training_types.h"

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QTextBrowser;

namespace shatter {

// A grid of training images with, under each, the true label, the label the network is trained
// on (highlighted when corruption changed it) and the current prediction, refreshed every
// epoch. Filters: all, corrupted, clean, not yet fitted; order: dataset or epoch first fitted.
// Clicking an image shows its prediction at every epoch so far.
class SampleGallery : public QWidget {
    Q_OBJECT

public:
    enum class Filter { All, Corrupted, Clean, NotFitted };
    enum class Order { Dataset, FirstFitted };
    static constexpr int kMaxTiles = 120;

    explicit SampleGallery(QWidget* parent = nullptr);

    void setData(SharedCorruptedDataset data);
    void addEpoch(const EpochReport& report);
    void setFilter(Filter filter);
    void setOrder(Order order);

    // For tests and the history panel: the training indices shown, in order.
    const std::vector<int>& shownIndices() const { return m_shown; }
    const SharedCorruptedDataset& data() const { return m_data; }
    QListWidget* grid() const { return m_grid; }
    void showHistory(int index);
    // Larger tiles and type in presentation mode; label colours readable on the theme.
    void applyTheme(const PlotTheme& theme);
    QString historyText() const;

private:
    void refresh();
    void selectItem(QListWidgetItem* item);
    QPixmap tile(int index) const;
    QString className(int label) const;
    QString tileSummary(int index) const;

    int imageSide() const;
    int tileWidth() const;
    void updateGridSize();

    PlotTheme m_theme;
    QFont m_baseFont;
    SharedCorruptedDataset m_data;
    std::vector<std::vector<int>> m_history;  // predictions, one vector per finished epoch
    std::vector<int> m_fittedSince;
    std::vector<int> m_shown;
    int m_selected = -1;

    QComboBox* m_filter;
    QComboBox* m_order;
    QLabel* m_count;
    QListWidget* m_grid;
    QLabel* m_detailImage;
    QTextBrowser* m_detail;
};

}  // namespace shatter

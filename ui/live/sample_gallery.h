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

class LiveRun;

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

    // Shows the images of `data` (set once the run's data is ready) with the predictions that
    // `run` holds; starts over with every new run.
    explicit SampleGallery(const LiveRun* run, QWidget* parent = nullptr);

    void setData(SharedCorruptedDataset data);
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
    void showEpoch();
    // The run's predictions, one vector per epoch, when they are of this data; else none.
    const std::vector<std::vector<int>>& predictions() const;
    const std::vector<int>& fittedSince() const;
    void selectItem(QListWidgetItem* item);
    QPixmap tile(int index) const;
    QString className(int label) const;
    QString tileSummary(int index) const;

    int imageSide() const;
    int tileWidth() const;
    void updateGridSize();

    PlotTheme m_theme;
    QFont m_baseFont;
    const LiveRun* m_run;
    SharedCorruptedDataset m_data;
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

#pragma once

#include <vector>

#include <QWidget>

#include "analysis/memorization_tracker.h"
#include "common/plot_theme.h"
#include "live/training_types.h"

class QComboBox;
class QLabel;
class QListView;
class QModelIndex;
class QSlider;
class QTextBrowser;

namespace shatter {

class GalleryModel;
class LiveRun;

// A grid of every training image with, under each, the true label, the label the network is
// trained on (highlighted when corruption changed it), the prediction and the epoch from which
// it stayed fitted, refreshed every epoch. The tiles are rows of a GalleryModel, drawn only when
// they scroll into view; a new epoch redraws them and starts the model over only when the
// examples shown or their order changed.
// Filters: all, corrupted, clean, not yet fitted, fitted last, most forgotten; orders: dataset,
// fit epoch either way, forgetting events either way. The epoch scrubber shows every tile's
// prediction at an earlier epoch. Clicking an image shows its prediction at every epoch so far.
class SampleGallery : public QWidget {
    Q_OBJECT

public:
    enum class Filter { All, Corrupted, Clean, NotFitted, FittedLast, MostForgotten };
    enum class Order { Dataset, FirstFitted, LastFitted, MostForgotten, LeastForgotten };

    // Shows the images of `data` (set once the run's data is ready) with the predictions that
    // `run` holds; starts over with every new run.
    explicit SampleGallery(const LiveRun* run, QWidget* parent = nullptr);

    void setData(SharedCorruptedDataset data);
    void setFilter(Filter filter);
    void setOrder(Order order);
    // Shows every tile's prediction after `epoch` (1-based); the latest epoch follows new ones.
    void setEpoch(int epoch);
    int shownEpoch() const;
    // A line above the images about what the gallery can show (a replayed run without
    // per-epoch predictions, images that could not be loaded); empty hides it. A new run clears it.
    void setNote(const QString& text);
    QString note() const;

    // For tests and the history panel: the training indices shown, in order.
    const std::vector<int>& shownIndices() const;
    const SharedCorruptedDataset& data() const { return m_data; }
    // The tiles' view; its model is a GalleryModel.
    QListView* grid() const { return m_grid; }
    void showHistory(int index);
    // Larger tiles and type in presentation mode; label colours readable on the theme.
    void applyTheme(const PlotTheme& theme);
    QString historyText() const;

private:
    void refresh();
    void showEpoch();
    // showEpoch once this event-loop turn is over, however many epochs arrive in it.
    void scheduleShowEpoch();
    // Fit epoch and forgetting events per example brought up to the run's predictions so far.
    void updateHistory();
    // "epoch N of M" beside the scrubber; empty before the first epoch.
    void updateScrubLabel();
    // The run's predictions, one vector per epoch, when they are of this data; else none.
    const std::vector<std::vector<int>>& predictions() const;
    const std::vector<int>& fittedSince() const;
    void selectTile(const QModelIndex& tile);
    // Marks the selected example's tile again once the model started over.
    void reselect();
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
    MemorizationTracker m_history;  // fit epoch and forgetting events per example
    int m_selected = -1;
    bool m_showPending = false;

    QComboBox* m_filter;
    QComboBox* m_order;
    QLabel* m_count;
    QLabel* m_note;
    QSlider* m_scrubber;
    QLabel* m_scrubLabel;
    GalleryModel* m_model;
    QListView* m_grid;
    QLabel* m_detailImage;
    QTextBrowser* m_detail;
};

}  // namespace shatter

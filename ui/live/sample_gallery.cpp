#include "live/sample_gallery.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "analysis/example_selection.h"
#include "common/image_conversion.h"
#include "figures/series_style.h"
#include "live/gallery_model.h"
#include "live/gallery_tile_delegate.h"
#include "live/live_run.h"

namespace shatter {

namespace {
constexpr int kImageSide = 84;
constexpr int kTileWidth = 136;
}  // namespace

SampleGallery::SampleGallery(const LiveRun* run, QWidget* parent)
    : QWidget(parent),
      m_run(run),
      m_filter(new QComboBox),
      m_order(new QComboBox),
      m_count(new QLabel),
      m_note(new QLabel),
      m_scrubber(new QSlider(Qt::Horizontal)),
      m_scrubLabel(new QLabel),
      m_model(new GalleryModel([this](int index) { return tile(index); },
                               [this](int index) { return tileSummary(index); }, this)),
      m_grid(new QListView),
      m_detailImage(new QLabel),
      m_detail(new QTextBrowser) {
    m_filter->addItem("All images", int(Filter::All));
    m_filter->addItem("Corrupted only", int(Filter::Corrupted));
    m_filter->addItem("Clean only", int(Filter::Clean));
    m_filter->addItem("Not yet fitted", int(Filter::NotFitted));
    m_filter->addItem("Fitted last", int(Filter::FittedLast));
    m_filter->addItem("Most forgotten", int(Filter::MostForgotten));
    m_order->addItem("Dataset order", int(Order::Dataset));
    m_order->addItem("Fit epoch ↑", int(Order::FirstFitted));
    m_order->addItem("Fit epoch ↓", int(Order::LastFitted));
    m_order->addItem("Forgotten most", int(Order::MostForgotten));
    m_order->addItem("Forgotten least", int(Order::LeastForgotten));
    m_scrubber->setRange(0, 0);
    m_scrubber->setEnabled(false);
    m_scrubber->setMinimumWidth(80);
    // The count and the scrubbed epoch never widen the window.
    m_count->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_scrubber->setMaximumWidth(220);
    m_scrubber->setToolTip("Drag to an epoch: every tile shows its prediction at that epoch");

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel("Show"));
    controls->addWidget(m_filter);
    controls->addWidget(new QLabel("Order"));
    controls->addWidget(m_order);
    controls->addWidget(m_count, 1);
    // The scrubber on a line of its own, so that its label does not widen the gallery mid-run.
    auto* scrubbing = new QHBoxLayout;
    scrubbing->addWidget(m_scrubber, 1);
    scrubbing->addWidget(m_scrubLabel);
    m_scrubLabel->setMinimumWidth(fontMetrics().horizontalAdvance("epoch 000 of 000") + 8);

    m_baseFont = PlotTheme::screenBaseFont();
    m_theme = PlotTheme::current();
    setFont(m_theme.font(m_baseFont));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setItemDelegate(new GalleryTileDelegate(m_grid));
    m_grid->setModel(m_model);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    updateGridSize();
    m_grid->setSpacing(2);

    m_detailImage->setAlignment(Qt::AlignCenter);
    m_detailImage->setMinimumSize(kImageSide, kImageSide);
    m_detail->setMinimumWidth(160);
    m_detail->setMaximumWidth(210);
    m_detail->setPlaceholderText("Click an image to see what the network predicted for it at "
                                 "every epoch.");
    auto* side = new QVBoxLayout;
    side->addWidget(m_detailImage);
    side->addWidget(m_detail, 1);

    auto* body = new QHBoxLayout;
    body->addWidget(m_grid, 1);
    body->addLayout(side);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addLayout(scrubbing);
    m_note->setObjectName("galleryNote");
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    layout->addWidget(m_note);
    layout->addLayout(body, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this]() {
        setFilter(Filter(m_filter->currentData().toInt()));
    });
    connect(m_order, &QComboBox::currentIndexChanged, this, [this]() {
        setOrder(Order(m_order->currentData().toInt()));
    });
    connect(m_scrubber, &QSlider::valueChanged, this, [this]() {
        updateScrubLabel();
        m_model->redraw();
    });
    connect(m_grid, &QListView::clicked, this, &SampleGallery::selectTile);
    connect(m_model, &GalleryModel::modelReset, this, &SampleGallery::reselect);
    connect(run, &LiveRun::begun, this, [this]() {
        setNote({});
        setData(nullptr);
    });
    connect(run, &LiveRun::epochAdded, this, &SampleGallery::scheduleShowEpoch);
    connect(run, &LiveRun::rewound, this, [this]() {
        if (m_data) m_history.reset(m_data->train.labels);
        scheduleShowEpoch();
    });
}

void SampleGallery::setNote(const QString& text) {
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
    if (!m_data) refresh();
}

QString SampleGallery::note() const { return m_note->text(); }

void SampleGallery::scheduleShowEpoch() {
    if (m_showPending) return;
    m_showPending = true;
    QTimer::singleShot(0, this, [this]() {
        m_showPending = false;
        showEpoch();
    });
}

void SampleGallery::setData(SharedCorruptedDataset data) {
    m_model->show({});  // no tile of the previous data is drawn from the new one
    m_data = std::move(data);
    m_history.reset(m_data ? m_data->train.labels : std::vector<int>{});
    m_selected = -1;
    m_detail->clear();
    m_detailImage->clear();
    m_scrubber->setRange(0, 0);
    updateHistory();
    refresh();
}

void SampleGallery::setEpoch(int epoch) { m_scrubber->setValue(epoch); }

int SampleGallery::shownEpoch() const {
    return std::clamp(m_scrubber->value(), 0, int(predictions().size()));
}

void SampleGallery::updateHistory() {
    const auto& all = predictions();
    {
        // The tiles are drawn again once, by refresh(), not for every move of the scrubber.
        const QSignalBlocker quiet(m_scrubber);
        const bool following = m_scrubber->value() == m_scrubber->maximum();
        m_scrubber->setRange(all.empty() ? 0 : 1, int(all.size()));
        m_scrubber->setEnabled(all.size() > 1);
        if (following) m_scrubber->setValue(int(all.size()));
    }
    updateScrubLabel();
    m_history.follow(all);
}

void SampleGallery::updateScrubLabel() {
    const int epoch = m_scrubber->value();
    m_scrubLabel->setText(
        epoch > 0 ? QString("epoch %1 of %2").arg(epoch).arg(m_scrubber->maximum()) : QString());
}

void SampleGallery::showEpoch() {
    // A run moved back to its start has no predictions any more, but its tiles change.
    if (predictions().empty() && m_scrubber->maximum() == 0) return;
    updateHistory();
    refresh();
    if (m_selected >= 0) showHistory(m_selected);
}

const std::vector<std::vector<int>>& SampleGallery::predictions() const {
    static const std::vector<std::vector<int>> none;
    const auto& all = m_run->history().predictions();
    const bool ofThisData = m_data && !all.empty() && all.back().size() == m_data->train.size();
    return ofThisData ? all : none;
}

const std::vector<int>& SampleGallery::fittedSince() const {
    return m_run->history().fittedSince();
}

void SampleGallery::setFilter(Filter filter) {
    const int at = m_filter->findData(int(filter));
    if (m_filter->currentIndex() != at) {
        m_filter->setCurrentIndex(at);  // re-enters through the signal
        return;
    }
    refresh();
}

void SampleGallery::setOrder(Order order) {
    const int at = m_order->findData(int(order));
    if (m_order->currentIndex() != at) {
        m_order->setCurrentIndex(at);
        return;
    }
    refresh();
}

QString SampleGallery::className(int label) const {
    if (!m_data || label < 0 || label >= int(m_data->classNames.size())) return "?";
    return QString::fromStdString(m_data->classNames[label]);
}

const std::vector<int>& SampleGallery::shownIndices() const { return m_model->examples(); }

void SampleGallery::refresh() {
    if (!m_data) {
        m_model->show({});
        m_count->setText(m_note->text().isEmpty() ? "No images yet: press Start." : QString());
        return;
    }
    const Filter filter = Filter(m_filter->currentData().toInt());
    const int total = int(m_data->train.size());
    using Select = ExampleSelection;
    static const Select::Filter filters[] = {
        Select::Filter::All,       Select::Filter::Corrupted,  Select::Filter::Clean,
        Select::Filter::NotFitted, Select::Filter::FittedLast, Select::Filter::MostForgotten};
    static const Select::Order orders[] = {
        Select::Order::Dataset, Select::Order::FitEpochAscending, Select::Order::FitEpochDescending,
        Select::Order::ForgettingDescending, Select::Order::ForgettingAscending};
    std::vector<int> shown =
        Select::choose(m_data->corrupted, m_history.fitEpoch(), m_history.forgettingEvents(),
                       filters[int(filter)], orders[m_order->currentData().toInt()]);
    const QLocale locale;
    m_count->setText(QString("%1 of %2 images")
                         .arg(locale.toString(qlonglong(shown.size())))
                         .arg(locale.toString(total)));
    m_model->show(std::move(shown));
}

void SampleGallery::reselect() {
    const int row = m_model->rowOf(m_selected);
    if (row >= 0) {
        m_grid->selectionModel()->select(m_model->index(row), QItemSelectionModel::ClearAndSelect);
    }
}

int SampleGallery::imageSide() const { return int(kImageSide * m_theme.fontScale()); }
int SampleGallery::tileWidth() const { return int(kTileWidth * m_theme.fontScale()); }

void SampleGallery::updateGridSize() {
    const int lineHeight = fontMetrics().height();
    m_grid->setIconSize(QSize(tileWidth(), imageSide() + 3 * lineHeight + 10));
    m_grid->setGridSize(QSize(tileWidth() + 8, imageSide() + 4 * lineHeight + 18));
    if (auto* delegate = dynamic_cast<GalleryTileDelegate*>(m_grid->itemDelegate())) {
        delegate->setTileSize(m_grid->gridSize());
    }
}

void SampleGallery::applyTheme(const PlotTheme& theme) {
    m_theme = theme;
    setFont(theme.font(m_baseFont));
    updateGridSize();
    refresh();
}

QString SampleGallery::tileSummary(int index) const {
    QString text = "true: " + className(m_data->trueLabels[index]) +
                   "\nlabel: " + className(m_data->train.labels[index]);
    if (m_data->corrupted[index]) text += " (corrupted)";
    if (!predictions().empty()) text += "\npredicted: " + className(predictions().back()[index]);
    return text;
}

QPixmap SampleGallery::tile(int index) const {
    const qreal dpr = devicePixelRatioF();
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    const int kImageSide = imageSide();
    const int kTileWidth = tileWidth();
    const QSize size(kTileWidth, kImageSide + 4 * line + 10);
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setFont(font());

    const QPixmap image = crispPixmap(toQImage(m_data->train, index), kImageSide, dpr);
    painter.drawPixmap((kTileWidth - kImageSide) / 2, 0, image);

    const bool corrupted = m_data->corrupted[index] != 0;
    const int assigned = m_data->train.labels[index];
    int y = kImageSide + 4;
    auto drawLine = [&](const QString& text, const QColor& colour, const QColor& background) {
        const QRect rect(0, y, kTileWidth, line);
        if (background.isValid()) painter.fillRect(rect, background);
        painter.setPen(colour);
        painter.drawText(rect, Qt::AlignCenter,
                         metrics.elidedText(text, Qt::ElideRight, kTileWidth - 4));
        y += line + 1;
    };
    const QColor text = palette().color(QPalette::WindowText);
    drawLine("true: " + className(m_data->trueLabels[index]), text, QColor());
    QColor labelBackground = SeriesStyle::corrupted();
    labelBackground.setAlpha(60);
    const QColor corruptedText = m_theme.dark ? SeriesStyle::corrupted().lighter(125) : SeriesStyle::corrupted().darker(130);
    drawLine("label: " + className(assigned), corrupted ? corruptedText : text,
             corrupted ? labelBackground : QColor());
    const int epoch = shownEpoch();
    if (epoch > 0) {
        const int predicted = predictions()[std::size_t(epoch - 1)][index];
        const bool fitted = predicted == assigned;
        drawLine(QString("pred: %1 %2").arg(className(predicted), fitted ? "✓" : "✗"),
                 fitted ? (m_theme.dark ? SeriesStyle::clean().lighter(130) : SeriesStyle::clean().darker(140))
                        : (m_theme.dark ? QColor(255, 130, 130) : QColor(150, 40, 40)),
                 QColor());
    } else {
        drawLine("pred: –", palette().color(QPalette::PlaceholderText), QColor());
    }
    const std::vector<int>& fitEpoch = m_history.fitEpoch();
    const bool hasFit = fitEpoch.size() == m_data->train.size() && fitEpoch[index] > 0;
    drawLine(hasFit ? QString("fit: epoch %1").arg(fitEpoch[index]) : QString("fit: –"),
             palette().color(hasFit ? QPalette::WindowText : QPalette::PlaceholderText), QColor());
    return pixmap;
}

void SampleGallery::selectTile(const QModelIndex& tile) {
    if (tile.isValid()) showHistory(tile.data(GalleryModel::ExampleRole).toInt());
}

void SampleGallery::showHistory(int index) {
    if (!m_data || index < 0 || index >= int(m_data->train.size())) return;
    m_selected = index;
    // As large as the pane allows (twice a tile at most), so a short window shows the whole image.
    const int side = std::clamp(std::min(m_detailImage->width(), m_detailImage->height()), imageSide(), 2 * imageSide());
    m_detailImage->setPixmap(crispPixmap(toQImage(m_data->train, index), side, devicePixelRatioF()));
    const int assigned = m_data->train.labels[index];
    QString html = QString("<b>Image %1</b><br>true: %2<br>label: %3%4<br>")
                       .arg(index)
                       .arg(className(m_data->trueLabels[index]).toHtmlEscaped())
                       .arg(className(assigned).toHtmlEscaped())
                       .arg(m_data->corrupted[index] ? " <i>(corrupted)</i>" : "");
    if (fittedSince().size() == m_data->train.size() && fittedSince()[index] > 0) {
        html += QString("fitted since epoch %1<br>").arg(fittedSince()[index]);
    }
    html += "<br><b>Prediction per epoch</b><br>";
    for (std::size_t epoch = 0; epoch < predictions().size(); ++epoch) {
        const int predicted = predictions()[epoch][index];
        html += QString("%1: %2 %3<br>")
                    .arg(epoch + 1)
                    .arg(className(predicted).toHtmlEscaped())
                    .arg(predicted == assigned ? "✓" : "✗");
    }
    if (predictions().empty()) html += "no epoch finished yet";
    m_detail->setHtml(html);
}

QString SampleGallery::historyText() const { return m_detail->toPlainText(); }

}  // namespace shatter

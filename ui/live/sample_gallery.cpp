#include "live/sample_gallery.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

#include "common/image_conversion.h"
#include "figures/series_style.h"
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
      m_grid(new QListWidget),
      m_detailImage(new QLabel),
      m_detail(new QTextBrowser) {
    m_filter->addItem("All images", int(Filter::All));
    m_filter->addItem("Corrupted only", int(Filter::Corrupted));
    m_filter->addItem("Clean only", int(Filter::Clean));
    m_filter->addItem("Not yet fitted", int(Filter::NotFitted));
    m_order->addItem("Dataset order", int(Order::Dataset));
    m_order->addItem("Epoch first fitted", int(Order::FirstFitted));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel("Show"));
    controls->addWidget(m_filter);
    controls->addWidget(new QLabel("Order"));
    controls->addWidget(m_order);
    controls->addWidget(m_count, 1);

    m_baseFont = PlotTheme::screenBaseFont();
    m_theme = PlotTheme::current();
    setFont(m_theme.font(m_baseFont));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
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
    layout->addLayout(body, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this]() {
        setFilter(Filter(m_filter->currentData().toInt()));
    });
    connect(m_order, &QComboBox::currentIndexChanged, this, [this]() {
        setOrder(Order(m_order->currentData().toInt()));
    });
    connect(m_grid, &QListWidget::itemClicked, this, &SampleGallery::selectItem);
    connect(run, &LiveRun::begun, this, [this]() { setData(nullptr); });
    connect(run, &LiveRun::epochAdded, this, &SampleGallery::showEpoch);
}

void SampleGallery::setData(SharedCorruptedDataset data) {
    m_data = std::move(data);
    m_selected = -1;
    m_detail->clear();
    m_detailImage->clear();
    refresh();
}

void SampleGallery::showEpoch() {
    if (predictions().empty()) return;
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

void SampleGallery::refresh() {
    m_shown.clear();
    m_grid->clear();
    if (!m_data) {
        m_count->setText("No images yet: press Start.");
        return;
    }
    const Filter filter = Filter(m_filter->currentData().toInt());
    const int total = int(m_data->train.size());
    std::vector<int> candidates;
    for (int i = 0; i < total; ++i) {
        const bool corrupted = m_data->corrupted[i] != 0;
        const bool fitted = fittedSince().size() == std::size_t(total) && fittedSince()[i] > 0;
        if (filter == Filter::Corrupted && !corrupted) continue;
        if (filter == Filter::Clean && corrupted) continue;
        if (filter == Filter::NotFitted && fitted) continue;
        candidates.push_back(i);
    }
    if (Order(m_order->currentData().toInt()) == Order::FirstFitted &&
        fittedSince().size() == std::size_t(total)) {
        auto key = [this](int i) { return fittedSince()[i] > 0 ? fittedSince()[i] : 1 << 30; };
        std::stable_sort(candidates.begin(), candidates.end(),
                         [&key](int a, int b) { return key(a) < key(b); });
    }
    if (candidates.size() > std::size_t(kMaxTiles)) candidates.resize(kMaxTiles);
    m_shown = candidates;
    const QLocale locale;
    m_count->setText(QString("showing %1 of %2 images")
                         .arg(locale.toString(qlonglong(m_shown.size())))
                         .arg(locale.toString(total)));
    for (int index : m_shown) {
        auto* item = new QListWidgetItem(QIcon(tile(index)), QString());
        item->setData(Qt::UserRole, index);
        item->setToolTip(tileSummary(index));
        item->setSizeHint(m_grid->gridSize());
        m_grid->addItem(item);
        if (index == m_selected) item->setSelected(true);
    }
}

int SampleGallery::imageSide() const { return int(kImageSide * m_theme.fontScale()); }
int SampleGallery::tileWidth() const { return int(kTileWidth * m_theme.fontScale()); }

void SampleGallery::updateGridSize() {
    const int lineHeight = fontMetrics().height();
    m_grid->setIconSize(QSize(tileWidth(), imageSide() + 3 * lineHeight + 10));
    m_grid->setGridSize(QSize(tileWidth() + 8, imageSide() + 3 * lineHeight + 18));
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
    const QSize size(kTileWidth, kImageSide + 3 * line + 10);
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
    if (!predictions().empty()) {
        const int predicted = predictions().back()[index];
        const bool fitted = predicted == assigned;
        drawLine(QString("pred: %1 %2").arg(className(predicted), fitted ? "✓" : "✗"),
                 fitted ? (m_theme.dark ? SeriesStyle::clean().lighter(130) : SeriesStyle::clean().darker(140))
                        : (m_theme.dark ? QColor(255, 130, 130) : QColor(150, 40, 40)),
                 QColor());
    } else {
        drawLine("pred: –", palette().color(QPalette::PlaceholderText), QColor());
    }
    return pixmap;
}

void SampleGallery::selectItem(QListWidgetItem* item) {
    if (item) showHistory(item->data(Qt::UserRole).toInt());
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

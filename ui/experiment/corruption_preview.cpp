#include "experiment/corruption_preview.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

#include "common/flow_layout.h"
#include "common/image_conversion.h"
#include "corruption/corruption_level.h"
#include "experiment/corruption_sampler.h"
#include "experiment/corruption_tile.h"

namespace shatter {

namespace {

QString levelText(double level) { return QString::fromStdString(formatLevel(level)); }

// "72.8" or "125.3, 123.0, 113.9" (one per channel).
QString perChannel(const std::vector<double>& values) {
    QStringList parts;
    for (double value : values) parts << QLocale().toString(value, 'f', 1);
    return parts.join(", ");
}

// What a mode does to the images it corrupts, after "k of n training images are".
QString changedImages(CorruptionMode mode) {
    switch (mode) {
        case CorruptionMode::ShuffledPixels:
            return "shuffled, all with the same pixel order";
        case CorruptionMode::RandomPixels:
            return "shuffled, each with its own pixel order";
        case CorruptionMode::Gaussian:
            return "replaced by Gaussian noise";
        default:
            return "changed";
    }
}

}  // namespace

CorruptionPreview::CorruptionPreview(QWidget* parent)
    : QWidget(parent),
      m_theme(PlotTheme::current()),
      m_baseFont(PlotTheme::screenBaseFont()),
      m_sampler(new CorruptionSampler(kImages, this)),
      m_title(new QLabel),
      m_summary(new QLabel),
      m_flow(new FlowLayout(nullptr, 8)) {
    m_title->setObjectName("corruption-preview-title");
    m_title->setWordWrap(true);
    m_summary->setWordWrap(true);
    for (QLabel* label : {m_title, m_summary}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addLayout(m_flow);
    layout->addStretch(1);
    showMessage("Loading the dataset…");
    applyTheme(m_theme);

    connect(m_sampler, &CorruptionSampler::sampleReady, this, &CorruptionPreview::showSample);
    connect(m_sampler, &CorruptionSampler::failed, this, &CorruptionPreview::showMessage);
    connect(m_sampler, &CorruptionSampler::waitingForDataset, this, [this](const QString& spec) {
        showMessage(spec.endsWith(':') ? QString("Choose the dataset's folder to see its images.")
                                       : QString("Loading the dataset…"));
    });
}

void CorruptionPreview::setDataset(const QString& spec, std::shared_ptr<const Dataset> dataset) {
    m_sampler->setDataset(spec, std::move(dataset));
}

void CorruptionPreview::setConfig(const RunConfig& config) {
    m_config = config;
    m_sampler->setConfig(config);
}

bool CorruptionPreview::isUpdating() const { return m_sampler->isBusy(); }

QString CorruptionPreview::title() const { return m_title->text(); }

QString CorruptionPreview::summary() const { return m_summary->text(); }

void CorruptionPreview::applyTheme(const PlotTheme& theme) {
    m_theme = theme;
    setFont(theme.font(m_baseFont));
    QFont large = theme.font(m_baseFont);
    large.setBold(true);
    large.setPointSizeF(large.pointSizeF() > 0 ? large.pointSizeF() * 1.3 : 12);
    m_title->setFont(large);
    for (CorruptionTile* tile : m_tiles) tile->applyTheme(theme);
    alignTiles();
}

void CorruptionPreview::showMessage(const QString& message) {
    m_sample.reset();
    clearTiles();
    m_title->setText(QString());
    m_title->setVisible(false);
    m_summary->setText(message);
}

void CorruptionPreview::clearTiles() {
    for (CorruptionTile* tile : m_tiles) {
        m_flow->removeWidget(tile);
        delete tile;
    }
    m_tiles.clear();
}

void CorruptionPreview::showSample(std::shared_ptr<const CorruptionSample> sample) {
    m_sample = std::move(sample);
    const CorruptionSample& shown = *m_sample;
    const CorruptionModeInfo& info = corruptionModeInfo(shown.mode);
    m_title->setText(shown.mode == CorruptionMode::None
                         ? QString("%1: no corruption").arg(info.title)
                         : QString("%1 at %2").arg(info.title, levelText(shown.level)));
    m_title->setToolTip(info.explanation);
    m_title->setVisible(true);
    m_summary->setText(summaryText(shown));
    rebuildTiles();
}

QString CorruptionPreview::summaryText(const CorruptionSample& sample) const {
    const QLocale locale;
    const QString changed = locale.toString(qulonglong(sample.corruptedImages));
    const QString total = locale.toString(qulonglong(sample.trainImages));
    QString text;
    if (sample.mode == CorruptionMode::None) {
        text = QString("The run trains on %1 images with their true labels: nothing is changed.")
                   .arg(total);
    } else if (sample.level <= 0.0) {
        text = sample.mode == CorruptionMode::Labels
                   ? QString(
                         "At 0%, no labels are changed: each of the %1 images is taught its true "
                         "label.")
                         .arg(total)
                   : QString("At 0%, no images are changed: the run trains on %1 original images.")
                         .arg(total);
    } else if (sample.mode == CorruptionMode::Labels) {
        text = QString(
                   "%1 of the run's %2 labels are changed (each is redrawn with probability %3 "
                   "and may land on its true class).")
                   .arg(changed, total, levelText(sample.level));
    } else if (sample.mode == CorruptionMode::Gaussian && !sample.noiseMean.empty()) {
        text =
            QString(
                "%1 of the run's %2 training images are replaced by Gaussian noise with the "
                "data's mean %3 and standard deviation %4 (on 0–255; shown clipped).")
                .arg(changed, total, perChannel(sample.noiseMean), perChannel(sample.noiseStddev));
    } else {
        text = QString("%1 of the run's %2 training images are %3.")
                   .arg(changed, total, changedImages(sample.mode));
    }
    const std::size_t corruptedTiles = sample.corruptedTiles();
    const std::size_t cleanTiles = sample.tiles.size() - corruptedTiles;
    const QString seed = QString::number(m_config.seed);
    if (corruptedTiles > 0 && cleanTiles > 0) {
        text += QString(" Shown: its first %1 corrupted and first %2 original images (seed %3).")
                    .arg(corruptedTiles)
                    .arg(cleanTiles)
                    .arg(seed);
    } else {
        const bool skipped = corruptedTiles > 0 && sample.corruptedImages < sample.trainImages;
        text += QString(" Shown: its first %1 %2images (seed %3).")
                    .arg(sample.tiles.size())
                    .arg(skipped ? "corrupted " : "")
                    .arg(seed);
    }
    return text;
}

void CorruptionPreview::rebuildTiles() {
    clearTiles();
    if (!m_sample) return;
    const CorruptionSample& sample = *m_sample;
    auto className = [&sample](int label) {
        return label >= 0 && label < int(sample.classNames.size())
                   ? QString::fromStdString(sample.classNames[std::size_t(label)])
                   : QString::number(label);
    };
    const bool labels = sample.mode == CorruptionMode::Labels;
    for (std::size_t i = 0; i < sample.tiles.size(); ++i) {
        const CorruptionSample::Tile& shown = sample.tiles[i];
        const QStringList lines = labels ? QStringList{"true: " + className(shown.trueLabel),
                                                       "taught: " + className(shown.assignedLabel)}
                                         : QStringList{"label: " + className(shown.trueLabel)};
        auto* tile = new CorruptionTile(toQImage(sample.trained, i), shown.corrupted, lines,
                                        labels && shown.corrupted ? 1 : -1);
        tile->setToolTip(
            QString("Training image %1 of this run: %2")
                .arg(shown.index)
                .arg(lines.join(", ") + (shown.corrupted ? " (corrupted)" : " (original)")));
        tile->applyTheme(m_theme);
        m_flow->addWidget(tile);
        m_tiles.append(tile);
    }
    alignTiles();
}

void CorruptionPreview::alignTiles() {
    // One width for all, so that the tiles line up in columns when they wrap.
    int width = 0;
    for (CorruptionTile* tile : m_tiles) {
        tile->setUniformWidth(0);
        width = std::max(width, tile->sizeHint().width());
    }
    for (CorruptionTile* tile : m_tiles) tile->setUniformWidth(width);
}

}  // namespace shatter

#include "experiment/corruption_preview.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "corruption/corruptor.h"
#include "common/image_conversion.h"

namespace shatter {

namespace {
constexpr int kSide = 64;
}

CorruptionPreview::CorruptionPreview(QWidget* parent)
    : QWidget(parent), m_grid(new QGridLayout), m_note(new QLabel) {
    m_note->setWordWrap(true);
    m_note->setText("Loading the dataset…");
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addLayout(m_grid);
    layout->addStretch(1);
}

void CorruptionPreview::setDataset(std::shared_ptr<const Dataset> dataset) {
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_imageCount = 0;
    if (!dataset || dataset->train.size() == 0) {
        m_note->setText("No dataset loaded.");
        return;
    }
    // A tiny dataset of the first images, one of each class where possible.
    Dataset tiny;
    tiny.name = dataset->name;
    tiny.classNames = dataset->classNames;
    const ImageSet& source = dataset->train;
    tiny.train.channels = tiny.test.channels = source.channels;
    tiny.train.height = tiny.test.height = source.height;
    tiny.train.width = tiny.test.width = source.width;
    std::vector<bool> seen(dataset->classNames.size(), false);
    for (std::size_t i = 0; i < source.size() && int(tiny.train.size()) < kImages; ++i) {
        const int label = source.labels[i];
        if (label >= 0 && std::size_t(label) < seen.size() && seen[label]) continue;
        if (label >= 0 && std::size_t(label) < seen.size()) seen[label] = true;
        tiny.train.labels.push_back(label);
        tiny.train.pixels.insert(tiny.train.pixels.end(), source.image(i),
                                 source.image(i) + source.imageBytes());
    }
    m_imageCount = int(tiny.train.size());
    m_note->setText(QString("The same %1 images of %2 as the network sees them under each input "
                            "corruption (at 100%).")
                        .arg(m_imageCount)
                        .arg(QString::fromStdString(dataset->name)));

    const qreal dpr = devicePixelRatioF();
    int row = 0;
    for (const CorruptionModeInfo& info : corruptionModes()) {
        if (info.mode != CorruptionMode::None && !corruptsInputs(info.mode)) continue;
        const CorruptedDataset corrupted = Corruptor::apply(tiny, info.mode, 1.0, 7);
        auto* title = new QLabel(info.mode == CorruptionMode::None ? QString("Original")
                                                                   : QString(info.title));
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        title->setToolTip(info.explanation);
        title->setWordWrap(true);
        title->setMinimumWidth(130);
        m_grid->addWidget(title, row, 0);
        for (int i = 0; i < m_imageCount; ++i) {
            auto* image = new QLabel;
            image->setPixmap(crispPixmap(toQImage(corrupted.train, i), kSide, dpr));
            image->setToolTip(QString::fromStdString(tiny.classNames[tiny.train.labels[i]]));
            m_grid->addWidget(image, row, i + 1);
        }
        auto* explanation = new QLabel(info.explanation);
        explanation->setWordWrap(true);
        explanation->setMinimumWidth(200);
        m_grid->addWidget(explanation, row, m_imageCount + 1);
        ++row;
    }
    m_grid->setColumnStretch(m_imageCount + 1, 1);
}

}  // namespace shatter

#pragma once

#include <memory>

#include <QWidget>

#include "data/dataset.h"

class QGridLayout;
class QLabel;

namespace shatter {

// The same few training images as each input corruption turns them: original, shuffled pixels
// (one permutation for all), random pixels (a permutation per image) and Gaussian noise, so a
// class sees what the network is asked to learn from.
class CorruptionPreview : public QWidget {
    Q_OBJECT

public:
    static constexpr int kImages = 6;

    explicit CorruptionPreview(QWidget* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    int imageCount() const { return m_imageCount; }

private:
    QGridLayout* m_grid;
    QLabel* m_note;
    int m_imageCount = 0;
};

}  // namespace shatter

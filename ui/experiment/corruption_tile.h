#pragma once

#include <QImage>
#include <QStringList>
#include <QWidget>

#include "common/plot_theme.h"

namespace shatter {

// One training image of the corruption preview as the run trains on it: framed thick in the
// "corrupted" colour and captioned "corrupted" when the run's corruption changed it, framed thin
// in the "clean" colour and captioned "original" when not; under the caption one or two lines
// of labels, of which one may be marked as the changed one ("taught: Bag").
class CorruptionTile : public QWidget {
    Q_OBJECT

public:
    // `changedLine`: the index in `lines` to mark as changed, or -1.
    CorruptionTile(const QImage& image, bool corrupted, const QStringList& lines, int changedLine,
                   QWidget* parent = nullptr);

    bool isCorrupted() const { return m_corrupted; }
    // "corrupted" or "original", as painted.
    QString caption() const;
    const QStringList& lines() const { return m_lines; }
    // Larger image and type in presentation mode; colours readable on the background.
    void applyTheme(const PlotTheme& theme);
    // At least this wide (0: as wide as its own content), so that tiles line up in columns.
    void setUniformWidth(int width);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int imageSide() const;
    int frameWidth() const;
    QColor markColour(bool corrupted) const;

    QImage m_image;
    bool m_corrupted;
    QStringList m_lines;
    int m_changedLine;
    int m_uniformWidth = 0;
    PlotTheme m_theme;
};

}  // namespace shatter

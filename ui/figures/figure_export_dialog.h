#pragma once

#include <functional>
#include <vector>

#include <QDialog>

#include "figure/figure_data.h"

class QAction;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QComboBox;

namespace shatter {

// Asks where and how large to export one plot, or several panels side by side on one 16:9
// slide (Figure 1's three): PNG (pixels and DPI), SVG, PDF or the data as CSV. The figure is
// drawn by FigureRenderer in the current theme, with its caption.
class FigureExportDialog : public QDialog {
    Q_OBJECT

public:
    explicit FigureExportDialog(const FigureData& figure, QWidget* parent = nullptr);
    // Panels side by side with one legend (FigureRenderer::savePanels), `name` for the file.
    FigureExportDialog(const std::vector<FigureData>& panels, const QString& name, QWidget* parent = nullptr);

    void setPath(const QString& path);
    QString path() const;
    QSize figureSize() const;
    int dpi() const;
    // Writes the file; on failure shows why and returns false.
    bool exportNow(QString* error = nullptr);

    // Adds "Export figure…", "Export data as CSV…" and "Export animation…" (the curves growing,
    // as MP4 or GIF: AnimationExportDialog) to `target`'s context menu, then the actions `extra`
    // returns when the menu opens (they do their own work).
    static void addContextMenu(QWidget* target, QWidget* parent, std::function<FigureData()> figure,
                               std::function<QList<QAction*>()> extra = {});
    // A file for the figure named `title` in the user's pictures folder (else home), e.g.
    // ~/Pictures/training-loss.png.
    static QString defaultPath(const QString& title, const QString& suffix);
    // The rows both export dialogs start with: Format, File (with `browse`), Size (width × height).
    static QFormLayout* fileAndSizeForm(QComboBox* format, QLineEdit* path, QPushButton* browse,
                                        QSpinBox* width, QSpinBox* height);

private:
    void build(const QString& name);
    void formatChanged();
    bool panelSet() const { return m_panels.size() > 1; }

    std::vector<FigureData> m_panels;
    QLineEdit* m_path;
    QComboBox* m_format;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QSpinBox* m_dpi;
};

}  // namespace shatter

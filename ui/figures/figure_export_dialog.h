#pragma once

#include <functional>

#include <QDialog>

#include "figure/figure_data.h"

class QLineEdit;
class QSpinBox;
class QComboBox;

namespace shatter {

// Asks where and how large to export one plot: PNG (pixels and DPI), SVG, PDF or the data as
// CSV. The figure is drawn by FigureRenderer in the current theme.
class FigureExportDialog : public QDialog {
    Q_OBJECT

public:
    explicit FigureExportDialog(const FigureData& figure, QWidget* parent = nullptr);

    void setPath(const QString& path);
    QString path() const;
    QSize figureSize() const;
    int dpi() const;
    // Writes the file; on failure shows why and returns false.
    bool exportNow(QString* error = nullptr);

    // Adds "Export figure…" and "Export data as CSV…" to `target`'s context menu.
    static void addContextMenu(QWidget* target, QWidget* parent, std::function<FigureData()> figure);

private:
    void formatChanged();

    FigureData m_figure;
    QLineEdit* m_path;
    QComboBox* m_format;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QSpinBox* m_dpi;
};

}  // namespace shatter

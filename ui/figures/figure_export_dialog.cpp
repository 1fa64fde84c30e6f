#include "figures/figure_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "figures/animation_export_dialog.h"
#include "figures/figure_renderer.h"
#include "common/plot_theme.h"

namespace shatter {

QFormLayout* FigureExportDialog::fileAndSizeForm(QComboBox* format, QLineEdit* path, QPushButton* browse,
                                                 QSpinBox* width, QSpinBox* height) {
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path, 1);
    pathRow->addWidget(browse);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(width);
    sizeRow->addWidget(new QLabel("×"));
    sizeRow->addWidget(height);
    auto* form = new QFormLayout;
    form->addRow("Format", format);
    form->addRow("File", pathRow);
    form->addRow("Size", sizeRow);
    return form;
}

QString FigureExportDialog::defaultPath(const QString& title, const QString& suffix) {
    QString name = title.toLower();
    name.replace(QRegularExpression("[^a-z0-9]+"), "-");
    name.remove(QRegularExpression("^-+|-+$"));
    if (name.isEmpty()) name = "figure";
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty() || !QDir(folder).exists()) folder = QDir::homePath();
    return folder + "/" + name + "." + suffix;
}

FigureExportDialog::FigureExportDialog(const FigureData& figure, QWidget* parent)
    : QDialog(parent),
      m_panels({figure}),
      m_path(new QLineEdit),
      m_format(new QComboBox),
      m_width(new QSpinBox),
      m_height(new QSpinBox),
      m_dpi(new QSpinBox) {
    setWindowTitle("Export figure");
    build(QString::fromStdString(figure.title));
}

FigureExportDialog::FigureExportDialog(const std::vector<FigureData>& panels, const QString& name, QWidget* parent)
    : QDialog(parent),
      m_panels(panels),
      m_path(new QLineEdit),
      m_format(new QComboBox),
      m_width(new QSpinBox),
      m_height(new QSpinBox),
      m_dpi(new QSpinBox) {
    setWindowTitle("Export " + name);
    build(name);
}

void FigureExportDialog::build(const QString& name) {
    m_format->addItem("PNG image", "png");
    m_format->addItem("SVG vector image", "svg");
    m_format->addItem("PDF document", "pdf");
    m_format->addItem("CSV data", "csv");
    for (QSpinBox* box : {m_width, m_height}) box->setRange(50, 20000);
    m_dpi->setRange(36, 1200);
    m_dpi->setSuffix(" dpi");
    m_width->setValue(panelSet() ? FigureRenderer::kSlideWidth : FigureRenderer::kDefaultWidth);
    m_height->setValue(panelSet() ? FigureRenderer::kSlideHeight : FigureRenderer::kDefaultHeight);
    m_dpi->setValue(panelSet() ? FigureRenderer::kSlideDpi : FigureRenderer::kDefaultDpi);
    m_width->setSuffix(" px");
    m_height->setSuffix(" px");
    m_path->setText(defaultPath(name, "png"));

    auto* browse = new QPushButton("Browse…");
    auto* form = FigureExportDialog::fileAndSizeForm(m_format, m_path, browse, m_width, m_height);
    form->addRow("Resolution", m_dpi);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &FigureExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString suffix = m_format->currentData().toString();
        const QString chosen = QFileDialog::getSaveFileName(this, "Export figure", m_path->text(),
                                                            m_format->currentText() + " (*." + suffix + ")");
        if (!chosen.isEmpty()) setPath(chosen);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        if (exportNow()) accept();
    });
}

void FigureExportDialog::formatChanged() {
    const QString suffix = m_format->currentData().toString();
    QFileInfo info(m_path->text());
    m_path->setText(info.path() + "/" + info.completeBaseName() + "." + suffix);
    const bool png = suffix == "png";
    m_dpi->setEnabled(png);
    m_width->setEnabled(suffix != "csv");
    m_height->setEnabled(suffix != "csv");
    // PNG sizes are pixels; SVG and PDF sizes are points (a figure of about 10 × 6.5 inches,
    // panels side by side a 16:9 slide of 13.3 × 7.5 inches).
    if (panelSet()) {
        m_width->setValue(png ? FigureRenderer::kSlideWidth : FigureRenderer::kSlideWidthPoints);
        m_height->setValue(png ? FigureRenderer::kSlideHeight : FigureRenderer::kSlideHeightPoints);
    } else {
        m_width->setValue(png ? FigureRenderer::kDefaultWidth : 768);
        m_height->setValue(png ? FigureRenderer::kDefaultHeight : 480);
    }
    m_width->setSuffix(png ? " px" : " pt");
    m_height->setSuffix(png ? " px" : " pt");
}

void FigureExportDialog::setPath(const QString& path) {
    m_path->setText(path);
    const int index = m_format->findData(QFileInfo(path).suffix().toLower());
    if (index >= 0 && index != m_format->currentIndex()) {
        m_format->setCurrentIndex(index);
        m_path->setText(path);
    }
}

QString FigureExportDialog::path() const { return m_path->text(); }
QSize FigureExportDialog::figureSize() const { return QSize(m_width->value(), m_height->value()); }
int FigureExportDialog::dpi() const { return m_dpi->value(); }

bool FigureExportDialog::exportNow(QString* error) {
    QString message;
    const bool ok = panelSet() ? FigureRenderer::savePanels(m_panels, PlotTheme::current(), path(), figureSize(), dpi(),
                                                            &message)
                               : FigureRenderer::save(m_panels.front(), PlotTheme::current(), path(), figureSize(),
                                                      dpi(), &message);
    if (!ok) {
        if (error) *error = message;
        else QMessageBox::warning(this, "Shatter", message);
    }
    return ok;
}

void FigureExportDialog::addContextMenu(QWidget* target, QWidget* parent, std::function<FigureData()> figure,
                                        std::function<QList<QAction*>()> extra) {
    target->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(target, &QWidget::customContextMenuRequested, parent, [target, parent, figure, extra](const QPoint& at) {
        QMenu menu(parent);
        QAction* image = menu.addAction("Export figure (PNG, SVG, PDF)…");
        QAction* csv = menu.addAction("Export data as CSV…");
        QAction* animation = menu.addAction("Export animation (MP4, GIF)…");
        animation->setObjectName("exportAnimation");
        animation->setToolTip("A video of the curves growing epoch by epoch, for a slide");
        animation->setEnabled(figure().pointCount() > 0);
        const QList<QAction*> more = extra ? extra() : QList<QAction*>();
        if (!more.isEmpty()) menu.addSeparator();
        menu.addActions(more);
        QAction* chosen = menu.exec(target->mapToGlobal(at));
        if (chosen == nullptr || more.contains(chosen)) return;  // extra actions do their own work
        if (chosen == animation) {
            const FigureData shown = figure();
            auto* dialog = new AnimationExportDialog({shown}, QString::fromStdString(shown.title), parent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
            return;
        }
        auto* dialog = new FigureExportDialog(figure(), parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (chosen == csv) dialog->m_format->setCurrentIndex(dialog->m_format->findData("csv"));
        (void)image;
        dialog->open();
    });
}

}  // namespace shatter

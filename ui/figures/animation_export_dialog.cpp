#include "figures/animation_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "common/plot_theme.h"
#include "figures/animation_renderer.h"
#include "figures/figure_export_dialog.h"

namespace shatter {

AnimationExportDialog::AnimationExportDialog(std::vector<FigureData> panels, const QString& name, QWidget* parent)
    : QDialog(parent),
      m_panels(std::move(panels)),
      m_format(new QComboBox),
      m_path(new QLineEdit),
      m_width(new QSpinBox),
      m_height(new QSpinBox),
      m_fps(new QSpinBox),
      m_seconds(new QDoubleSpinBox),
      m_frames(new QLabel) {
    setWindowTitle("Export animation: " + name);
    setObjectName("animationExport");
    m_format->addItem("MP4 video (H.264)", "mp4");
    m_format->addItem("GIF animation (loops)", "gif");
    for (QSpinBox* side : {m_width, m_height}) {
        side->setRange(AnimationSettings::kMinSide, AnimationSettings::kMaxSide);
        side->setSingleStep(2);
        side->setSuffix(" px");
    }
    m_width->setObjectName("animationWidth");
    m_height->setObjectName("animationHeight");
    m_fps->setRange(AnimationSettings::kMinFps, AnimationSettings::kMaxFps);
    m_fps->setSuffix(" frames/s");
    m_fps->setObjectName("animationFps");
    m_seconds->setRange(0.1, AnimationSettings::kMaxSeconds);
    m_seconds->setDecimals(1);
    m_seconds->setSingleStep(0.5);
    m_seconds->setSuffix(" s");
    m_seconds->setObjectName("animationSeconds");
    m_frames->setObjectName("animationFrames");
    setSettings(AnimationSettings());
    m_path->setText(FigureExportDialog::defaultPath(name, "mp4"));
    m_path->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);  // a whole path

    auto* browse = new QPushButton("Browse…");
    auto* form = FigureExportDialog::fileAndSizeForm(m_format, m_path, browse, m_width, m_height);
    form->addRow("Frame rate", m_fps);
    form->addRow("Length", m_seconds);
    form->addRow("", m_frames);
    auto* note = new QLabel("The curves grow epoch by epoch; the axes and the legend stay as in the whole figure.");
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &AnimationExportDialog::formatChanged);
    connect(m_fps, &QSpinBox::valueChanged, this, &AnimationExportDialog::updateFrames);
    connect(m_seconds, &QDoubleSpinBox::valueChanged, this, &AnimationExportDialog::updateFrames);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString suffix = m_format->currentData().toString();
        const QString chosen = QFileDialog::getSaveFileName(this, "Export animation", m_path->text(),
                                                            m_format->currentText() + " (*." + suffix + ")");
        if (!chosen.isEmpty()) setPath(chosen);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        bool cancelled = false;
        if (exportNow(nullptr, &cancelled)) accept();
    });
}

void AnimationExportDialog::formatChanged() {
    const QFileInfo info(m_path->text());
    m_path->setText(info.path() + "/" + info.completeBaseName() + "." + m_format->currentData().toString());
}

void AnimationExportDialog::updateFrames() {
    const int frames = settings().frameCount();
    m_frames->setText(QString("%1 frames").arg(frames));
}

void AnimationExportDialog::setPath(const QString& path) {
    const int index = m_format->findData(QFileInfo(path).suffix().toLower());
    if (index >= 0 && index != m_format->currentIndex()) m_format->setCurrentIndex(index);
    m_path->setText(path);
}

QString AnimationExportDialog::path() const { return m_path->text(); }

AnimationSettings AnimationExportDialog::settings() const {
    AnimationSettings settings;
    settings.width = m_width->value();
    settings.height = m_height->value();
    settings.fps = m_fps->value();
    settings.seconds = m_seconds->value();
    return settings;
}

void AnimationExportDialog::setSettings(const AnimationSettings& settings) {
    m_width->setValue(settings.width);
    m_height->setValue(settings.height);
    m_fps->setValue(settings.fps);
    m_seconds->setValue(settings.seconds);
    updateFrames();
}

bool AnimationExportDialog::exportNow(QString* error, bool* cancelled) {
    if (cancelled) *cancelled = false;
    const AnimationSettings chosen = settings();
    QProgressDialog progress("Writing " + QFileInfo(path()).fileName() + "…", "Cancel", 0, chosen.frameCount(), this);
    progress.setObjectName("animationProgress");
    progress.setWindowTitle("Export animation");
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);  // shown from the first frame on
    m_progress = &progress;
    QString message;
    const AnimationRenderer renderer(m_panels, PlotTheme::current());
    const AnimationRenderer::Outcome outcome =
        renderer.write(path(), chosen, [&progress](int done, int) {
            progress.setValue(done);  // lets the Cancel button through (a modal progress dialog)
            return !progress.wasCanceled();
        }, &message);
    m_progress = nullptr;
    if (outcome == AnimationRenderer::Outcome::Written) return true;
    if (outcome == AnimationRenderer::Outcome::Cancelled) {
        if (cancelled) *cancelled = true;
        return false;
    }
    if (error) *error = message;
    else QMessageBox::warning(this, "Shatter", message);
    return false;
}

}  // namespace shatter

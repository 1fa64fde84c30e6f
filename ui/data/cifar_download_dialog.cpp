#include "data/cifar_download_dialog.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "data/cifar_downloader.h"

namespace shatter {

CifarDownloadDialog::CifarDownloadDialog(QWidget* parent)
    : QDialog(parent),
      m_downloader(new CifarDownloader(this)),
      m_status(new QLabel),
      m_bar(new QProgressBar),
      m_button(new QPushButton("Cancel")) {
    setWindowTitle("Get CIFAR-10");
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_bar);
    layout->addWidget(m_button, 0, Qt::AlignRight);

    connect(m_button, &QPushButton::clicked, this, &CifarDownloadDialog::reject);
    connect(m_downloader, &CifarDownloader::progress, this, [this](qint64 received, qint64 total) {
        const QLocale locale;
        m_bar->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0) m_bar->setValue(int(1000 * received / total));
        m_status->setText(QString("Downloading CIFAR-10: %1 of %2")
                              .arg(locale.formattedDataSize(received),
                                   total > 0 ? locale.formattedDataSize(total) : QString("?")));
    });
    connect(m_downloader, &CifarDownloader::succeeded, this, [this](const QString& folder) {
        m_status->setText("CIFAR-10 is ready in " + folder);
        Q_EMIT folderReady(folder);
        accept();
    });
    connect(m_downloader, &CifarDownloader::failed, this, [this](const QString& message) {
        m_status->setText(message);
        m_bar->setRange(0, 1);
        m_bar->setValue(0);
        m_button->setText("Close");
    });
    connect(m_downloader, &CifarDownloader::cancelled, this, [this]() {
        m_status->setText("Cancelled; nothing was kept.");
        QDialog::reject();
    });
}

void CifarDownloadDialog::begin() {
    m_status->setText("Connecting to " + QUrl(CifarDownloader::kUrl).host() + "…");
    m_bar->setRange(0, 0);
    m_button->setText("Cancel");
    m_downloader->start();
}

QString CifarDownloadDialog::statusText() const { return m_status->text(); }

void CifarDownloadDialog::reject() {
    if (m_downloader->isRunning()) {
        m_downloader->cancel();  // closes through cancelled()
        return;
    }
    QDialog::reject();
}

}  // namespace shatter

#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace shatter {

class CifarDownloader;

// "Get CIFAR-10…": a progress bar and Cancel around CifarDownloader.
class CifarDownloadDialog : public QDialog {
    Q_OBJECT

public:
    explicit CifarDownloadDialog(QWidget* parent = nullptr);

    CifarDownloader* downloader() const { return m_downloader; }
    QString statusText() const;
    QPushButton* cancelButton() const { return m_button; }
    // Starts the download (call after setting the downloader up).
    void begin();

Q_SIGNALS:
    void folderReady(const QString& folder);

protected:
    void reject() override;

private:
    CifarDownloader* m_downloader;
    QLabel* m_status;
    QProgressBar* m_bar;
    QPushButton* m_button;
};

}  // namespace shatter

#pragma once

#include <memory>

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QSaveFile;

namespace shatter {

// Fetches the official CIFAR-10 binary archive, checks its published MD5, unpacks it and moves
// the cifar-10-batches-bin folder into the data folder in one rename. The archive is written to
// a temporary file next to it and unpacked into a temporary folder, so a failed, damaged or
// cancelled download leaves nothing half-written behind.
class CifarDownloader : public QObject {
    Q_OBJECT

public:
    static constexpr const char* kUrl = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    static constexpr const char* kMd5 = "c32a1d4ab5d03f1284b67883e8d87530";
    static constexpr const char* kFolderName = "cifar-10-batches-bin";

    explicit CifarDownloader(QObject* parent = nullptr);
    ~CifarDownloader() override;

    // $XDG_DATA_HOME/shatter/data
    static QString defaultDataFolder();

    void setUrl(const QUrl& url) { m_url = url; }
    void setExpectedMd5(const QByteArray& hex) { m_md5 = hex; }
    void setDataFolder(const QString& folder) { m_dataFolder = folder; }
    QString dataFolder() const { return m_dataFolder; }
    bool isRunning() const { return m_reply != nullptr; }

    void start();
    void cancel();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    // The folder that now holds data_batch_1.bin etc.
    void succeeded(const QString& folder);
    void failed(const QString& message);
    void cancelled();

private:
    void readChunk();
    void finish();
    void install();
    void cleanUp();

    QUrl m_url;
    QByteArray m_md5;
    QString m_dataFolder;
    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QSaveFile> m_file;
    QString m_archivePath;
    std::unique_ptr<QCryptographicHash> m_hash;
    bool m_cancelled = false;
};

}  // namespace shatter

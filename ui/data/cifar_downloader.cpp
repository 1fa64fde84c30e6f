#include "data/cifar_downloader.h"

#include <exception>
#include <stdexcept>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "data/archive_extractor.h"

namespace shatter {

CifarDownloader::CifarDownloader(QObject* parent)
    : QObject(parent),
      m_url(QString(kUrl)),
      m_md5(kMd5),
      m_dataFolder(defaultDataFolder()),
      m_network(new QNetworkAccessManager(this)) {}

CifarDownloader::~CifarDownloader() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    cleanUp();
}

QString CifarDownloader::defaultDataFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/shatter/data";
}

void CifarDownloader::start() {
    if (m_reply) return;
    m_cancelled = false;
    if (!QDir().mkpath(m_dataFolder)) {
        Q_EMIT failed("Cannot create the data folder " + m_dataFolder);
        return;
    }
    // QSaveFile writes to a temporary name and only appears under its own name on commit();
    // the committed archive is deleted once unpacked.
    m_archivePath = QDir(m_dataFolder).filePath("cifar-10-binary.tar.gz");
    m_file = std::make_unique<QSaveFile>(m_archivePath);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString message = "Cannot write into " + m_dataFolder + ": " + m_file->errorString();
        m_file.reset();
        Q_EMIT failed(message);
        return;
    }
    m_hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Md5);
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &CifarDownloader::readChunk);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &CifarDownloader::progress);
    connect(m_reply, &QNetworkReply::finished, this, &CifarDownloader::finish);
}

void CifarDownloader::cancel() {
    if (!m_reply) return;
    m_cancelled = true;
    m_reply->abort();  // finish() runs and cleans up
}

void CifarDownloader::readChunk() {
    if (!m_reply || !m_file) return;
    const QByteArray chunk = m_reply->readAll();
    m_hash->addData(chunk);
    if (m_file->write(chunk) != chunk.size()) {
        m_reply->abort();
    }
}

void CifarDownloader::finish() {
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply) return;
    reply->deleteLater();
    if (m_cancelled) {
        cleanUp();
        Q_EMIT cancelled();
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        const QString message = "Downloading " + m_url.toString() + " failed: " + reply->errorString();
        cleanUp();
        Q_EMIT failed(message);
        return;
    }
    readChunk();
    const QByteArray md5 = m_hash->result().toHex();
    if (md5 != m_md5.toLower()) {
        cleanUp();
        Q_EMIT failed(QString("The downloaded archive is damaged: its MD5 is %1, expected %2. "
                              "Nothing was kept; try again.")
                          .arg(QString::fromLatin1(md5), QString::fromLatin1(m_md5)));
        return;
    }
    if (!m_file->commit()) {
        const QString message = "Cannot save the archive in " + m_dataFolder + ": " + m_file->errorString();
        cleanUp();
        Q_EMIT failed(message);
        return;
    }
    m_file.reset();
    try {
        install();
    } catch (const std::exception& error) {
        cleanUp();
        Q_EMIT failed(QString::fromStdString(error.what()));
        return;
    }
    cleanUp();
    Q_EMIT succeeded(QDir(m_dataFolder).filePath(kFolderName));
}

void CifarDownloader::install() {
    QTemporaryDir unpacked(QDir(m_dataFolder).filePath(".cifar-unpack-XXXXXX"));
    if (!unpacked.isValid()) throw std::runtime_error("Cannot create a temporary folder in " + m_dataFolder.toStdString());
    ArchiveExtractor::extract(m_archivePath, unpacked.path());
    const QString fresh = QDir(unpacked.path()).filePath(kFolderName);
    if (!QFile::exists(QDir(fresh).filePath("data_batch_1.bin"))) {
        throw std::runtime_error(m_archivePath.toStdString() + ": no " + kFolderName +
                                 "/data_batch_1.bin inside; is this the CIFAR-10 binary archive?");
    }
    const QString target = QDir(m_dataFolder).filePath(kFolderName);
    const QString old = target + ".old";
    QDir(old).removeRecursively();
    if (QFileInfo::exists(target) && !QDir().rename(target, old)) {
        throw std::runtime_error("Cannot replace " + target.toStdString());
    }
    if (!QDir().rename(fresh, target)) {
        QDir().rename(old, target);
        throw std::runtime_error("Cannot move the unpacked data to " + target.toStdString());
    }
    QDir(old).removeRecursively();
}

void CifarDownloader::cleanUp() {
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();  // QSaveFile removes its temporary file
    }
    if (!m_archivePath.isEmpty()) QFile::remove(m_archivePath);
    m_hash.reset();
}

}  // namespace shatter

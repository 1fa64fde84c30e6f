// "Get CIFAR-10…" against a local HTTP server on 127.0.0.1 serving a small archive of the real
// layout: success, a wrong checksum, a server error and a cancelled download; the data folder
// never keeps a half-written file or folder.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "data/cifar_download_dialog.h"
#include "data/cifar_downloader.h"
#include "data/dataset_source.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

// Answers every GET with one fixed response, optionally trickled out in small pieces.
class LocalHttpServer : public QObject {
public:
    QByteArray body;
    int status = 200;
    bool slow = false;

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const {
        return QUrl(QString("http://127.0.0.1:%1/cifar-10-binary.tar.gz").arg(m_server.serverPort()));
    }

    LocalHttpServer() {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket]() {
                    if (!socket->readAll().contains("\r\n\r\n")) return;
                    respond(socket);
                });
            }
        });
    }

private:
    void respond(QTcpSocket* socket) {
        const QByteArray payload = status == 200 ? body : QByteArray("not found");
        socket->write(QString("HTTP/1.1 %1 %2\r\nContent-Type: application/gzip\r\n"
                              "Content-Length: %3\r\nConnection: close\r\n\r\n")
                          .arg(status)
                          .arg(status == 200 ? "OK" : "Not Found")
                          .arg(payload.size())
                          .toLatin1());
        if (!slow) {
            socket->write(payload);
            socket->disconnectFromHost();
            return;
        }
        auto* timer = new QTimer(socket);
        auto offset = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [socket, timer, offset, payload]() {
            socket->write(payload.mid(*offset, 2048));
            *offset += 2048;
            if (*offset >= payload.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(20);
    }

    QTcpServer m_server;
};

QStringList everythingUnder(const QString& folder) {
    QStringList paths;
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) paths << QDir(folder).relativeFilePath(it.next());
    paths.sort();
    return paths;
}

}  // namespace

class TestCifarDownloader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void downloadsChecksUnpacksAndLoads();
    void wrongChecksumLeavesNothing();
    void serverErrorLeavesNothing();
    void cancelLeavesNothing();
    void dialogShowsProgressAndReportsTheFolder();

private:
    QTemporaryDir m_work;
    QByteArray m_archive;
    QByteArray m_md5;
};

void TestCifarDownloader::initTestCase() {
    QVERIFY(m_work.isValid());
    // A CIFAR-10 folder of 50 training and 20 test images, packed like the official archive.
    const Dataset dataset = test::makeSyntheticDataset(5, 2, 10, 3, 32);
    const QString source = m_work.filePath("source");
    test::writeCifarFolder(source.toStdString(), dataset);
    QProcess tar;
    tar.setWorkingDirectory(source);
    tar.start("tar", {"czf", m_work.filePath("cifar-10-binary.tar.gz"), "cifar-10-batches-bin"});
    QVERIFY(tar.waitForFinished(20000));
    QCOMPARE(tar.exitCode(), 0);
    QFile file(m_work.filePath("cifar-10-binary.tar.gz"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_archive = file.readAll();
    m_md5 = QCryptographicHash::hash(m_archive, QCryptographicHash::Md5).toHex();
    QVERIFY(m_archive.size() > 1000);
}

void TestCifarDownloader::downloadsChecksUnpacksAndLoads() {
    LocalHttpServer server;
    server.body = m_archive;
    QVERIFY(server.listen());
    QTemporaryDir data;
    CifarDownloader downloader;
    downloader.setUrl(server.url());
    downloader.setExpectedMd5(m_md5);
    downloader.setDataFolder(data.path());
    QSignalSpy succeeded(&downloader, &CifarDownloader::succeeded);
    QSignalSpy failed(&downloader, &CifarDownloader::failed);
    QSignalSpy progress(&downloader, &CifarDownloader::progress);
    downloader.start();
    QTRY_VERIFY_WITH_TIMEOUT(!succeeded.isEmpty() || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(!progress.isEmpty());
    const QString folder = succeeded.first().first().toString();
    QCOMPARE(folder, data.filePath("cifar-10-batches-bin"));
    // Only the unpacked folder remains: no archive, no temporary files.
    for (const QString& path : everythingUnder(data.path())) {
        QVERIFY2(path.startsWith("cifar-10-batches-bin"), qPrintable(path));
    }
    const Dataset loaded = DatasetSource::parse("cifar10:" + folder.toStdString()).load();
    QCOMPARE(int(loaded.train.size()), 50);
    QCOMPARE(int(loaded.test.size()), 20);
}

void TestCifarDownloader::wrongChecksumLeavesNothing() {
    LocalHttpServer server;
    server.body = m_archive;
    QVERIFY(server.listen());
    QTemporaryDir data;
    CifarDownloader downloader;
    downloader.setUrl(server.url());
    downloader.setExpectedMd5(CifarDownloader::kMd5);  // the real archive's, which this is not
    downloader.setDataFolder(data.path());
    QSignalSpy failed(&downloader, &CifarDownloader::failed);
    downloader.start();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);
    QVERIFY(failed.first().first().toString().contains("MD5"));
    QCOMPARE(everythingUnder(data.path()), QStringList());
}

void TestCifarDownloader::serverErrorLeavesNothing() {
    LocalHttpServer server;
    server.status = 404;
    QVERIFY(server.listen());
    QTemporaryDir data;
    CifarDownloader downloader;
    downloader.setUrl(server.url());
    downloader.setExpectedMd5(m_md5);
    downloader.setDataFolder(data.path());
    QSignalSpy failed(&downloader, &CifarDownloader::failed);
    downloader.start();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);
    QCOMPARE(everythingUnder(data.path()), QStringList());
}

void TestCifarDownloader::cancelLeavesNothing() {
    LocalHttpServer server;
    server.body = m_archive;
    server.slow = true;
    QVERIFY(server.listen());
    QTemporaryDir data;
    CifarDownloader downloader;
    downloader.setUrl(server.url());
    downloader.setExpectedMd5(m_md5);
    downloader.setDataFolder(data.path());
    QSignalSpy progress(&downloader, &CifarDownloader::progress);
    QSignalSpy cancelled(&downloader, &CifarDownloader::cancelled);
    QSignalSpy succeeded(&downloader, &CifarDownloader::succeeded);
    downloader.start();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().first().toLongLong() > 0, 20000);
    downloader.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!cancelled.isEmpty(), 5000);
    QVERIFY(succeeded.isEmpty());
    QCOMPARE(everythingUnder(data.path()), QStringList());
}

void TestCifarDownloader::dialogShowsProgressAndReportsTheFolder() {
    LocalHttpServer server;
    server.body = m_archive;
    QVERIFY(server.listen());
    QTemporaryDir data;
    CifarDownloadDialog dialog;
    dialog.downloader()->setUrl(server.url());
    dialog.downloader()->setExpectedMd5(m_md5);
    dialog.downloader()->setDataFolder(data.path());
    QSignalSpy ready(&dialog, &CifarDownloadDialog::folderReady);
    dialog.show();
    dialog.begin();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
    QCOMPARE(ready.first().first().toString(), data.filePath("cifar-10-batches-bin"));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(TestCifarDownloader)
#include "test_cifar_downloader.moc"

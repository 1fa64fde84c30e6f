#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "shatter_error.h"
#include "util/atomic_file.h"

using namespace shatter;

// writeFileAtomically's promise: a reader sees the old file or the whole new one, and no
// temporary file stays behind.
class TestAtomicFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesTheWholeFile() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/examples.bin";
        std::string contents(3 * 1024 * 1024 + 17, '\0');
        for (std::size_t i = 0; i < contents.size(); ++i)
            contents[i] = static_cast<char>(i * 31 % 251);
        writeFileAtomically(path, contents);
        QCOMPARE(std::filesystem::file_size(path), contents.size());
        QVERIFY(readWholeFile(path) == contents);
    }

    void leavesNoTemporaryFile() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/summary.json";
        writeFileAtomically(path, "{}");
        writeFileAtomically(path, "{\"status\": \"finished\"}");
        QVERIFY(!std::filesystem::exists(path + ".tmp"));
        const auto entries =
            std::distance(std::filesystem::directory_iterator(dir.path().toStdString()),
                          std::filesystem::directory_iterator());
        QCOMPARE(int(entries), 1);
    }

    void replacesByRenameNotInPlace() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/summary.json";
        writeFileAtomically(path, "old contents");
        // A reader that opened the old file keeps reading the old file: the new one is a different
        // file renamed over it, never a partial rewrite of the one being read.
        std::ifstream reader(path);
        writeFileAtomically(path, "new");
        const std::string seen((std::istreambuf_iterator<char>(reader)),
                               std::istreambuf_iterator<char>());
        QCOMPARE(seen, std::string("old contents"));
        QCOMPARE(readWholeFile(path), std::string("new"));
    }

    void unwritableFolderNamesTheFile() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/missing-folder/summary.json";
        try {
            writeFileAtomically(path, "{}");
            QFAIL("no error");
        } catch (const RunStoreError& error) {
            QVERIFY2(QString(error.what()).contains("missing-folder/summary.json"), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(RunStoreError, readWholeFile(path));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"

// Every bad input a careless user can give shatter-cli ends with exit code 2 and a short message
// naming the file or the setting: nothing wrapped, no run folder left behind, no stack trace.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "data/cifar10_loader.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

namespace fs = std::filesystem;

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList& arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("SHATTER_CLI"), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void writeText(const QString& path, const std::string& text) {
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    out << text;
}

std::string readText(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Everything in a folder, hidden entries included.
QStringList entriesOf(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

// Exit 2, every expected fragment in the message, a message short enough for a terminal line
// or two, no LibTorch stack trace, and nothing written under `out`.
void expectRefused(const CliResult& r, const QStringList& fragments, const QString& out = {}) {
    QVERIFY2(r.exitCode == 2, qPrintable(QString("exit %1: %2").arg(r.exitCode).arg(r.err)));
    for (const QString& fragment : fragments) {
        QVERIFY2(r.err.contains(fragment), qPrintable("'" + fragment + "' not in: " + r.err));
    }
    QVERIFY2(r.err.size() < 400, qPrintable(r.err));
    QVERIFY2(!r.err.contains("frame #") && !r.err.contains("Exception raised from"), qPrintable(r.err));
    if (!out.isEmpty()) QVERIFY2(entriesOf(out).isEmpty(), qPrintable(entriesOf(out).join(", ")));
}

}  // namespace

class TestCliInputs : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    QString m_mnist;
    QString m_goodRun;

    // `run` with the small MNIST-format set and the given extra arguments, into a fresh folder.
    CliResult runWith(const QStringList& extra, const QString& out, const QString& dataset = {}) {
        QStringList arguments = {"run", "--out", out, "--dataset", dataset.isEmpty() ? "mnist:" + m_mnist : dataset};
        // One short epoch on one thread, unless the case is about those settings.
        const QString given = extra.join(' ');
        if (!given.contains("--epochs") && !given.contains("--config")) arguments += {"--epochs", "1"};
        if (!given.contains("--threads") && !given.contains("--config")) arguments += {"--threads", "1"};
        arguments += extra;
        return runCli(arguments);
    }

    QString configFile(const std::string& json) {
        static int counter = 0;
        const QString path = m_data.path() + QString("/config-%1.json").arg(++counter);
        writeText(path, json);
        return path;
    }

    // A copy of the good run folder, for one kind of damage.
    QString copyOfGoodRun(const QString& name) {
        const QString copy = m_data.path() + "/" + name;
        fs::copy(m_goodRun.toStdString(), copy.toStdString(), fs::copy_options::recursive);
        return copy;
    }

    // An MNIST-format folder whose training images are `rows` x `cols` (`count` of them).
    QString mnistWithTrainImages(const QString& name, int count, int rows, int cols) {
        const QString folder = m_data.path() + "/" + name;
        test::writeMnistFolder(folder.toStdString(), test::makeSyntheticDataset(2, 2, 10, 1, 28), false);
        std::vector<std::uint8_t> images = {0, 0, 8, 3};
        for (int value : {count, rows, cols}) {
            for (int shift : {24, 16, 8, 0}) images.push_back(static_cast<std::uint8_t>(value >> shift));
        }
        images.resize(images.size() + std::size_t(count) * std::size_t(rows) * std::size_t(cols), 7);
        test::writeBytes((folder + "/train-images-idx3-ubyte").toStdString(), images, false);
        std::vector<std::uint8_t> labels = {0, 0, 8, 1};
        for (int shift : {24, 16, 8, 0}) labels.push_back(static_cast<std::uint8_t>(count >> shift));
        for (int i = 0; i < count; ++i) labels.push_back(static_cast<std::uint8_t>(i % 10));
        test::writeBytes((folder + "/train-labels-idx1-ubyte").toStdString(), labels, false);
        return folder;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("SHATTER_CLI"), "SHATTER_CLI is not set (run through ctest)");
        m_mnist = m_data.path() + "/mnist";
        test::writeMnistFolder(m_mnist.toStdString(), test::makeSyntheticDataset(20, 5, 10, 1, 28), false);
        const CliResult r = runCli({"run", "--out", m_data.path() + "/runs", "--dataset", "mnist:" + m_mnist,
                                    "--epochs", "2", "--batch-size", "50", "--threads", "1"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_goodRun = r.out.trimmed();
    }

    void jsonIntegersDoNotWrap() {
        const struct {
            const char* json;
            const char* fragment;
        } cases[] = {
            {R"({"batch_size": 4294967297})", "batch_size 4294967297"},
            {R"({"batch_size": 10000000000})", "batch_size 10000000000"},
            {R"({"epochs": 4294967297})", "epochs 4294967297"},
            {R"({"epochs": 2.7})", "epochs 2.7"},
            {R"({"seed": -1})", "seed -1"},
            {R"({"threads": 1000})", "threads 1000"},
            {R"({"train_size": -5})", "train_size -5"},
            {R"({"epochs": "ten"})", "epochs"},
        };
        for (const auto& c : cases) {
            QTemporaryDir out;
            const QString config = configFile(c.json);
            const CliResult r = runWith({"--config", config}, out.path());
            expectRefused(r, {config, c.fragment, "whole number"}, out.path());
        }
    }

    void hugeAndOutOfRangeNumbersAreNamed() {
        QTemporaryDir out;
        QString config = configFile(R"({"lr": 1e309})");
        expectRefused(runWith({"--config", config}, out.path()), {config, "too large"}, out.path());

        config = configFile(R"({"lr": 1e308})");
        const CliResult r = runWith({"--config", config}, out.path());
        expectRefused(r, {config, "lr 1e+308", "less than 100"}, out.path());

        // Errors in a --config file name the file.
        config = configFile(R"({"momentum": 5})");
        expectRefused(runWith({"--config", config}, out.path()), {config, "momentum 5"}, out.path());
        config = configFile(R"({"model": "resnet"})");
        expectRefused(runWith({"--config", config}, out.path()), {config, "resnet"}, out.path());
    }

    void flagsGoThroughTheSameChecks() {
        QTemporaryDir out;
        expectRefused(runWith({"--batch-size", "1000000000"}, out.path()),
                      {"--batch-size", "batch_size 1000000000", "1000000"}, out.path());
        expectRefused(runWith({"--threads", "1000"}, out.path()), {"threads 1000"}, out.path());
        expectRefused(runWith({"--epochs", "4294967297"}, out.path()), {"--epochs", "epochs 4294967297"}, out.path());
        expectRefused(runWith({"--seed=-1"}, out.path()), {"--seed", "seed -1"}, out.path());
        expectRefused(runWith({"--lr", "1e308"}, out.path()), {"lr 1e+308"}, out.path());
        expectRefused(runWith({"--corruption", "everything"}, out.path()), {"--corruption", "everything"}, out.path());
    }

    void sizesMustFitTheData() {
        QTemporaryDir out;
        // 200 training and 50 test images.
        expectRefused(runWith({"--train-size", "100000"}, out.path()), {"train_size 100000", "200 training images"},
                      out.path());
        expectRefused(runWith({"--test-size", "51"}, out.path()), {"test_size 51", "50 test images"}, out.path());
        expectRefused(runWith({"--train-size", "20", "--batch-size", "64"}, out.path()),
                      {"batch_size 64", "20 training images"}, out.path());
    }

    void imagesOfTheWrongShapeAreRefusedBeforeTraining() {
        for (const auto& [rows, cols] : {std::pair{4, 4}, std::pair{20, 40}}) {
            QTemporaryDir out;
            const QString folder = mnistWithTrainImages(QString("shape-%1x%2").arg(rows).arg(cols), 20, rows, cols);
            expectRefused(runWith({}, out.path(), "mnist:" + folder),
                          {"train-images-idx3-ubyte", QString("%1x%2").arg(rows).arg(cols), "28x28"}, out.path());
        }
    }

    void anEmptySplitIsRefusedBeforeTraining() {
        QTemporaryDir out;
        const QString folder = mnistWithTrainImages("empty-train", 0, 28, 28);
        expectRefused(runWith({}, out.path(), "mnist:" + folder), {"train-images-idx3-ubyte", "no images"}, out.path());
    }

    void aCifarBatchCutOnARecordBoundaryIsRefused() {
        const QString folder = m_data.path() + "/cifar";
        test::writeCifarFolder(folder.toStdString(), test::makeSyntheticDataset(10, 2, 10, 3, 32));
        const QString batch = folder + "/cifar-10-batches-bin/data_batch_3.bin";
        std::string bytes = readText(batch);
        bytes.resize(bytes.size() - Cifar10Loader::kRecordBytes);
        writeText(batch, bytes);
        QTemporaryDir out;
        expectRefused(runWith({}, out.path(), "cifar10:" + folder), {"data_batch_3.bin", "cut short"}, out.path());
    }

    void aSymlinkLoopInAnImageFolderIsNamed() {
        const QString folder = m_data.path() + "/images";
        test::writeImageFolder(folder.toStdString(), test::makeSyntheticDataset(2, 1, 2, 1, 28));
        const fs::path loop = fs::path(folder.toStdString()) / "train" / "class0" / "loop.png";
        fs::create_symlink(loop, loop);
        QTemporaryDir out;
        const CliResult r = runWith({}, out.path(), "folder:" + folder);
        if (r.err.contains("unavailable in this build")) QSKIP("built without OpenCV");
        expectRefused(r, {"loop.png"}, out.path());
    }

    void malformedRunFoldersAreBadInputForShow() {
        QCOMPARE(runCli({"show", m_goodRun}).exitCode, 0);

        QString run = copyOfGoodRun("summary-array");
        writeText(run + "/summary.json", "[1,2]");
        expectRefused(runCli({"show", run}), {"summary.json", "JSON object"});

        run = copyOfGoodRun("metrics-empty");
        writeText(run + "/metrics.csv", "");
        expectRefused(runCli({"show", run}), {"metrics.csv", "empty"});

        run = copyOfGoodRun("half-row-after-summary");
        writeText(run + "/metrics.csv", readText(run + "/metrics.csv") + "3,0.5,0.");
        expectRefused(runCli({"show", run}), {"metrics.csv", "cut short"});

        run = copyOfGoodRun("rows-missing");
        std::string metrics = readText(run + "/metrics.csv");
        metrics.erase(metrics.rfind('\n', metrics.size() - 2) + 1);
        writeText(run + "/metrics.csv", metrics);
        expectRefused(runCli({"show", run}), {"metrics.csv", "1 epoch rows", "2 epochs"});

        run = copyOfGoodRun("epoch-huge");
        metrics = readText(run + "/metrics.csv");
        metrics.replace(metrics.find("\n1,") + 1, 1, "99999999999999");
        writeText(run + "/metrics.csv", metrics);
        expectRefused(runCli({"show", run}), {"metrics.csv", "99999999999999", "whole number"});

        run = copyOfGoodRun("unknown-model");
        std::string config = readText(run + "/config.json");
        config.replace(config.find("\"mlp-1x512\""), 11, "\"resnet-50\"");
        writeText(run + "/config.json", config);
        expectRefused(runCli({"show", run}), {"config.json", "resnet-50"});

        run = copyOfGoodRun("config-broken");
        writeText(run + "/config.json", "{\"epochs\": ");
        expectRefused(runCli({"show", run}), {"config.json", "not valid JSON"});

        expectRefused(runCli({"show", m_data.path()}), {"config.json", "missing"});
    }

    void runFoldersAreNotLeftBehindByAStopBeforeTraining() {
        // Ends "stopped" when a signal comes during start-up: the folder is complete or absent.
        QTemporaryDir out;
        QProcess process;
        process.start(qEnvironmentVariable("SHATTER_CLI"),
                      {"run", "--out", out.path(), "--dataset", "mnist:" + m_mnist, "--epochs", "50", "--threads", "1"});
        QVERIFY(process.waitForStarted());
        // As soon as it says it is loading the data, before any run folder exists.
        process.setReadChannel(QProcess::StandardError);
        QByteArray err;
        while (!err.contains("loading") && process.waitForReadyRead(30000)) err += process.readAllStandardError();
        QVERIFY2(err.contains("loading"), err.constData());
        process.terminate();
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit, "SIGTERM killed the process instead of stopping the run");
        QCOMPARE(process.exitCode(), 130);
        for (const QString& entry : entriesOf(out.path())) {
            QVERIFY2(!entry.startsWith('.'), qPrintable(entry));
            const QStringList files = entriesOf(out.path() + "/" + entry);
            QVERIFY2(files.contains("config.json") && files.contains("summary.json"), qPrintable(files.join(", ")));
            QVERIFY2(readText(out.path() + "/" + entry + "/summary.json").find("stopped") != std::string::npos,
                     "the run is not recorded as stopped");
        }
    }
};

QTEST_GUILESS_MAIN(TestCliInputs)
#include "test_cli_inputs.moc"

// The metric catalog: one entry per EpochMetrics member, and every entry written to
// metrics.csv and read back, so that a new metric is covered as soon as it is declared.
#include <QtTest>
#include <cmath>
#include <set>

#include "run/metric_column.h"
#include "run/metrics_csv.h"
#include "shatter_error.h"

using namespace shatter;

namespace {

// Converts to any member type: counts an aggregate's members by brace-initializing it.
struct AnyMember {
    template <typename T>
    operator T() const;
};

template <typename T, typename... Members>
constexpr std::size_t memberCount() {
    if constexpr (requires { T{Members{}..., AnyMember{}}; }) {
        return memberCount<T, Members..., AnyMember>();
    } else {
        return sizeof...(Members);
    }
}

// A value that survives metrics.csv's six significant digits exactly: 1.5, 2.5, ...
double distinctValue(std::size_t index) { return 1.5 + double(index); }

std::vector<EpochMetrics> roundTrip(const EpochMetrics& metrics) {
    return MetricsCsv::parse(MetricsCsv::header() + "\n" + MetricsCsv::formatRow(metrics) + "\n",
                             "metrics.csv");
}

}  // namespace

class TestMetricColumn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyEpochMetricHasExactlyOneColumn() {
        const std::vector<MetricColumn>& columns = MetricColumn::all();
        // "epoch" is the one member that is not a metric column.
        QCOMPARE(columns.size() + 1, memberCount<EpochMetrics>());
        std::set<std::string> keys;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            QVERIFY2(keys.insert(columns[i].key).second, columns[i].key.c_str());
            QVERIFY(columns[i].member);
            QVERIFY(!columns[i].title.empty() && !columns[i].unit.empty());
            QVERIFY(!columns[i].table.heading.empty() && !columns[i].table.format.empty());
            QVERIFY(columns[i].table.width >= int(columns[i].table.heading.size()));
            for (std::size_t j = 0; j < i; ++j) QVERIFY(columns[i].member != columns[j].member);
        }
    }

    void eachColumnReadsAndWritesItsOwnMember() {
        const std::vector<MetricColumn>& columns = MetricColumn::all();
        EpochMetrics metrics;
        for (std::size_t i = 0; i < columns.size(); ++i)
            columns[i].setValue(metrics, distinctValue(i));
        for (std::size_t i = 0; i < columns.size(); ++i)
            QCOMPARE(columns[i].value(metrics), distinctValue(i));
        QCOMPARE(MetricColumn::find("test_acc")->value(metrics), metrics.testAcc);
        QCOMPARE(MetricColumn::find("train_acc")->value(metrics), metrics.trainAcc);
        QCOMPARE(MetricColumn::find("gap")->value(metrics), metrics.gap);
        QVERIFY(!MetricColumn::find("nope"));
    }

    void plotValuesArePercentagesWhereTheMetricIsAFraction() {
        EpochMetrics metrics;
        metrics.testAcc = 0.25;
        metrics.trainLoss = 1.5;
        QCOMPARE(MetricColumn::find("test_acc")->plotValue(metrics), 25.0);
        QCOMPARE(MetricColumn::find("train_loss")->plotValue(metrics), 1.5);
        QVERIFY(std::isnan(MetricColumn::find("gap")->plotValue(metrics)));
    }

    void theCsvHeaderIsEpochThenEveryColumn() {
        std::string header = "epoch";
        for (const MetricColumn& column : MetricColumn::all()) header += "," + column.key;
        QCOMPARE(MetricsCsv::header(), header);
    }

    void everyColumnSurvivesACsvRoundTrip() {
        const std::vector<MetricColumn>& columns = MetricColumn::all();
        EpochMetrics metrics;
        metrics.epoch = 7;
        for (std::size_t i = 0; i < columns.size(); ++i)
            columns[i].setValue(metrics, distinctValue(i));
        const std::vector<EpochMetrics> parsed = roundTrip(metrics);
        QCOMPARE(int(parsed.size()), 1);
        QCOMPARE(parsed[0].epoch, 7);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            QVERIFY2(columns[i].value(parsed[0]) == distinctValue(i), columns[i].key.c_str());
        }
    }

    void aMissingValueOfAnyColumnComesBackMissing() {
        const std::vector<MetricColumn>& columns = MetricColumn::all();
        for (std::size_t missing = 0; missing < columns.size(); ++missing) {
            EpochMetrics metrics;
            metrics.epoch = 1;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                columns[i].setValue(metrics, i == missing ? NAN : distinctValue(i));
            }
            const std::vector<EpochMetrics> parsed = roundTrip(metrics);
            QCOMPARE(int(parsed.size()), 1);
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const double value = columns[i].value(parsed[0]);
                QVERIFY2(i == missing ? std::isnan(value) : value == distinctValue(i),
                         columns[i].key.c_str());
            }
        }
    }

    void aFileWrittenBeforeAColumnExistedStillReads() {
        // Columns are matched by name: a file without "gap" (as if gap had joined the catalog
        // later) and with its columns in another order reads, and its gap is missing.
        const std::string text =
            "epoch,test_acc,train_acc\n"
            "1,0.25,0.5\n";
        const std::vector<EpochMetrics> parsed = MetricsCsv::parse(text, "old.csv");
        QCOMPARE(int(parsed.size()), 1);
        QCOMPARE(parsed[0].trainAcc, 0.5);
        QCOMPARE(parsed[0].testAcc, 0.25);
        QVERIFY(std::isnan(parsed[0].gap));
    }

    void anUnknownOrRepeatedColumnIsAnErrorNamingTheFile() {
        for (const std::string header : {"epoch,train_acc,top9", "epoch,train_acc,train_acc", "train_acc,epoch"}) {
            try {
                MetricsCsv::parse(header + "\n", "runs/x/metrics.csv");
                QFAIL(header.c_str());
            } catch (const RunStoreError& error) {
                QVERIFY2(std::string(error.what()).find("runs/x/metrics.csv") == 0, error.what());
            }
        }
    }

    void csvFieldsKeepSixSignificantDigits() {
        EpochMetrics metrics;
        metrics.lr = 0.0123456789;
        metrics.samplesPerSecond = 1234567.0;
        QCOMPARE(MetricColumn::find("lr")->csvField(metrics), std::string("0.0123457"));
        QCOMPARE(MetricColumn::find("samples_per_second")->csvField(metrics),
                 std::string("1.23457e+06"));
        QCOMPARE(MetricColumn::find("gap")->csvField(metrics), std::string());
    }

    void showTableCellsUseTheColumnsFormat() {
        EpochMetrics metrics;
        metrics.lr = 0.0123456789;
        metrics.testAcc = 0.5;
        QCOMPARE(MetricColumn::find("lr")->tableText(metrics), std::string("0.01235"));
        QCOMPARE(MetricColumn::find("test_acc")->tableText(metrics), std::string("0.5000"));
        QCOMPARE(MetricColumn::find("gap")->tableText(metrics), std::string("-"));
    }
};

QTEST_GUILESS_MAIN(TestMetricColumn)
#include "test_metric_column.moc"

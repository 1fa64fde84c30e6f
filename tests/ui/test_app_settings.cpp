// The typed application settings: each round-trips, and each reads and writes the key earlier
// versions used, so settings saved before still load.
#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "common/app_settings.h"

using namespace shatter;

class TestAppSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultsWhenNothingIsSaved();
    void roundTrips();
    void keepsTheKeysOfEarlierVersions();

private:
    QTemporaryDir m_config;
};

void TestAppSettings::initTestCase() {
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName("ShatterTest");
    QCoreApplication::setApplicationName("ShatterSettingsTest");
    QSettings().clear();
}

void TestAppSettings::defaultsWhenNothingIsSaved() {
    QVERIFY(!AppSettings::windowGeometry.isSet());
    QVERIFY(AppSettings::windowGeometry.value().isEmpty());
    QCOMPARE(AppSettings::currentView.value(), 0);
    QCOMPARE(AppSettings::experimentConfig.value(), QString());
    QCOMPARE(AppSettings::extraRunFolders.value(), QStringList());
    QCOMPARE(AppSettings::compareMetric.value(), QString("train_acc"));
    QCOMPARE(AppSettings::compareOnlyDiffering.value(), false);
    QCOMPARE(AppSettings::presentationMode.value(), false);
    QCOMPARE(AppSettings::darkPlots.value(), false);
    QCOMPARE(AppSettings::datasetFolder("cifar10"), QString());
}

void TestAppSettings::roundTrips() {
    AppSettings::windowGeometry.setValue(QByteArray("\x01\x02geometry", 10));
    AppSettings::currentView.setValue(2);
    AppSettings::experimentConfig.setValue(R"({"epochs": 3})");
    AppSettings::experimentPreset.setValue("Classroom: random labels");
    AppSettings::extraRunFolders.setValue({"/a", "/b"});
    AppSettings::tickedRuns.setValue({"/a/run"});
    AppSettings::compareMetric.setValue("gap");
    AppSettings::compareOnlyDiffering.setValue(true);
    AppSettings::presentationMode.setValue(true);
    AppSettings::darkPlots.setValue(true);
    AppSettings::setDatasetFolder("cifar10", "/data/cifar");

    QVERIFY(AppSettings::windowGeometry.isSet());
    QCOMPARE(AppSettings::windowGeometry.value(), QByteArray("\x01\x02geometry", 10));
    QCOMPARE(AppSettings::currentView.value(), 2);
    QCOMPARE(AppSettings::experimentConfig.value(), QString(R"({"epochs": 3})"));
    QCOMPARE(AppSettings::experimentPreset.value(), QString("Classroom: random labels"));
    QCOMPARE(AppSettings::extraRunFolders.value(), (QStringList{"/a", "/b"}));
    QCOMPARE(AppSettings::tickedRuns.value(), QStringList{"/a/run"});
    QCOMPARE(AppSettings::compareMetric.value(), QString("gap"));
    QCOMPARE(AppSettings::compareOnlyDiffering.value(), true);
    QCOMPARE(AppSettings::presentationMode.value(), true);
    QCOMPARE(AppSettings::darkPlots.value(), true);
    QCOMPARE(AppSettings::datasetFolder("cifar10"), QString("/data/cifar"));
    QCOMPARE(AppSettings::datasetFolder("image-folder"), QString());

    AppSettings::tickedRuns.clear();
    QVERIFY(!AppSettings::tickedRuns.isSet());
}

void TestAppSettings::keepsTheKeysOfEarlierVersions() {
    QSettings settings;
    settings.setValue("window/view", 1);
    settings.setValue("experiment/preset", "Figure 1a");
    settings.setValue("library/folders", QStringList{"/server"});
    // A one-folder list reads back from the file as a plain string.
    settings.setValue("library/ticked", QString("/server/run"));
    settings.setValue("compare/metric", "test_loss");
    settings.setValue("compare/onlyDiffering", false);
    settings.setValue("appearance/presentation", false);
    settings.setValue("appearance/dark", false);
    settings.setValue("folders/image-folder", "/pictures");
    settings.sync();
    QCOMPARE(AppSettings::currentView.value(), 1);
    QCOMPARE(AppSettings::experimentPreset.value(), QString("Figure 1a"));
    QCOMPARE(AppSettings::extraRunFolders.value(), QStringList{"/server"});
    QCOMPARE(AppSettings::tickedRuns.value(), QStringList{"/server/run"});
    QCOMPARE(AppSettings::compareMetric.value(), QString("test_loss"));
    QCOMPARE(AppSettings::compareOnlyDiffering.value(), false);
    QCOMPARE(AppSettings::presentationMode.value(), false);
    QCOMPARE(AppSettings::datasetFolder("image-folder"), QString("/pictures"));

    AppSettings::windowGeometry.setValue("geometry");
    AppSettings::experimentConfig.setValue("{}");
    AppSettings::darkPlots.setValue(true);
    QCOMPARE(settings.value("window/geometry").toByteArray(), QByteArray("geometry"));
    QCOMPARE(settings.value("experiment/config").toString(), QString("{}"));
    QCOMPARE(settings.value("appearance/dark").toBool(), true);
    QCOMPARE(QString(AppSettings::extraRunFolders.key()), QString("library/folders"));
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "test_app_settings.moc"

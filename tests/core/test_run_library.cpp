// The run library: scanning run folders (complete, incomplete, malformed, inside sweeps, under
// several roots), renaming, deleting into the trash and back, settings that differ, names told apart, colour slots.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "run/run_colour_slots.h"
#include "run/run_library.h"
#include "run/run_naming.h"
#include "run/run_reader.h"
#include "run/settings_diff.h"
#include "shatter_error.h"
#include "support/run_fixtures.h"

using namespace shatter;
namespace fs = std::filesystem;

namespace {

RunConfig labelsConfig(double level) {
    RunConfig config;
    config.dataset = "fashion-mnist";
    config.trainSize = 200;
    config.corruption = level > 0 ? CorruptionMode::Labels : CorruptionMode::None;
    config.level = level > 0 ? level : 1.0;
    config.epochs = 5;
    config.learningRate = 0.01;
    return config;
}

const RunEntry* findEntry(const std::vector<RunEntry>& entries, const std::string& folder) {
    for (const RunEntry& entry : entries) {
        if (entry.folderName == folder) return &entry;
    }
    return nullptr;
}

void appendText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app) << text;
}

}  // namespace

class TestRunLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scansCompleteIncompleteMalformedAndSweepFolders() {
        QTemporaryDir root;
        const std::string r = root.path().toStdString();
        test::writeRunFolder(r + "/20260101-100000-true", labelsConfig(0), 5, 1.0, 0.85, "finished",
                             "2026-01-01T10:00:00Z");
        // Killed mid-run: no summary.json, the last metrics line cut short.
        const std::string cut =
            test::writeRunFolder(r + "/20260101-110000-cut", labelsConfig(1.0), 4, 0.5, 0.1,
                                 std::nullopt, "2026-01-01T11:00:00Z");
        appendText(cut + "/metrics.csv", "5,1.2,0.6");
        // A config.json that is not JSON.
        fs::create_directories(r + "/20260101-120000-broken");
        std::ofstream(r + "/20260101-120000-broken/config.json") << "{ \"model\": ";
        std::ofstream(r + "/20260101-120000-broken/metrics.csv") << "epoch\n";
        // A sweep folder: sweep.json beside run folders.
        test::writeRunFolder(r + "/sweep-levels/labels-40", labelsConfig(0.4), 5, 1.0, 0.5,
                             "finished", "2026-01-02T09:00:00Z");
        test::writeRunFolder(r + "/sweep-levels/labels-80", labelsConfig(0.8), 5, 0.9, 0.2,
                             "stopped", "2026-01-02T09:10:00Z");
        std::ofstream(r + "/sweep-levels/sweep.json") << "{}";
        // Neither run nor sweep: ignored. Hidden folders (the trash) too.
        fs::create_directories(r + "/notes/empty");
        test::writeRunFolder(r + "/.trash/x/old", labelsConfig(0), 2, 0.5, 0.5, "finished",
                             "2025-01-01T00:00:00Z");

        const std::vector<RunEntry> entries = RunLibrary::scan({r, r + "/does-not-exist"});
        QCOMPARE(int(entries.size()), 5);
        // Newest first, runs without a start time last.
        QCOMPARE(entries[0].folderName, std::string("labels-80"));
        QCOMPARE(entries[1].folderName, std::string("labels-40"));
        QCOMPARE(entries.back().folderName, std::string("20260101-120000-broken"));

        const RunEntry* done = findEntry(entries, "20260101-100000-true");
        QVERIFY(done && done->readable);
        QCOMPARE(toString(done->status()), std::string("finished"));
        QCOMPARE(done->displayName, std::string("true"));  // the time stamp is in startedAt
        QCOMPARE(done->epochCount(), 5);
        QCOMPARE(int(done->record.epochs.size()), 5);
        QCOMPARE(done->summary().trainAcc, 1.0);
        QCOMPARE(done->summary().testAcc, 0.85);
        QVERIFY(std::abs(done->summary().gap - 0.15) < 1e-9);
        QCOMPARE(done->summary().epochsToFit.value_or(-1), 5);
        QCOMPARE(done->record.info.startedAt, std::string("2026-01-01T10:00:00Z"));
        QCOMPARE(done->root, r);
        QVERIFY(done->sweep.empty());
        QVERIFY2(done->settings.find("mlp-1x512") != std::string::npos, done->settings.c_str());
        QVERIFY2(done->settings.find("true labels") != std::string::npos, done->settings.c_str());

        const RunEntry* incomplete = findEntry(entries, "20260101-110000-cut");
        QVERIFY(incomplete && incomplete->readable);
        QCOMPARE(toString(incomplete->status()), std::string("incomplete"));
        QCOMPARE(incomplete->epochCount(), 4);  // the cut line is not an epoch
        QCOMPARE(incomplete->summary().trainAcc, 0.5);
        QVERIFY(!incomplete->summary().epochsToFit);
        QVERIFY(incomplete->settings.find("labels 100%") != std::string::npos);

        const RunEntry* broken = findEntry(entries, "20260101-120000-broken");
        QVERIFY(broken && !broken->readable);
        QVERIFY(!broken->readable);
        QVERIFY2(broken->error.find("config.json") != std::string::npos, broken->error.c_str());
        QVERIFY(std::isnan(broken->summary().trainAcc));

        const RunEntry* swept = findEntry(entries, "labels-80");
        QVERIFY(swept && swept->readable);
        QCOMPARE(swept->sweep, std::string("sweep-levels"));
        QCOMPARE(toString(swept->status()), std::string("stopped"));
        QCOMPARE(swept->root, r);

        // A single run folder, or a sweep folder, works as a root too; duplicates are listed once.
        const std::vector<RunEntry> single =
            RunLibrary::scan({r + "/20260101-100000-true", r + "/sweep-levels", r});
        QCOMPARE(int(single.size()), 5);
        const RunEntry* alone = findEntry(single, "20260101-100000-true");
        QCOMPARE(alone->root, r + "/20260101-100000-true");
        QCOMPARE(int(RunLibrary::scan({r + "/sweep-levels"}).size()), 2);
        QVERIFY(RunLibrary::scan({}).empty());
    }

    void malformedMetricsIsUnreadableAndTheScanGoesOn() {
        QTemporaryDir root;
        const std::string r = root.path().toStdString();
        const std::string bad =
            test::writeRunFolder(r + "/a-bad", labelsConfig(0), 3, 1, 0.8, "finished", "");
        appendText(bad + "/metrics.csv", "4,x,y\n");
        test::writeRunFolder(r + "/b-good", labelsConfig(0), 3, 1, 0.8, "finished", "");
        fs::create_directories(r + "/c-no-config");
        std::ofstream(r + "/c-no-config/metrics.csv") << "";
        const std::vector<RunEntry> entries = RunLibrary::scan({r});
        QCOMPARE(int(entries.size()), 3);
        QVERIFY(!findEntry(entries, "a-bad")->readable);
        QVERIFY(findEntry(entries, "a-bad")->error.find("metrics.csv") != std::string::npos);
        QCOMPARE(toString(findEntry(entries, "b-good")->status()), std::string("finished"));
        QVERIFY(!findEntry(entries, "c-no-config")->readable);
        QVERIFY(findEntry(entries, "c-no-config")->error.find("missing") != std::string::npos);
    }

    void renameKeepsTheFolderAndEverySetting() {
        QTemporaryDir root;
        const std::string dir = test::writeRunFolder(root.path().toStdString() + "/20260101-run",
                                                     labelsConfig(0.4), 5, 1, 0.5, "finished", "t");
        RunLibrary::rename(dir, "labels 40%, second try");
        QVERIFY(fs::is_directory(dir));
        QVERIFY(!fs::exists(dir + "/config.json.tmp"));
        const RunRecord record = RunReader::load(dir);
        QCOMPARE(record.config.name, std::string("labels 40%, second try"));
        QCOMPARE(record.config.level, 0.4);
        QCOMPARE(record.info.startedAt, std::string("t"));
        QCOMPARE(RunLibrary::read(dir).displayName, std::string("labels 40%, second try"));
        RunLibrary::rename(dir, "");  // back to the folder name
        QCOMPARE(RunLibrary::read(dir).displayName, std::string("20260101-run"));

        std::ofstream(dir + "/config.json") << "[1, 2";
        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunLibrary::rename(dir, "x"));
        std::ofstream(dir + "/config.json") << "{\"lr\": 1e999}";  // beyond any double
        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunLibrary::rename(dir, "x"));
    }

    void deleteMovesIntoTheTrashAndUndoRestores() {
        QTemporaryDir root;
        const std::string r = root.path().toStdString();
        const std::string a =
            test::writeRunFolder(r + "/run-a", labelsConfig(0), 3, 1, 0.8, "finished", "1");
        const std::string b =
            test::writeRunFolder(r + "/sweep/run-b", labelsConfig(0.2), 3, 1, 0.7, "finished", "2");
        std::ofstream(r + "/sweep/sweep.json") << "{}";
        QCOMPARE(int(RunLibrary::scan({r}).size()), 2);

        const RunLibrary::TrashedRun trashedA = RunLibrary::moveToTrash(r, a);
        QVERIFY(!fs::exists(a));
        QVERIFY(fs::exists(trashedA.trashDirectory + "/metrics.csv"));
        QVERIFY(trashedA.trashDirectory.find(r + "/.trash/") == 0);
        const RunLibrary::TrashedRun trashedB = RunLibrary::moveToTrash(r, b);
        QVERIFY(!fs::exists(b));
        QCOMPARE(int(RunLibrary::scan({r}).size()), 0);

        // The trash remembers where each run was, in the order they were deleted.
        const std::vector<RunLibrary::TrashedRun> trash = RunLibrary::trash(r);
        QCOMPARE(int(trash.size()), 2);
        QCOMPARE(trash[0].originalDirectory, a);
        QCOMPARE(trash[1].originalDirectory, b);
        QCOMPARE(trash[1].trashDirectory, trashedB.trashDirectory);

        // Undo puts the run back as it was, also inside its sweep folder.
        RunLibrary::restore(trash[1]);
        QVERIFY(fs::exists(b + "/config.json"));
        QCOMPARE(toString(RunLibrary::read(b).status()), std::string("finished"));
        QCOMPARE(int(RunLibrary::trash(r).size()), 1);
        QCOMPARE(int(RunLibrary::scan({r}).size()), 1);
        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunLibrary::restore(trashedB));  // already back

        // A run folder at the same place again blocks the restore rather than being overwritten.
        test::writeRunFolder(a, labelsConfig(0), 1, 0.2, 0.1, "stopped", "3");
        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunLibrary::restore(trashedA));
        QCOMPARE(RunLibrary::read(a).epochCount(), 1);

        // Emptying the trash is the only step that removes files.
        RunLibrary::emptyTrash(r);
        QVERIFY(!fs::exists(r + "/.trash"));
        QVERIFY(RunLibrary::trash(r).empty());
        QCOMPARE(int(RunLibrary::scan({r}).size()), 2);

        // Outside the root, or the root itself: refused.
        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunLibrary::moveToTrash(r, r));
        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunLibrary::moveToTrash(r + "/sweep", a));
    }

    void differingSettings() {
        RunConfig a = labelsConfig(0.4);
        RunConfig b = labelsConfig(0.8);
        b.name = "other name";  // not a setting
        QCOMPARE(SettingsDiff::differing({a, b}), std::vector<std::string>{"level"});
        b.model = "mlp-3x512";
        b.seed = 7;
        QCOMPARE(SettingsDiff::differing({a, b}),
                 (std::vector<std::string>{"model", "level", "seed"}));
        QVERIFY(SettingsDiff::differing({a}).empty());
        QVERIFY(SettingsDiff::differing({a, a, a}).empty());
        // The learning rate compares as used: the MLP's default equals 0.01 typed in.
        RunConfig c = a;
        c.learningRate.reset();
        QVERIFY(SettingsDiff::differing({a, c}).empty());
        QCOMPARE(SettingsDiff::value(c, "lr"), std::string("0.01"));
        QCOMPARE(SettingsDiff::value(a, "train_size"), std::string("200"));
        QCOMPARE(SettingsDiff::value(a, "test_size"), std::string("all"));
        QCOMPARE(SettingsDiff::value(a, "corruption"), std::string("labels"));
        QCOMPARE(SettingsDiff::value(a, "random_crop"), std::string("no"));
        // The level means nothing for true labels.
        RunConfig t = labelsConfig(0);
        RunConfig t2 = t;
        t2.level = 0.3;
        QVERIFY(SettingsDiff::differing({t, t2}).empty());
        QCOMPARE(SettingsDiff::differing({t, a}),
                 (std::vector<std::string>{"corruption", "level"}));
        for (const std::string& key : SettingsDiff::keys()) QVERIFY(a.toJson().contains(key));
    }

    // Three runs of the same default name used to be listed as three "mlp-1x512-labels-100".
    void runsOfOneNameAreToldApart() {
        QTemporaryDir root;
        const std::string r = root.path().toStdString();
        RunConfig config = labelsConfig(1.0);
        // Two with the same settings, one with another seed; all the same default name.
        test::writeRunFolder(r + "/20260101-100000-mlp-1x512-labels-100", config, 5, 1.0, 0.1,
                             "finished", "2026-01-01T10:00:00Z");
        test::writeRunFolder(r + "/20260101-110000-mlp-1x512-labels-100", config, 5, 1.0, 0.1,
                             "finished", "2026-01-01T11:00:00Z");
        config.seed = 7;
        test::writeRunFolder(r + "/20260101-120000-mlp-1x512-labels-100", config, 5, 1.0, 0.1,
                             "finished", "2026-01-01T12:00:00Z");
        test::writeRunFolder(r + "/20260101-130000-mlp-1x512-none", labelsConfig(0), 5, 1.0, 0.8,
                             "finished", "2026-01-01T13:00:00Z");
        const std::vector<RunEntry> entries = RunLibrary::scan({r});
        QCOMPARE(entries.size(), std::size_t(4));
        std::set<std::string> names;
        for (const RunEntry& entry : entries) names.insert(entry.displayName);
        QCOMPARE(names.size(), entries.size());
        // The plain name stays in front, what differs follows; the first run keeps it unnumbered.
        const std::string base = "mlp-1x512-labels-100";
        const std::string seed0 = base + " · seed " + std::to_string(RunConfig().seed);
        QCOMPARE(findEntry(entries, "20260101-100000-" + base)->displayName, seed0);
        QCOMPARE(findEntry(entries, "20260101-110000-" + base)->displayName, seed0 + " #2");
        QCOMPARE(findEntry(entries, "20260101-120000-" + base)->displayName, base + " · seed 7");
        QCOMPARE(findEntry(entries, "20260101-120000-" + base)->ownName, base);
        // A name of its own is not touched.
        QCOMPARE(findEntry(entries, "20260101-130000-mlp-1x512-none")->displayName,
                 std::string("mlp-1x512-none"));
    }

    void namingIsIdempotentAndNumbersHandMadeClashes() {
        std::vector<RunEntry> entries(3);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            entries[i].directory = "/runs/" + std::to_string(i);
            entries[i].displayName = "demo";
            entries[i].record.info.startedAt = "2026-01-0" + std::to_string(i + 1) + "T00:00:00Z";
        }
        entries[2].displayName = "demo #2";  // named so by hand
        RunNaming::distinguish(entries);
        RunNaming::distinguish(entries);  // a second pass changes nothing
        std::set<std::string> names;
        for (const RunEntry& entry : entries) names.insert(entry.displayName);
        QCOMPARE(names.size(), std::size_t(3));
        QCOMPARE(entries[0].displayName, std::string("demo"));
        QCOMPARE(RunNaming::settingLabel(RunConfig(), "train_size"), std::string("all images"));
    }

    // Four runs used to share one light blue: colours came from a hash of the folder name.
    void colourSlotsNeverRepeatAndStayPut() {
        constexpr int colours = 7;
        RunColourSlots slots(colours);
        std::vector<std::string> keys;
        for (int i = 0; i < 5 * colours; ++i) keys.push_back("/runs/run-" + std::to_string(i));
        slots.assign(keys);
        std::set<std::pair<int, int>> looks;
        for (const std::string& key : keys) {
            const int slot = slots.slot(key);
            QVERIFY(slot >= 0);
            looks.insert({slots.colourOf(slot), slots.styleOf(slot)});
        }
        QCOMPARE(looks.size(), keys.size());  // no (colour, line style) twice
        // The first runs get the palette's colours, all solid.
        std::set<int> first;
        for (int i = 0; i < colours; ++i) {
            QCOMPARE(slots.styleOf(slots.slot(keys[std::size_t(i)])), 0);
            first.insert(slots.colourOf(slots.slot(keys[std::size_t(i)])));
        }
        QCOMPARE(int(first.size()), colours);

        // A run keeps its slot while listed; a new run takes the lowest free one.
        const int kept = slots.slot(keys[3]);
        slots.assign({keys[3], "/runs/new"});
        QCOMPARE(slots.slot(keys[3]), kept);
        QCOMPARE(slots.slot("/runs/new"), 0);
        QCOMPARE(slots.slot(keys[0]), -1);
    }
};

QTEST_GUILESS_MAIN(TestRunLibrary)
#include "test_run_library.moc"

// Lecture files (core/lecture): the built-in lecture, what a broken file says, and how a step
// finds its run in the library (core/run/run_matcher); the window shows that run through its replay.
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <string>

#include "lecture/lecture_file.h"
#include "run/run_library.h"
#include "run/run_matcher.h"
#include "shatter_error.h"
#include "sweep/sweep_matcher.h"
#include "sweep/sweep_record.h"
#include "support/run_fixtures.h"
#include "util/json_locator.h"

using namespace shatter;

namespace {

// The error message parse() throws for `text`; empty when it parses.
std::string parseError(const std::string& text) {
    try {
        LectureFile::parse(text, "talk.json");
    } catch (const ConfigError& error) {
        return error.what();
    }
    return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A lecture with one good step first and `step` second, one key per line.
std::string withSecondStep(const std::string& step) {
    return "{\n"
           "  \"title\": \"Test lecture\",\n"
           "  \"settings\": {\"train_size\": 100, \"epochs\": 3},\n"
           "  \"steps\": [\n"
           "    {\"title\": \"First\", \"caption\": \"c\"},\n" +
           step +
           "\n  ]\n"
           "}\n";
}

RunConfig tiny(CorruptionMode mode, double level) {
    RunConfig config;
    config.trainSize = 100;
    config.testSize = 50;
    config.epochs = 3;
    config.corruption = mode;
    config.level = level;
    return config;
}

}  // namespace

class TestLecture : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInLectureParsesAndEveryStepValidates();
    void stepsMergeSettingsOverTheLecturesAndShowOneThing();
    void syntaxErrorNamesFileLineAndColumn();
    void unknownKeysAreErrorsWithTheirLine();
    void missingTitleAndBadValuesNameFileStepAndKey();
    void locatorFindsKeysAndElements();
    void sameSettingsMatchButOneDifferingSettingDoesNot();
    void onlyFinishedTrainingRunsStandForASetting();
    void aCancelledSweepOfTheSamePointsIsResumed();
};

void TestLecture::builtInLectureParsesAndEveryStepValidates() {
    const std::string path = std::string(SHATTER_LECTURES_DIR) + "/01-paper-in-five-steps.json";
    const Lecture lecture = LectureFile::load(path);
    QCOMPARE(lecture.title, std::string("The paper in five steps"));
    QCOMPARE(lecture.steps.size(), std::size_t(5));
    using Kind = LectureStep::Kind;
    QCOMPARE(lecture.steps[0].kind, Kind::Run);
    QCOMPARE(lecture.steps[1].kind, Kind::Run);
    QCOMPARE(lecture.steps[2].kind, Kind::Runs);
    QCOMPARE(lecture.steps[3].kind, Kind::Sweep);
    QCOMPARE(lecture.steps[4].kind, Kind::Theory);
    for (const LectureStep& step : lecture.steps) {
        QVERIFY(!step.title.empty());
        QVERIFY(!step.caption.empty());
        QVERIFY(!step.lookAt.empty());
        for (const RunConfig& config : step.trainedRuns()) {
            config.validate();
            // Small enough to train live on a laptop.
            QCOMPARE(config.dataset, std::string("fashion-mnist"));
            QVERIFY(config.trainSize > 0 && config.trainSize <= 5000);
        }
    }
    QCOMPARE(lecture.steps[0].runs[0].corruption, CorruptionMode::None);
    QCOMPARE(lecture.steps[1].runs[0].corruption, CorruptionMode::Labels);
    QCOMPARE(lecture.steps[1].runs[0].level, 1.0);
    QCOMPARE(lecture.steps[2].runs.size(), std::size_t(3));
    QCOMPARE(lecture.steps[3].trainedRuns().size(), std::size_t(6));  // baseline + 5 levels
    QVERIFY(lecture.pace.has_value());
    QCOMPARE(lecture.pace->key(), std::string("30s"));
    // The true-labels and random-labels steps are the sweep's end points: one run serves both.
    QVERIFY(RunMatcher::find(lecture.steps[0].runs[0], {}) == nullptr);
    bool baselineShared = false;
    for (const RunConfig& point : lecture.steps[3].trainedRuns())
        baselineShared = baselineShared || RunMatcher::sameRun(point, lecture.steps[0].runs[0]);
    QVERIFY(baselineShared);
}

void TestLecture::stepsMergeSettingsOverTheLecturesAndShowOneThing() {
    const Lecture lecture = LectureFile::parse(withSecondStep(
                                                   "    {\"title\": \"Several\", \"caption\": \"c\", \"look_at\": \"l\",\n"
                                                   "     \"pace\": \"2/s\", \"settings\": {\"seed\": 7},\n"
                                                   "     \"runs\": [{\"corruption\": \"labels\"}, {\"corruption\": \"gaussian\", \"epochs\": 5}]}"),
                                               "talk.json");
    QCOMPARE(lecture.steps.size(), std::size_t(2));
    QCOMPARE(lecture.steps[0].runs[0].trainSize, 100);
    QCOMPARE(lecture.steps[0].runs[0].epochs, 3);
    QVERIFY(!lecture.paceOf(0).has_value());
    const LectureStep& step = lecture.steps[1];
    QCOMPARE(step.runs.size(), std::size_t(2));
    QCOMPARE(step.runs[0].seed, std::uint64_t(7));
    QCOMPARE(step.runs[0].trainSize, 100);
    QCOMPARE(step.runs[0].corruption, CorruptionMode::Labels);
    QCOMPARE(step.runs[1].epochs, 5);
    QCOMPARE(lecture.paceOf(1)->key(), std::string("2/s"));

    const std::string both = parseError(withSecondStep(
        "    {\"title\": \"Both\", \"caption\": \"c\", \"runs\": [{}], \"theory\": \"expressivity\"}"));
    QVERIFY2(contains(both, "step 2 \"Both\"") && contains(both, "not several"), both.c_str());
}

void TestLecture::syntaxErrorNamesFileLineAndColumn() {
    // A missing comma after line 3's value: found at the end of the next token.
    const std::string message = parseError("{\n  \"title\": \"x\",\n  \"steps\": []\n  \"more\": 1\n}\n");
    QVERIFY2(contains(message, "talk.json, line 4, column 8"), message.c_str());
    const std::string stray = parseError("{\n  \"title\": \"x\",\n  \"steps\": [,]\n}\n");
    QVERIFY2(contains(stray, "talk.json, line 3, column 13"), stray.c_str());
    QVERIFY2(contains(message, "not valid JSON"), message.c_str());
    QVERIFY2(!contains(message, "json.exception"), message.c_str());
    // Cut off in the middle.
    const std::string cut = parseError("{\n  \"title\": \"x\",\n  \"steps\": [\n");
    QVERIFY2(contains(cut, "talk.json, line 4"), cut.c_str());
    // A file that cannot be read names itself.
    try {
        LectureFile::load("/no/such/lecture.json");
        QFAIL("a missing file loaded");
    } catch (const ConfigError& error) {
        QVERIFY(contains(error.what(), "/no/such/lecture.json"));
    }
}

void TestLecture::unknownKeysAreErrorsWithTheirLine() {
    const std::string lecture = parseError("{\n  \"title\": \"x\",\n  \"stpes\": []\n}\n");
    QVERIFY2(contains(lecture, "talk.json, line 3") && contains(lecture, "unknown key 'stpes'"), lecture.c_str());

    const std::string step = parseError(withSecondStep("    {\"title\": \"Second\", \"caption\": \"c\",\n     \"lookat\": \"x\"}"));
    QVERIFY2(contains(step, "talk.json, line 7: step 2 \"Second\"") && contains(step, "unknown key 'lookat'"),
             step.c_str());

    const std::string setting = parseError(withSecondStep(
        "    {\"title\": \"Second\", \"caption\": \"c\",\n     \"settings\": {\"epochs\": 3,\n       \"learning_rate\": 0.1}}"));
    QVERIFY2(contains(setting, "talk.json, line 8: step 2 \"Second\"") &&
                 contains(setting, "unknown setting 'learning_rate'"),
             setting.c_str());
    // A preset's informational keys are no settings here.
    const std::string pace = parseError(withSecondStep(
        "    {\"title\": \"Second\", \"caption\": \"c\", \"settings\": {\"title\": \"t\"}}"));
    QVERIFY2(contains(pace, "unknown setting 'title'"), pace.c_str());

    const std::string sweep = parseError(withSecondStep(
        "    {\"title\": \"Sweep\", \"caption\": \"c\",\n     \"sweep\": {\"modes\": [\"labels\"], \"levels\": [0, 1], \"points\": 3}}"));
    QVERIFY2(contains(sweep, "line 7: step 2 \"Sweep\"") && contains(sweep, "unknown key 'points'"), sweep.c_str());
}

void TestLecture::missingTitleAndBadValuesNameFileStepAndKey() {
    const std::string noTitle = parseError(withSecondStep("    {\"caption\": \"c\"}"));
    QVERIFY2(contains(noTitle, "talk.json, line 6: step 2") && contains(noTitle, "needs a \"title\""),
             noTitle.c_str());
    const std::string noCaption = parseError(withSecondStep("    {\"title\": \"Quiet\"}"));
    QVERIFY2(contains(noCaption, "step 2 \"Quiet\"") && contains(noCaption, "caption"), noCaption.c_str());
    const std::string noLectureTitle = parseError("{\"steps\": [{\"title\": \"a\", \"caption\": \"b\"}]}");
    QVERIFY2(contains(noLectureTitle, "talk.json") && contains(noLectureTitle, "title"), noLectureTitle.c_str());
    const std::string noSteps = parseError("{\"title\": \"x\", \"steps\": []}");
    QVERIFY2(contains(noSteps, "steps"), noSteps.c_str());

    const std::string badLr = parseError(withSecondStep(
        "    {\"title\": \"Hot\", \"caption\": \"c\",\n     \"settings\": {\"lr\": -1}}"));
    QVERIFY2(contains(badLr, "talk.json, line 7: step 2 \"Hot\"") && contains(badLr, "lr -1"), badLr.c_str());
    const std::string wrongType = parseError(withSecondStep(
        "    {\"title\": \"Typed\", \"caption\": \"c\",\n     \"settings\": {\"epochs\": \"many\"}}"));
    QVERIFY2(contains(wrongType, "step 2 \"Typed\"") && contains(wrongType, "epochs"), wrongType.c_str());
    const std::string badMode = parseError(withSecondStep(
        "    {\"title\": \"Modes\", \"caption\": \"c\",\n     \"sweep\": {\"modes\": [\"sideways\"], \"levels\": [1]}}"));
    QVERIFY2(contains(badMode, "step 2 \"Modes\"") && contains(badMode, "sideways"), badMode.c_str());
    const std::string badLevel = parseError(withSecondStep(
        "    {\"title\": \"Levels\", \"caption\": \"c\",\n     \"sweep\": {\"modes\": [\"labels\"], \"levels\": [2]}}"));
    QVERIFY2(contains(badLevel, "step 2 \"Levels\"") && contains(badLevel, "levels"), badLevel.c_str());
    const std::string badPace = parseError(withSecondStep("    {\"title\": \"Slow\", \"caption\": \"c\", \"pace\": \"soon\"}"));
    QVERIFY2(contains(badPace, "step 2 \"Slow\"") && contains(badPace, "pace"), badPace.c_str());
    const std::string badTheory = parseError(withSecondStep("    {\"title\": \"T\", \"caption\": \"c\", \"theory\": \"kernels\"}"));
    QVERIFY2(contains(badTheory, "step 2 \"T\"") && contains(badTheory, "expressivity"), badTheory.c_str());
    const std::string lectureSetting = parseError("{\n  \"title\": \"x\",\n  \"settings\": {\n    \"level\": 3},\n  \"steps\": [{\"title\": \"a\", \"caption\": \"b\"}]}");
    QVERIFY2(contains(lectureSetting, "talk.json, line 4") && contains(lectureSetting, "level 3"),
             lectureSetting.c_str());
}

void TestLecture::locatorFindsKeysAndElements() {
    const std::string text = "{\n \"a\": {\"x\": [1, {\"y\": \"}\"}],\n  \"b\\\"c\": 2},\n \"z\": [\"p\",\n  \"q\"]\n}";
    using Path = std::vector<JsonLocator::PathStep>;
    QCOMPARE(JsonLocator::line(text, Path{std::string("a")}), 2);
    QCOMPARE(JsonLocator::line(text, Path{std::string("a"), std::string("b\"c")}), 3);
    QCOMPARE(JsonLocator::line(text, Path{std::string("z"), std::size_t(1)}), 5);
    QCOMPARE(JsonLocator::line(text, Path{std::string("a"), std::string("x"), std::size_t(1), std::string("y")}), 2);
    QCOMPARE(JsonLocator::line(text, Path{std::string("nope")}), 0);
    QCOMPARE(JsonLocator::line(text, Path{std::string("z"), std::size_t(2)}), 0);
    const JsonLocator::Position end = JsonLocator::position("ab\ncd", 4);
    QCOMPARE(end.line, 2);
    QCOMPARE(end.column, 2);
}

void TestLecture::sameSettingsMatchButOneDifferingSettingDoesNot() {
    const RunConfig base = tiny(CorruptionMode::Labels, 1.0);
    RunConfig same = base;
    same.name = "another name";
    same.threads = 3;
    same.device = "cpu";
    same.cudaGraphs = false;
    QVERIFY(RunMatcher::sameRun(base, same));
    // The model's default learning rate and the same rate typed in are one setting.
    RunConfig typed = base;
    typed.learningRate = 0.01;
    QVERIFY(RunMatcher::sameRun(base, typed));
    // True labels at any level are true labels.
    RunConfig trueA = tiny(CorruptionMode::None, 0.0), trueB = tiny(CorruptionMode::None, 1.0);
    QVERIFY(RunMatcher::sameRun(trueA, trueB));

    for (auto change : std::vector<std::function<void(RunConfig&)>>{
             [](RunConfig& c) { c.level = 0.8; }, [](RunConfig& c) { c.epochs = 4; },
             [](RunConfig& c) { c.seed = 2; }, [](RunConfig& c) { c.trainSize = 101; },
             [](RunConfig& c) { c.learningRate = 0.02; }, [](RunConfig& c) { c.batchSize = 64; },
             [](RunConfig& c) { c.corruption = CorruptionMode::Gaussian; },
             [](RunConfig& c) { c.model = "mlp-3x512"; }, [](RunConfig& c) { c.stopWhenFit = true; }}) {
        RunConfig other = base;
        change(other);
        QVERIFY(!RunMatcher::sameRun(base, other));
    }
}

void TestLecture::onlyFinishedTrainingRunsStandForASetting() {
    QTemporaryDir root;
    const RunConfig wanted = tiny(CorruptionMode::Labels, 1.0);
    RunConfig other = wanted;
    other.level = 0.5;
    const std::string dir = root.path().toStdString();
    test::writeRunFolder(dir + "/20260101-000000-stopped", wanted, 2, 0.5, 0.1, "stopped", "2026-01-01T00:00:00Z");
    test::writeRunFolder(dir + "/20260101-000001-other", other, 3, 1.0, 0.1, "finished", "2026-01-01T00:00:01Z");
    test::writeRunFolder(dir + "/20260101-000002-incomplete", wanted, 3, 1.0, 0.1, std::nullopt, "2026-01-01T00:00:02Z");
    std::vector<RunEntry> entries = RunLibrary::scan({dir});
    QCOMPARE(entries.size(), std::size_t(3));
    QVERIFY(RunMatcher::find(wanted, entries) == nullptr);

    RunConfig renamed = wanted;
    renamed.name = "from the command line";
    renamed.threads = 2;
    test::writeRunFolder(dir + "/20260101-000003-finished", renamed, 3, 1.0, 0.1, "finished", "2026-01-01T00:00:03Z");
    entries = RunLibrary::scan({dir});
    const RunEntry* found = RunMatcher::find(wanted, entries);
    QVERIFY(found != nullptr);
    QVERIFY(QString::fromStdString(found->directory).endsWith("20260101-000003-finished"));
    QVERIFY(RunMatcher::find(other, entries) != nullptr);
}

void TestLecture::aCancelledSweepOfTheSamePointsIsResumed() {
    QTemporaryDir root;
    SweepPlan plan;
    plan.base = tiny(CorruptionMode::None, 0.0);
    plan.levels = {0.0, 1.0};
    const std::string sweep = root.path().toStdString() + "/sweep-20260101-000000";
    std::filesystem::create_directories(sweep);
    SweepRecord record;
    record.plan = plan;
    record.plan.base.threads = 2;  // not what decides the points
    record.save(sweep);
    test::writeRunFolder(sweep + "/20260101-000000-baseline", plan.points().front(), 3, 1.0, 0.5, "finished",
                         "2026-01-01T00:00:00Z");
    const std::vector<RunEntry> entries = RunLibrary::scan({root.path().toStdString()});
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(SweepMatcher::resumable(plan, entries), sweep);
    SweepPlan other = plan;
    other.levels = {0.0, 0.5, 1.0};
    QVERIFY(SweepMatcher::resumable(other, entries).empty());
    QVERIFY(!SweepMatcher::samePoints(plan, other));
    // Not complete until every point has finished in that folder.
    QVERIFY(SweepMatcher::complete(plan, entries).empty());
    test::writeRunFolder(sweep + "/20260101-000001-labels-100", plan.points().back(), 3, 1.0, 0.1, "finished",
                         "2026-01-01T00:00:01Z");
    QCOMPARE(SweepMatcher::complete(plan, RunLibrary::scan({root.path().toStdString()})), sweep);
}

QTEST_GUILESS_MAIN(TestLecture)
#include "test_lecture.moc"

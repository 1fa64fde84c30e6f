#include "paper/paper_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <filesystem>

#include "analysis/early_stopping.h"

namespace shatter {

namespace {

enum Column {
    kTitle,
    kCrop,
    kDecay,
    kPaperTrain,
    kPaperTest,
    kTrain,
    kTest,
    kDifference,
    kEpochs,
    kEarlyStop,
    kRun,
    kColumns
};

QTableWidgetItem* cell(const QString& text, bool partial = false) {
    auto* item = new QTableWidgetItem(text);
    if (partial) {
        item->setForeground(QColor(130, 130, 130));
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
    }
    return item;
}

QString number(double value) { return QString::number(value, 'f', 2); }

}  // namespace

PaperView::PaperView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel), m_table(new QTableWidget) {
    m_caption->setWordWrap(true);
    m_caption->setText(
        "Table 1 of Zhang et al. 2017 (CIFAR-10, accuracy in %) beside your runs on the full "
        "CIFAR-10 "
        "sets. Grey rows: runs on a subset or cut short, not comparable. Early stopping: the epoch "
        "of "
        "best test accuracy and that accuracy.");
    m_table->setColumnCount(kColumns);
    m_table->setHorizontalHeaderLabels({"Table 1 row", "crop", "wd", "paper train", "paper test",
                                        "train", "test", "Δ test (points)", "epochs",
                                        "early stopping", "run"});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* runMissing = new QPushButton("Run missing rows…");
    runMissing->setToolTip("Queue the rows that have no full-scale run");
    connect(runMissing, &QPushButton::clicked, this, [this]() {
        QStringList keys;
        for (const PaperComparisonRow& row : m_rows) {
            if (!row.full) keys << QString::fromStdString(row.row->key);
        }
        Q_EMIT runMissingRequested(keys);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_table, 1);
    layout->addWidget(runMissing, 0, Qt::AlignLeft);
    fill();
}

void PaperView::setEntries(const std::vector<RunEntry>& entries) {
    m_runs.clear();
    for (const RunEntry& entry : entries) {
        if (entry.readable && PaperTable::rowFor(entry.config()) != nullptr)
            m_runs.push_back(entry.record);
    }
    m_rows = PaperComparison::compare(m_runs);
    fill();
}

void PaperView::fill() {
    if (m_rows.empty()) m_rows = PaperComparison::compare({});
    m_table->setRowCount(0);
    const auto earlyStop = [this](const std::string& directory) {
        for (const RunRecord& run : m_runs) {
            if (run.directory != directory) continue;
            if (const auto stop = EarlyStopping::of(run.epochs)) {
                return QString("%1 at epoch %2")
                    .arg(number(100.0 * stop->bestTestAcc))
                    .arg(stop->bestEpoch);
            }
        }
        return QString();
    };
    for (const PaperComparisonRow& entry : m_rows) {
        const PaperRow& row = *entry.row;
        const auto addRow = [&](const QString& title, const std::optional<PaperCell>& run,
                                bool partial) {
            const int r = m_table->rowCount();
            m_table->insertRow(r);
            m_table->setItem(r, kTitle, cell(title, partial));
            m_table->setItem(r, kCrop, cell(row.randomCrop ? "yes" : "no", partial));
            m_table->setItem(r, kDecay, cell(row.weightDecay ? "yes" : "no", partial));
            m_table->setItem(r, kPaperTrain, cell(number(row.paperTrain), partial));
            m_table->setItem(r, kPaperTest, cell(number(row.paperTest), partial));
            if (!run) {
                m_table->setItem(r, kRun, cell("missing", partial));
                return;
            }
            m_table->setItem(r, kTrain, cell(number(run->trainAcc), partial));
            m_table->setItem(r, kTest, cell(number(run->testAcc), partial));
            m_table->setItem(
                r, kDifference,
                cell(QString::asprintf("%+.2f", run->testAcc - row.paperTest), partial));
            m_table->setItem(r, kEpochs, cell(QString::number(run->epochs), partial));
            m_table->setItem(r, kEarlyStop, cell(earlyStop(run->directory), partial));
            QString source =
                QString::fromStdString(std::filesystem::path(run->directory).filename().string());
            if (partial) source += " (" + QString::fromStdString(run->scaleNote) + ")";
            m_table->setItem(r, kRun, cell(source, partial));
            m_table->item(r, kRun)->setToolTip(QString::fromStdString(run->directory));
        };
        addRow(QString::fromStdString(row.title), entry.full, false);
        if (entry.partial)
            addRow("    " + QString::fromStdString(row.title) + " (not full scale)", entry.partial,
                   true);
    }
}

}  // namespace shatter

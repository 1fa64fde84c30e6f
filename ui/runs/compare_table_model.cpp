#include "runs/compare_table_model.h"

#include <QBrush>
#include <QDir>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <cmath>

#include "run/settings_diff.h"
#include "runs/run_palette.h"

namespace shatter {

namespace {

const QColor kHighlight(255, 226, 140);
const QColor kHighlightText(40, 30, 0);

QString percent(double fraction) {
    return std::isfinite(fraction) ? QLocale().toString(100.0 * fraction, 'f', 1) + " %"
                                   : QStringLiteral("–");
}

QIcon swatch(const QColor& colour, Qt::PenStyle style) {
    QPixmap pixmap(28, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 2.5, style, Qt::FlatCap));
    painter.drawLine(QPointF(1, 6), QPointF(27, 6));
    return QIcon(pixmap);
}

QFont boldFont() {
    QFont font;
    font.setBold(true);
    return font;
}

}  // namespace

CompareTableModel::CompareTableModel(QObject* parent) : QAbstractTableModel(parent) {
    m_rows = rowsFor({}, false);
}

QStringList CompareTableModel::runNames(const std::vector<RunEntry>& runs) {
    QStringList given;
    for (const RunEntry& run : runs) given << QString::fromStdString(run.displayName);
    QStringList names = given;
    for (int i = 0; i < given.size(); ++i) {
        if (given.count(given[i]) > 1) names[i] += " · " + QString::fromStdString(runs[std::size_t(i)].folderName);
    }
    return names;
}

std::vector<CompareTableModel::Row> CompareTableModel::rowsFor(const QStringList& differing,
                                                               bool onlyDiffering) {
    std::vector<Row> rows = {{"status", "status"},
                             {"epochs_done", "epochs run"},
                             {"train_acc", "final train accuracy"},
                             {"test_acc", "final test accuracy"},
                             {"gap", "final gap"},
                             {"epochs_to_fit", "epochs to fit"}};
    for (const std::string& key : SettingsDiff::keys()) {
        const QString k = QString::fromStdString(key);
        const bool differs = differing.contains(k);
        if (onlyDiffering && !differs) continue;
        rows.push_back({k, QString(k).replace('_', ' '), true, differs});
    }
    rows.push_back({"started_at", "started"});
    rows.push_back({"folder", "folder"});
    return rows;
}

QString CompareTableModel::cellText(const RunEntry& run, const Row& row) {
    if (row.setting) return QString::fromStdString(SettingsDiff::value(run.config(), row.key.toStdString()));
    if (row.key == "status") return QString::fromStdString(run.readable ? toString(run.status()) : "unreadable");
    if (row.key == "epochs_done") {
        return run.record.info.kind == "training"
                   ? QString("%1 of %2").arg(run.epochCount()).arg(run.config().epochs)
                   : QString::fromStdString(run.record.info.kind) + " (no epochs)";
    }
    if (row.key == "train_acc") return percent(run.summary().trainAcc);
    if (row.key == "test_acc") return percent(run.summary().testAcc);
    if (row.key == "gap") return percent(run.summary().gap);
    if (row.key == "epochs_to_fit") {
        return run.summary().epochsToFit ? QString::number(*run.summary().epochsToFit) : QString("not fitted");
    }
    if (row.key == "started_at") return QString::fromStdString(run.record.info.startedAt);
    if (row.key == "folder") return QString::fromStdString(run.folderName);
    return {};
}

bool CompareTableModel::setRuns(const std::vector<RunEntry>& runs, const QStringList& differing,
                                bool onlyDiffering) {
    std::vector<Row> rows = rowsFor(runs.size() >= 2 ? differing : QStringList{},
                                    onlyDiffering && runs.size() >= 2);
    const QStringList names = runNames(runs);
    std::vector<Column> columns;
    for (std::size_t c = 0; c < runs.size(); ++c) {
        columns.push_back({names[int(c)], QString::fromStdString(runs[c].directory), runs[c].colourSlot});
    }
    std::vector<QStringList> cells(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (const RunEntry& run : runs) cells[r] << cellText(run, rows[r]);
    }

    const auto sameRows = [&] {
        if (rows.size() != m_rows.size()) return false;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (rows[r].key != m_rows[r].key || rows[r].differs != m_rows[r].differs) return false;
        }
        return true;
    };
    const auto sameColumns = [&] {
        if (columns.size() != m_columns.size()) return false;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const Column& a = columns[c];
            const Column& b = m_columns[c];
            if (a.name != b.name || a.directory != b.directory || a.colourSlot != b.colourSlot) return false;
        }
        return true;
    };
    if (!sameRows() || !sameColumns()) {
        beginResetModel();
        m_rows = std::move(rows);
        m_columns = std::move(columns);
        m_cells = std::move(cells);
        endResetModel();
        return true;
    }
    // The same table: update the cells that changed, one signal for the rectangle around them.
    int top = rowCount(), left = columnCount(), bottom = -1, right = -1;
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c) {
            if (cells[r][c] == m_cells[r][c]) continue;
            top = std::min(top, r);
            bottom = std::max(bottom, r);
            left = std::min(left, c);
            right = std::max(right, c);
        }
    }
    m_cells = std::move(cells);
    if (bottom >= 0) Q_EMIT dataChanged(index(top, left), index(bottom, right), {Qt::DisplayRole, Qt::ToolTipRole});
    return false;
}

int CompareTableModel::rowOf(const QString& key) const {
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].key == key) return int(r);
    }
    return -1;
}

int CompareTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompareTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant CompareTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const bool differs = m_rows[index.row()].differs;
    switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return m_cells[index.row()][index.column()];
        case Qt::BackgroundRole:
            return differs ? QVariant(QBrush(kHighlight)) : QVariant();
        case Qt::ForegroundRole:
            return differs ? QVariant(QBrush(kHighlightText)) : QVariant();
        case Qt::FontRole:
            return differs ? QVariant(boldFont()) : QVariant();
        default:
            return {};
    }
}

QVariant CompareTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount()) return {};
        const Column& column = m_columns[section];
        switch (role) {
            case Qt::DisplayRole:
                return column.name;
            case Qt::DecorationRole:
                return swatch(RunPalette::colour(column.colourSlot), RunPalette::lineStyle(column.colourSlot));
            case Qt::ToolTipRole:
                return QDir::toNativeSeparators(column.directory);
            default:
                return {};
        }
    }
    if (section < 0 || section >= rowCount()) return {};
    const Row& row = m_rows[section];
    switch (role) {
        case Qt::DisplayRole:
            return row.differs ? "≠ " + row.label : row.label;
        case Qt::FontRole:
            return row.differs ? QVariant(boldFont()) : QVariant();
        case Qt::ToolTipRole:
            return row.differs ? QVariant(QString("Differs between the compared runs")) : QVariant();
        default:
            return {};
    }
}

}  // namespace shatter

#include "runs/run_table_model.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <algorithm>
#include <cmath>
#include <exception>

#include "run/run_library.h"
#include "run/run_naming.h"
#include "runs/run_palette.h"

namespace shatter {

namespace {

QString directoryOf(const RunEntry& entry) { return QString::fromStdString(entry.directory); }

QString symbolFor(const QString& status) {
    if (status == "finished") return QStringLiteral("✓");
    if (status == "stopped") return QStringLiteral("■");
    if (status == "diverged") return QStringLiteral("↯");
    if (status == "failed") return QStringLiteral("✗");
    if (status == "incomplete") return QStringLiteral("…");
    if (status == "running") return QStringLiteral("▶");
    if (status == "cancelled") return QStringLiteral("⊘");
    if (status == "pending") return QStringLiteral("⏳");
    return QStringLiteral("⚠");
}

QString percent(double fraction) {
    return std::isfinite(fraction) ? QLocale().toString(100.0 * fraction, 'f', 1)
                                   : QStringLiteral("–");
}

// Expressivity and kernel runs (core/theory) compute their results at once, without epochs.
bool isTheoryRun(const RunEntry& entry) {
    return entry.readable && entry.record.info.kind != "training";
}

// More of a run's settings than the headline: what else tells runs of one name apart.
QString moreSettings(const RunConfig& config) {
    return QString("%1 epochs · batch %2 · momentum %3 · weight decay %4 · seed %5")
        .arg(config.epochs)
        .arg(config.batchSize)
        .arg(config.momentum)
        .arg(config.weightDecay)
        .arg(qulonglong(config.seed));
}

QString nameTip(const RunEntry& entry) {
    QStringList tip;
    tip << "<b>" + QString::fromStdString(entry.displayName).toHtmlEscaped() + "</b>";
    if (isTheoryRun(entry))  // no network was trained: the model and SGD settings do not apply
        tip << QString::fromStdString(entry.record.info.kind + " run, " + entry.record.info.device)
                   .toHtmlEscaped();
    else if (!entry.settings.empty())
        tip << QString::fromStdString(entry.settings).toHtmlEscaped()
            << moreSettings(entry.config()).toHtmlEscaped();
    if (entry.readable && !isTheoryRun(entry)) {
        const RunSummary& summary = entry.summary();
        tip << QString("train %1% · test %2% · gap %3% · %4")
                   .arg(percent(summary.trainAcc), percent(summary.testAcc), percent(summary.gap),
                        summary.epochsToFit
                            ? QString("fitted at epoch %1").arg(*summary.epochsToFit)
                            : QString("not fitted"));
    }
    if (!entry.sweep.empty())
        tip << "in sweep " + QString::fromStdString(entry.sweep).toHtmlEscaped();
    if (!entry.record.info.startedAt.empty()) tip << "started " + QString::fromStdString(entry.record.info.startedAt);
    tip << QDir::toNativeSeparators(directoryOf(entry)).toHtmlEscaped();
    if (!entry.error.empty())
        tip << "<i>" + QString::fromStdString(entry.error).toHtmlEscaped() + "</i>";
    return tip.join("<br>");
}

QString statusTip(const RunEntry& entry, const QString& status) {
    QString tip = status;
    if (entry.readable && isTheoryRun(entry))
        tip += QString(", %1 (no epochs)").arg(QString::fromStdString(entry.record.info.kind));
    else if (entry.readable)
        tip += QString(", %1 of %2 epochs").arg(entry.epochCount()).arg(entry.config().epochs);
    if (!entry.error.empty()) tip += ": " + QString::fromStdString(entry.error);
    return tip;
}

// Status colours that read on the window's background, light or dark.
QColor statusColour(const QColor& onLight) {
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    return dark ? onLight.lighter(150) : onLight;
}

}  // namespace

RunTableModel::RunTableModel(QObject* parent)
    : QAbstractTableModel(parent), m_slots(RunPalette::kColours) {}

int RunTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

QString RunTableModel::statusOf(const RunEntry& entry) const {
    if (!entry.readable) return QStringLiteral("unreadable");
    if (entry.status() == RunStatus::Incomplete && directoryOf(entry) == m_activeRun)
        return QStringLiteral("running");
    if (entry.status() == RunStatus::Incomplete && m_schedulerStates.contains(directoryOf(entry)))
        return m_schedulerStates.value(directoryOf(entry));
    return QString::fromStdString(toString(entry.status()));
}

void RunTableModel::setSchedulerStates(const QHash<QString, QString>& states,
                                       const QHash<QString, QString>& tasks) {
    if (states == m_schedulerStates && tasks == m_schedulerTasks) return;
    m_schedulerStates = states;
    m_schedulerTasks = tasks;
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1));
}

QIcon RunTableModel::swatch(int slot) const {
    auto cached = m_swatches.constFind(slot);
    if (cached != m_swatches.constEnd()) return *cached;
    // The colour as a line in the run's style, in a box outlined in the text colour so that
    // black reads on a dark background too.
    const QColor colour = RunPalette::colour(slot);
    const QColor outline = QGuiApplication::palette().color(QPalette::Text);
    QPixmap pixmap(24, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor box = outline;
    box.setAlpha(90);
    painter.setPen(QPen(box, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 23, 13), 2, 2);
    QPen line(colour == QColor(0, 0, 0) && outline.lightness() > 128 ? outline : colour, 3,
              Qt::SolidLine, Qt::FlatCap);
    // Qt's dashes are too long to show on a short swatch: the same patterns, shorter.
    switch (RunPalette::lineStyle(slot)) {
        case Qt::DashLine: line.setDashPattern({2, 1}); break;
        case Qt::DotLine: line.setDashPattern({0.7, 1}); break;
        case Qt::DashDotLine: line.setDashPattern({2, 1, 0.7, 1}); break;
        case Qt::DashDotDotLine: line.setDashPattern({1.5, 0.8, 0.6, 0.8, 0.6, 0.8}); break;
        default: break;
    }
    painter.setPen(line);
    painter.drawLine(QPointF(3, 7), QPointF(21, 7));
    painter.end();
    return *m_swatches.insert(slot, QIcon(pixmap));
}

void RunTableModel::paletteChanged() {
    m_swatches.clear();
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1),
                           {Qt::ForegroundRole, Qt::DecorationRole});
}

int RunTableModel::colourSlot(const QString& directory) const {
    return m_slots.slot(directory.toStdString());
}

void RunTableModel::relabel() {
    std::vector<std::string> names;
    std::vector<std::string> directories;
    for (const RunEntry& entry : m_entries) {
        names.push_back(entry.displayName);
        directories.push_back(entry.directory);
    }
    RunNaming::distinguish(m_entries);
    m_slots.assign(directories);
    for (std::size_t row = 0; row < m_entries.size(); ++row) {
        RunEntry& entry = m_entries[row];
        const int slot = m_slots.slot(entry.directory);
        if (entry.displayName == names[row] && entry.colourSlot == slot) continue;
        entry.colourSlot = slot;
        emitRowChanged(int(row));
    }
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunEntry& entry = m_entries[std::size_t(index.row())];
    const QString directory = directoryOf(entry);
    const int column = index.column();
    switch (role) {
        case DirectoryRole:
            return directory;
        case StatusRole:
            return statusOf(entry);
        case ColourRole:
            return RunPalette::colour(entry.colourSlot);
        case LineStyleRole:
            return RunPalette::dash(entry.colourSlot);
        case ReadableRole:
            return entry.readable;
        case SweepRole:
            return QString::fromStdString(entry.sweep);
        case SweepFolderRole:
            return entry.sweep.empty() ? QString() : QFileInfo(directory).absolutePath();
        case FilterTextRole:
            return QStringList{QString::fromStdString(entry.displayName),
                               QString::fromStdString(entry.settings),
                               QString::fromStdString(entry.sweep),
                               QString::fromStdString(entry.folderName), statusOf(entry)}
                .join('\n');
        case GroupRole:
            return false;
        default:
            break;
    }

    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
            case NameColumn:
                return QString::fromStdString(entry.displayName);
            case StatusColumn:
                return symbolFor(statusOf(entry));
            case TrainColumn:
                return percent(entry.summary().trainAcc);
            case TestColumn:
                return percent(entry.summary().testAcc);
            case GapColumn:
                return percent(entry.summary().gap);
            case FitColumn:
                return entry.summary().epochsToFit ? QString::number(*entry.summary().epochsToFit)
                                         : QStringLiteral("–");
            default:
                return {};
        }
    }
    if (role == Qt::CheckStateRole && column == NameColumn && entry.readable)
        return m_ticked.contains(directory) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DecorationRole && column == NameColumn) return swatch(entry.colourSlot);
    if (role == Qt::ToolTipRole && column == NameColumn) return nameTip(entry);
    if (role == Qt::ToolTipRole && column == StatusColumn) {
        const QString task = m_schedulerTasks.value(directory);
        return statusTip(entry, statusOf(entry)) +
               (task.isEmpty() ? QString() : " · Slurm task " + task);
    }
    if (role == Qt::TextAlignmentRole) {
        if (column == StatusColumn) return int(Qt::AlignCenter);
        if (column >= TrainColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole) {
        if (column == StatusColumn) {
            const QString status = statusOf(entry);
            if (status == "failed" || status == "diverged" || status == "unreadable")
                return QBrush(statusColour(QColor(200, 60, 40)));
            if (status == "finished") return QBrush(statusColour(QColor(0, 140, 90)));
        }
        if (!entry.readable) return QGuiApplication::palette().placeholderText();
    }
    return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount) return {};
    if (role == Qt::DisplayRole) {
        static const char* const labels[kColumnCount] = {"Run", "", "train", "test", "gap", "fit"};
        return QString(labels[section]);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case StatusColumn:
                return QString("How the run ended");
            case TrainColumn:
                return QString("Final training accuracy (%)");
            case TestColumn:
                return QString("Final test accuracy (%)");
            case GapColumn:
                return QString("Generalization gap: train − test (%)");
            case FitColumn:
                return QString("Epochs until the training set was fitted");
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section >= TrainColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags RunTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn && m_entries[std::size_t(index.row())].readable)
        flags |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    return flags;
}

bool RunTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != NameColumn)
        return false;
    const RunEntry& entry = m_entries[std::size_t(index.row())];
    if (!entry.readable) return false;
    const QString directory = directoryOf(entry);
    if (role == Qt::CheckStateRole) {
        setTicked(directory, value.toInt() == Qt::Checked);
        return true;
    }
    if (role != Qt::EditRole) return false;
    const QString name = value.toString().trimmed();
    if (name == QString::fromStdString(entry.displayName)) return true;
    // The folder's own name means no name of its own.
    return rename(directory, name == QString::fromStdString(entry.folderName) ? QString() : name);
}

void RunTableModel::setRoots(const QStringList& roots) {
    m_roots = roots;
    refresh();
}

void RunTableModel::refresh() {
    std::vector<std::string> paths;
    for (const QString& root : m_roots) paths.push_back(root.toStdString());
    setEntries(RunLibrary::scan(paths));
    Q_EMIT refreshed();
    Q_EMIT comparisonChanged();
}

void RunTableModel::setEntries(std::vector<RunEntry> entries) {
    // Row by row rather than a reset, so that the view keeps its selection and scroll position.
    QSet<QString> incoming;
    QSet<QString> readable;
    for (const RunEntry& entry : entries) {
        incoming.insert(directoryOf(entry));
        if (entry.readable) readable.insert(directoryOf(entry));
    }
    m_ticked.intersect(readable);
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (!incoming.contains(directoryOf(m_entries[std::size_t(row)]))) removeRowAt(row);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const int row = int(i);
        const int existing = rowOf(directoryOf(entries[i]));
        if (existing == row) {
            replaceRow(row, std::move(entries[i]));
            continue;
        }
        if (existing > row) removeRowAt(existing);  // its place in the order changed
        insertRow(row, std::move(entries[i]));
    }
    relabel();
}

bool RunTableModel::refreshEntry(const QString& directory) {
    const RunEntry* listed = entry(directory);
    if (!listed) return false;
    updateEntry(RunLibrary::read(listed->directory, listed->root));
    return true;
}

void RunTableModel::updateEntry(const RunEntry& entry) {
    const QString directory = directoryOf(entry);
    const int row = rowOf(directory);
    if (row >= 0) {
        RunEntry updated = entry;
        const RunEntry& listed = m_entries[std::size_t(row)];
        if (updated.sweep.empty()) updated.sweep = listed.sweep;
        if (updated.root.empty()) updated.root = listed.root;
        if (!updated.readable) m_ticked.remove(directory);
        replaceRow(row, std::move(updated));
    } else {
        const auto at =
            std::upper_bound(m_entries.begin(), m_entries.end(), entry, &RunLibrary::listedBefore);
        insertRow(int(at - m_entries.begin()), entry);
    }
    relabel();
    if (m_ticked.contains(directory)) Q_EMIT comparisonChanged();
}

void RunTableModel::replaceRow(int row, RunEntry entry) {
    m_entries[std::size_t(row)] = std::move(entry);
    emitRowChanged(row);
}

void RunTableModel::insertRow(int row, RunEntry entry) {
    beginInsertRows({}, row, row);
    m_entries.insert(m_entries.begin() + row, std::move(entry));
    endInsertRows();
}

void RunTableModel::removeRowAt(int row) {
    beginRemoveRows({}, row, row);
    m_entries.erase(m_entries.begin() + row);
    endRemoveRows();
}

void RunTableModel::emitRowChanged(int row) {
    if (row < 0 || row >= rowCount()) return;
    Q_EMIT dataChanged(index(row, 0), index(row, kColumnCount - 1));
}

const RunEntry* RunTableModel::entry(const QString& directory) const {
    const int row = rowOf(directory);
    return row < 0 ? nullptr : &m_entries[std::size_t(row)];
}

int RunTableModel::rowOf(const QString& directory) const {
    if (directory.isEmpty()) return -1;
    for (std::size_t row = 0; row < m_entries.size(); ++row) {
        if (directoryOf(m_entries[row]) == directory) return int(row);
    }
    return -1;
}

QModelIndex RunTableModel::indexOf(const QString& directory, int column) const {
    const int row = rowOf(directory);
    return row < 0 ? QModelIndex() : index(row, column);
}

void RunTableModel::setActiveRun(const QString& directory) {
    const QString previous = m_activeRun;
    m_activeRun = directory;
    emitRowChanged(rowOf(previous));
    emitRowChanged(rowOf(directory));
}

std::vector<RunEntry> RunTableModel::tickedEntries() const {
    std::vector<RunEntry> ticked;
    for (const RunEntry& entry : m_entries) {
        if (m_ticked.contains(directoryOf(entry))) ticked.push_back(entry);
    }
    return ticked;
}

QStringList RunTableModel::tickedDirectories() const {
    QStringList list;
    for (const RunEntry& entry : m_entries) {
        if (m_ticked.contains(directoryOf(entry))) list << directoryOf(entry);
    }
    return list;
}

void RunTableModel::setTicked(const QStringList& directories) {
    m_ticked.clear();
    for (const QString& directory : directories) {
        const RunEntry* listed = entry(directory);
        if (listed && listed->readable) m_ticked.insert(directory);
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn),
                           {Qt::CheckStateRole});
    Q_EMIT comparisonChanged();
}

void RunTableModel::setTicked(const QString& directory, bool ticked) {
    const RunEntry* listed = entry(directory);
    if (listed && listed->readable) {
        if (ticked) {
            m_ticked.insert(directory);
        } else {
            m_ticked.remove(directory);
        }
        emitRowChanged(rowOf(directory));
    }
    Q_EMIT comparisonChanged();
}

bool RunTableModel::rename(const QString& directory, const QString& name) {
    bool renamed = true;
    try {
        RunLibrary::rename(directory.toStdString(), name.trimmed().toStdString());
    } catch (const std::exception& error) {
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        renamed = false;
    }
    if (!refreshEntry(directory)) refresh();
    return renamed;
}

}  // namespace shatter

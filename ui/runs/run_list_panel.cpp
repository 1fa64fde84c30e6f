#include "runs/run_list_panel.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QResizeEvent>
#include <QScreen>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

#include "common/app_settings.h"
#include "runs/run_folder_watcher.h"
#include "runs/run_group_model.h"
#include "runs/run_sort_filter_model.h"
#include "runs/run_table_model.h"
#include "runs/run_trash_controller.h"

namespace shatter {

namespace {

QString clean(const QString& folder) { return QDir::cleanPath(QDir(folder).absolutePath()); }

}  // namespace

RunListPanel::RunListPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new RunTableModel(this)),
      m_sorted(new RunSortFilterModel(m_model, this)),
      m_trash(new RunTrashController(m_model, this)),
      m_watcher(new RunFolderWatcher(this)),
      m_view(new QTreeView),
      m_filter(new QLineEdit),
      m_count(new QLabel),
      m_renameButton(new QPushButton("Rename")),
      m_deleteButton(new QPushButton("Delete")),
      m_openButton(new QPushButton("Open folder")),
      m_compareButton(new QPushButton("Compare ticked")),
      m_undoLabel(new QLabel),
      m_undoButton(new QPushButton("Undo")),
      m_undoBar(new QWidget) {
    auto* title = new QLabel("RUNS");
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_count);

    m_filter->setObjectName("runsFilter");
    m_filter->setPlaceholderText("Filter: name, settings, sweep…");
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip("Show only runs whose name, settings (e.g. “seed 2”, “gaussian”) or "
                         "sweep contain this text");

    m_view->setObjectName("runsView");
    m_view->setModel(m_sorted);
    m_view->setRootIsDecorated(true);  // sweeps fold
    m_view->setIndentation(14);
    m_view->setIconSize(QSize(24, 14));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(
        QAbstractItemView::NoEditTriggers);  // renaming goes through startRename
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setTextElideMode(Qt::ElideMiddle);  // run names differ at their end
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(RunTableModel::NameColumn, QHeaderView::Stretch);
    m_view->setMinimumWidth(240);

    auto* addButton = new QPushButton("Add run folder…");
    addButton->setToolTip(
        "List the runs in a folder made elsewhere, e.g. copied from a GPU server");
    auto* refreshButton = new QPushButton("Refresh");
    refreshButton->setToolTip("Read every run again (runs a command line is still writing)");
    m_renameButton->setToolTip("Give the selected run a name (F2); its folder keeps its name");
    m_deleteButton->setToolTip("Move the selected run into the trash (Del); it can be undone");
    m_openButton->setToolTip("Show the run folder in the file manager");
    m_compareButton->setObjectName("compareTickedButton");
    m_compareButton->setToolTip("Overlay the ticked runs in the Compare tab");
    m_undoButton->setObjectName("undoDeleteButton");

    auto* rowA = new QHBoxLayout;
    rowA->addWidget(addButton);
    rowA->addWidget(refreshButton);
    auto* rowB = new QHBoxLayout;
    rowB->addWidget(m_renameButton);
    rowB->addWidget(m_deleteButton);
    rowB->addWidget(m_openButton);

    auto* undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(6, 2, 2, 2);
    m_undoLabel->setTextFormat(Qt::PlainText);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(m_undoButton);
    m_undoBar->setStyleSheet("QWidget { background: palette(alternate-base); }");
    m_undoBar->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_undoBar);
    layout->addLayout(rowA);
    layout->addLayout(rowB);
    layout->addWidget(m_compareButton);

    connect(addButton, &QPushButton::clicked, this, &RunListPanel::chooseFolder);
    connect(refreshButton, &QPushButton::clicked, this, &RunListPanel::refresh);
    connect(m_renameButton, &QPushButton::clicked, this, &RunListPanel::startRename);
    connect(m_deleteButton, &QPushButton::clicked, this, &RunListPanel::deleteSelected);
    connect(m_openButton, &QPushButton::clicked, this,
            [this]() { openFolder(selectedDirectory()); });
    connect(m_compareButton, &QPushButton::clicked, this, &RunListPanel::compareRequested);
    connect(m_undoButton, &QPushButton::clicked, m_trash, &RunTrashController::undo);

    connect(m_model, &RunTableModel::comparisonChanged, this, &RunListPanel::comparisonChanged);
    connect(m_model, &RunTableModel::comparisonChanged, this, &RunListPanel::updateButtons);
    connect(m_model, &RunTableModel::errorOccurred, this, &RunListPanel::errorOccurred);
    connect(m_model, &RunTableModel::refreshed, this, &RunListPanel::libraryChanged);
    connect(m_model, &RunTableModel::rowsInserted, this, &RunListPanel::updateCount);
    connect(m_model, &RunTableModel::rowsRemoved, this, &RunListPanel::updateCount);
    connect(m_model, &RunTableModel::dataChanged, this, &RunListPanel::updateButtons);
    connect(m_trash, &RunTrashController::undoChanged, this, &RunListPanel::updateUndoBar);
    connect(m_trash, &RunTrashController::errorOccurred, this, &RunListPanel::errorOccurred);
    connect(m_watcher, &RunFolderWatcher::changed, this, &RunListPanel::refresh);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunListPanel::updateButtons);
    connect(m_filter, &QLineEdit::textChanged, this, &RunListPanel::setFilterText);
    // Sweeps come in open; one the user closed stays closed.
    connect(m_sorted, &QAbstractItemModel::rowsInserted, this, &RunListPanel::applyGroupRows);
    connect(m_sorted, &QAbstractItemModel::layoutChanged, this, &RunListPanel::applyGroupRows);
    connect(m_sorted, &QAbstractItemModel::modelReset, this, &RunListPanel::applyGroupRows);
    connect(m_sorted, &QAbstractItemModel::rowsInserted, this, &RunListPanel::updateCount);
    connect(m_sorted, &QAbstractItemModel::rowsRemoved, this, &RunListPanel::updateCount);
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex& index) {
        const QString folder = index.data(RunTableModel::SweepFolderRole).toString();
        if (RunGroupModel::isGroup(index) && !m_closedSweeps.contains(folder)) m_closedSweeps << folder;
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex& index) {
        if (RunGroupModel::isGroup(index))
            m_closedSweeps.removeAll(index.data(RunTableModel::SweepFolderRole).toString());
    });
    connect(m_view, &QTreeView::doubleClicked, this, &RunListPanel::startRename);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &RunListPanel::showContextMenu);

    auto* rename =
        new QShortcut(QKeySequence(Qt::Key_F2), m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(rename, &QShortcut::activated, this, &RunListPanel::startRename);
    auto* remove =
        new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &RunListPanel::deleteSelected);
    // Space ticks the current run; without this the window's Space shortcut (start/pause) takes it.
    m_view->installEventFilter(this);
    applyGroupRows();
    updateCount();
    updateButtons();
}

void RunListPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitColumns();
}

void RunListPanel::fitColumns() {
    // Names come first: on a narrow column the epoch of fit, then the gap give way (both stay
    // in the name's tooltip) so that at least this much of a name shows.
    constexpr int kNameWidth = 150;
    const QAbstractItemView* view = m_view;  // sizeHintForColumn is public there
    int numbers = 0;
    for (int column = RunTableModel::StatusColumn; column < RunTableModel::kColumnCount; ++column)
        numbers += std::max(view->sizeHintForColumn(column), m_view->header()->sectionSizeHint(column));
    const int room = m_view->viewport()->width() - m_view->indentation() - 2 * m_view->iconSize().width();
    int spare = room - numbers;
    for (int column : {int(RunTableModel::FitColumn), int(RunTableModel::GapColumn)}) {
        const bool hide = spare < kNameWidth;
        m_view->setColumnHidden(column, hide);
        if (hide)
            spare += std::max(view->sizeHintForColumn(column), m_view->header()->sectionSizeHint(column));
    }
}

void RunListPanel::changeEvent(QEvent* event) {
    // The dark theme arrives as a new application palette: swatches and status colours that
    // follow it are drawn again at once, not at the next refresh.
    if (event->type() == QEvent::PaletteChange) {
        m_model->paletteChanged();
        m_view->viewport()->update();
    }
    QWidget::changeEvent(event);
}

void RunListPanel::applyGroupRows() {
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex item = m_sorted->index(row, 0);
        const bool group = RunGroupModel::isGroup(item);
        if (m_view->isFirstColumnSpanned(row, {}) != group) m_view->setFirstColumnSpanned(row, {}, group);
        if (!group) continue;
        const bool open = !m_closedSweeps.contains(item.data(RunTableModel::SweepFolderRole).toString());
        if (m_view->isExpanded(item) != open) {
            const QSignalBlocker blocker(m_view);  // not a choice of the user's
            m_view->setExpanded(item, open);
        }
    }
}

void RunListPanel::setFilterText(const QString& text) {
    if (m_filter->text() != text) m_filter->setText(text);  // comes back here
    m_sorted->setFilterFixedString(text);
    applyGroupRows();
    updateCount();
}

bool RunListPanel::isSweepExpanded(const QString& sweepFolder) const {
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex item = m_sorted->index(row, 0);
        if (RunGroupModel::isGroup(item) &&
            item.data(RunTableModel::SweepFolderRole).toString() == sweepFolder)
            return m_view->isExpanded(item);
    }
    return false;
}

void RunListPanel::setSweepExpanded(const QString& sweepFolder, bool expanded) {
    m_closedSweeps.removeAll(sweepFolder);
    if (!expanded) m_closedSweeps << sweepFolder;
    applyGroupRows();
}

bool RunListPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QSize RunListPanel::sizeHint() const {
    // Wide enough for the names when the screen has room for them: at most a quarter of it.
    const QAbstractItemView* view = m_view;  // sizeHintForColumn is public there
    int wanted = view->sizeHintForColumn(RunTableModel::NameColumn) + m_view->indentation() + 40;
    for (int column = RunTableModel::StatusColumn; column < RunTableModel::kColumnCount; ++column)
        wanted += std::max(view->sizeHintForColumn(column), m_view->header()->sectionSizeHint(column));
    const QScreen* screen = this->screen();
    const int limit = screen ? screen->availableGeometry().width() / 4 : 280;
    return {std::clamp(wanted, 280, std::max(280, limit)), QWidget::sizeHint().height()};
}

void RunListPanel::setRunsRoot(const QString& root) {
    m_runsRoot = clean(root);
    QDir().mkpath(m_runsRoot);  // so that the watcher sees the first command-line run too
    m_model->setRoots(roots());
}

void RunListPanel::addFolder(const QString& folder) {
    const QString path = clean(folder);
    if (path != m_runsRoot && !m_extraFolders.contains(path)) m_extraFolders << path;
    m_model->setRoots(roots());
}

void RunListPanel::removeFolder(const QString& folder) {
    m_extraFolders.removeAll(clean(folder));
    m_model->setRoots(roots());
}

void RunListPanel::setExtraFolders(const QStringList& folders) {
    m_extraFolders.clear();
    for (const QString& folder : folders) {
        const QString path = clean(folder);
        if (path != m_runsRoot && !m_extraFolders.contains(path)) m_extraFolders << path;
    }
    m_model->setRoots(roots());
}

QStringList RunListPanel::roots() const {
    QStringList list;
    if (!m_runsRoot.isEmpty()) list << m_runsRoot;
    return list + m_extraFolders;
}

void RunListPanel::refresh() { m_model->refresh(); }

void RunListPanel::refreshRun(const QString& directory) {
    if (!m_model->refreshEntry(directory)) m_model->refresh();
}

void RunListPanel::updateEntry(const RunEntry& entry) { m_model->updateEntry(entry); }

void RunListPanel::setActiveRun(const QString& directory) {
    m_model->setActiveRun(directory);
    m_model->refresh();
}

const std::vector<RunEntry>& RunListPanel::entries() const { return m_model->entries(); }

const RunEntry* RunListPanel::entry(const QString& directory) const {
    return m_model->entry(directory);
}

std::vector<RunEntry> RunListPanel::tickedEntries() const { return m_model->tickedEntries(); }

QStringList RunListPanel::tickedDirectories() const { return m_model->tickedDirectories(); }

void RunListPanel::setTicked(const QStringList& directories) { m_model->setTicked(directories); }

void RunListPanel::setTicked(const QString& directory, bool ticked) {
    m_model->setTicked(directory, ticked);
}

QString RunListPanel::selectedDirectory() const {
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? QString() : m_sorted->directory(selected.first());
}

void RunListPanel::saveState() const {
    AppSettings::extraRunFolders.setValue(m_extraFolders);
    AppSettings::tickedRuns.setValue(tickedDirectories());
}

void RunListPanel::restoreState() {
    setExtraFolders(AppSettings::extraRunFolders.value());
    setTicked(AppSettings::tickedRuns.value());
}

void RunListPanel::libraryChanged() {
    m_watcher->follow(roots(), m_model->entries());
    updateCount();
    updateButtons();
}

void RunListPanel::openFolder(const QString& directory) const {
    if (!directory.isEmpty()) QDesktopServices::openUrl(QUrl::fromLocalFile(directory));
}

void RunListPanel::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, "Add run folder", QDir::homePath(), QFileDialog::ShowDirsOnly);
    if (!folder.isEmpty()) addFolder(folder);
}

void RunListPanel::startRename() {
    const QModelIndex name = m_sorted->indexOf(selectedDirectory(), RunTableModel::NameColumn);
    if (name.isValid() && (name.flags() & Qt::ItemIsEditable)) m_view->edit(name);
}

void RunListPanel::deleteSelected() {
    const QString directory = selectedDirectory();
    if (!directory.isEmpty()) m_trash->deleteRun(directory);
}

void RunListPanel::confirmEmptyTrash() {
    const auto answer = QMessageBox::question(
        this, "Empty trash", "Remove the deleted runs for good? This cannot be undone.",
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) m_trash->emptyTrash();
}

void RunListPanel::showContextMenu(const QPoint& position) {
    const QModelIndex at = m_view->indexAt(position);
    QMenu menu(this);
    if (RunGroupModel::isGroup(at)) {
        const QModelIndex group = at.siblingAtColumn(0);
        const QString folder = group.data(RunTableModel::SweepFolderRole).toString();
        QStringList runs;
        for (int row = 0; row < m_sorted->rowCount(group); ++row)
            runs << m_sorted->directory(m_sorted->index(row, 0, group));
        menu.addAction("Compare this sweep's runs", this, [this, runs]() {
            setTicked(runs);
            Q_EMIT compareRequested();
        });
        menu.addAction("Open sweep folder", this, [this, folder]() { openFolder(folder); });
        menu.addSeparator();
    } else if (at.isValid()) {
        m_view->setCurrentIndex(at.siblingAtColumn(RunTableModel::NameColumn));
        const QString directory = m_sorted->directory(at);
        const RunEntry* e = entry(directory);
        if (e && e->readable) {
            if (e->record.info.kind == "training" && e->epochCount() > 0) {
                menu.addAction("Replay", QKeySequence(Qt::CTRL | Qt::Key_R), this,
                               [this, directory]() { Q_EMIT replayRequested(directory); });
            }
            const bool ticked = m_model->isTicked(directory);
            menu.addAction(ticked ? "Remove from comparison" : "Add to comparison", this,
                           [this, directory, ticked]() { setTicked(directory, !ticked); });
            menu.addAction("Rename", QKeySequence(Qt::Key_F2), this, &RunListPanel::startRename);
        }
        menu.addAction("Delete", QKeySequence::Delete, this, &RunListPanel::deleteSelected);
        menu.addAction("Open folder", this, [this, directory]() { openFolder(directory); });
        if (e && m_extraFolders.contains(QString::fromStdString(e->root))) {
            const QString root = QString::fromStdString(e->root);
            menu.addAction("Remove folder from library", this,
                           [this, root]() { removeFolder(root); });
        }
        menu.addSeparator();
    }
    menu.addAction("Add run folder…", this, &RunListPanel::chooseFolder);
    menu.addAction("Refresh", this, &RunListPanel::refresh);
    if (m_trash->canUndo()) menu.addAction("Undo delete", m_trash, &RunTrashController::undo);
    QMenu* deleted = menu.addMenu("Restore deleted run");
    for (const RunLibrary::TrashedRun& trashed : m_trash->trashedRuns()) {
        const QString name = QDir(QString::fromStdString(trashed.originalDirectory)).dirName();
        deleted->addAction(name, this, [this, trashed]() { m_trash->restore(trashed); });
    }
    deleted->setEnabled(!deleted->isEmpty());
    menu.addAction("Empty trash…", this, &RunListPanel::confirmEmptyTrash);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void RunListPanel::updateUndoBar() {
    m_undoBar->setVisible(m_trash->canUndo());
    if (m_trash->canUndo())
        m_undoLabel->setText(QString("Deleted “%1”.").arg(m_trash->lastDeletedName()));
}

void RunListPanel::updateCount() {
    fitColumns();
    const int count = m_model->rowCount();
    const int shown = m_sorted->runCount();
    const QString runs = count == 1 ? QString("1 run") : QString("%1 runs").arg(count);
    m_count->setText(shown == count ? runs : QString("%1 of %2").arg(shown).arg(runs));
}

void RunListPanel::updateButtons() {
    const RunEntry* e = entry(selectedDirectory());
    m_renameButton->setEnabled(e && e->readable);
    m_deleteButton->setEnabled(e != nullptr);
    m_openButton->setEnabled(e != nullptr);
    const int ticked = m_model->tickedCount();
    m_compareButton->setEnabled(ticked > 0);
    m_compareButton->setText(ticked > 0 ? QString("Compare ticked (%1)").arg(ticked)
                                        : QString("Compare ticked"));
}

}  // namespace shatter

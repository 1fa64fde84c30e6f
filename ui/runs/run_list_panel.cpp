#include "runs/run_list_panel.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>
#include <exception>

#include "runs/run_palette.h"

namespace shatter {

namespace {

constexpr int kDirectoryRole = Qt::UserRole;

QString symbolFor(const QString& status) {
    if (status == "finished") return QStringLiteral("✓");
    if (status == "stopped") return QStringLiteral("■");
    if (status == "diverged") return QStringLiteral("↯");
    if (status == "failed") return QStringLiteral("✗");
    if (status == "incomplete") return QStringLiteral("…");
    if (status == "running") return QStringLiteral("▶");
    return QStringLiteral("⚠");
}

QString percent(double fraction) {
    return std::isfinite(fraction) ? QLocale().toString(100.0 * fraction, 'f', 1)
                                   : QStringLiteral("–");
}

QIcon swatch(const QColor& colour) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 2, 2);
    return QIcon(pixmap);
}

QString clean(const QString& folder) { return QDir::cleanPath(QDir(folder).absolutePath()); }

}  // namespace

RunListPanel::RunListPanel(QWidget* parent)
    : QWidget(parent),
      m_tree(new QTreeWidget),
      m_count(new QLabel),
      m_renameButton(new QPushButton("Rename")),
      m_deleteButton(new QPushButton("Delete")),
      m_openButton(new QPushButton("Open folder")),
      m_compareButton(new QPushButton("Compare ticked")),
      m_undoLabel(new QLabel),
      m_undoButton(new QPushButton("Undo")),
      m_undoBar(new QWidget),
      m_watcher(new QFileSystemWatcher(this)),
      m_refreshTimer(new QTimer(this)) {
    auto* title = new QLabel("RUNS");
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_count);

    m_tree->setColumnCount(6);
    m_tree->setHeaderLabels({"Run", "", "train", "test", "gap", "fit"});
    m_tree->headerItem()->setToolTip(StatusColumn, "How the run ended");
    m_tree->headerItem()->setToolTip(TrainColumn, "Final training accuracy (%)");
    m_tree->headerItem()->setToolTip(TestColumn, "Final test accuracy (%)");
    m_tree->headerItem()->setToolTip(GapColumn, "Generalization gap: train − test (%)");
    m_tree->headerItem()->setToolTip(FitColumn, "Epochs until the training set was fitted");
    for (int column = TrainColumn; column <= FitColumn; ++column) {
        m_tree->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(
        QAbstractItemView::NoEditTriggers);  // renaming goes through startRename
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setTextElideMode(Qt::ElideMiddle);  // run names differ at their end
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->setMinimumWidth(240);

    auto* addButton = new QPushButton("Add run folder…");
    addButton->setToolTip(
        "List the runs in a folder made elsewhere, e.g. copied from a GPU server");
    auto* refreshButton = new QPushButton("Refresh");
    refreshButton->setToolTip("Read every run again (runs a command line is still writing)");
    m_renameButton->setToolTip("Give the selected run a name (F2); its folder keeps its name");
    m_deleteButton->setToolTip("Move the selected run into the trash (Del); it can be undone");
    m_openButton->setToolTip("Show the run folder in the file manager");
    m_compareButton->setToolTip("Overlay the ticked runs in the Compare tab");

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
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_undoBar);
    layout->addLayout(rowA);
    layout->addLayout(rowB);
    layout->addWidget(m_compareButton);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(400);

    connect(addButton, &QPushButton::clicked, this, &RunListPanel::chooseFolder);
    connect(refreshButton, &QPushButton::clicked, this, &RunListPanel::refresh);
    connect(m_renameButton, &QPushButton::clicked, this, &RunListPanel::startRename);
    connect(m_deleteButton, &QPushButton::clicked, this, &RunListPanel::deleteSelected);
    connect(m_openButton, &QPushButton::clicked, this,
            [this]() { openFolder(selectedDirectory()); });
    connect(m_compareButton, &QPushButton::clicked, this, &RunListPanel::compareRequested);
    connect(m_undoButton, &QPushButton::clicked, this, &RunListPanel::undoDelete);
    connect(m_tree, &QTreeWidget::itemChanged, this, &RunListPanel::onItemChanged);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &RunListPanel::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem*, int) { startRename(); });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &RunListPanel::showContextMenu);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_refreshTimer,
            qOverload<>(&QTimer::start));
    connect(m_refreshTimer, &QTimer::timeout, this, &RunListPanel::refresh);

    auto* rename =
        new QShortcut(QKeySequence(Qt::Key_F2), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(rename, &QShortcut::activated, this, &RunListPanel::startRename);
    auto* remove =
        new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &RunListPanel::deleteSelected);
    // Space ticks the current run; without this the window's Space shortcut (start/pause) takes it.
    m_tree->installEventFilter(this);
    updateButtons();
}

bool RunListPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_tree && event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QSize RunListPanel::sizeHint() const { return {280, QWidget::sizeHint().height()}; }

void RunListPanel::setRunsRoot(const QString& root) {
    m_runsRoot = clean(root);
    QDir().mkpath(m_runsRoot);  // so that the watcher sees the first command-line run too
    refresh();
}

void RunListPanel::addFolder(const QString& folder) {
    const QString path = clean(folder);
    if (path == m_runsRoot || m_extraFolders.contains(path)) {
        refresh();
        return;
    }
    m_extraFolders << path;
    refresh();
}

void RunListPanel::removeFolder(const QString& folder) {
    m_extraFolders.removeAll(clean(folder));
    refresh();
}

void RunListPanel::setExtraFolders(const QStringList& folders) {
    m_extraFolders.clear();
    for (const QString& folder : folders) {
        const QString path = clean(folder);
        if (path != m_runsRoot && !m_extraFolders.contains(path)) m_extraFolders << path;
    }
    refresh();
}

QStringList RunListPanel::roots() const {
    QStringList list;
    if (!m_runsRoot.isEmpty()) list << m_runsRoot;
    return list + m_extraFolders;
}

void RunListPanel::refresh() {
    std::vector<std::string> paths;
    for (const QString& root : roots()) paths.push_back(root.toStdString());
    m_entries = RunLibrary::scan(paths);
    QSet<QString> present;
    for (const RunEntry& entry : m_entries) {
        if (entry.readable) present.insert(QString::fromStdString(entry.directory));
    }
    m_ticked.intersect(present);
    rebuild();
    watchRoots();
    Q_EMIT comparisonChanged();
}

void RunListPanel::refreshRun(const QString& directory) {
    for (RunEntry& entry : m_entries) {
        if (QString::fromStdString(entry.directory) != directory) continue;
        const std::string sweep = entry.sweep;
        entry = RunLibrary::read(entry.directory, entry.root);
        entry.sweep = sweep;
        if (QTreeWidgetItem* row = item(directory)) {
            m_filling = true;
            fillItem(row, entry);
            m_filling = false;
        }
        if (m_ticked.contains(directory)) Q_EMIT comparisonChanged();
        return;
    }
    refresh();
}

void RunListPanel::updateRun(const RunEntry& updated) {
    const QString directory = QString::fromStdString(updated.directory);
    for (RunEntry& entry : m_entries) {
        if (entry.directory != updated.directory) continue;
        entry = updated;
        if (QTreeWidgetItem* row = item(directory)) {
            m_filling = true;
            fillItem(row, entry);
            m_filling = false;
        }
        if (m_ticked.contains(directory)) Q_EMIT comparisonChanged();
        return;
    }
}

void RunListPanel::setActiveRun(const QString& directory) {
    m_activeRun = directory;
    refresh();
}

void RunListPanel::rebuild() {
    const QString selected = selectedDirectory();
    m_filling = true;
    m_tree->clear();
    for (const RunEntry& entry : m_entries) {
        auto* row = new QTreeWidgetItem(m_tree);
        fillItem(row, entry);
        if (QString::fromStdString(entry.directory) == selected) row->setSelected(true);
    }
    m_filling = false;
    const int count = int(m_entries.size());
    m_count->setText(count == 1 ? QString("1 run") : QString("%1 runs").arg(count));
    updateButtons();
}

void RunListPanel::fillItem(QTreeWidgetItem* row, const RunEntry& entry) const {
    const QString directory = QString::fromStdString(entry.directory);
    QString status = entry.readable ? QString::fromStdString(toString(entry.status)) : QString("unreadable");
    if (directory == m_activeRun && entry.status == RunStatus::Incomplete) status = "running";

    row->setData(NameColumn, kDirectoryRole, directory);
    row->setText(NameColumn, QString::fromStdString(entry.displayName));
    row->setIcon(NameColumn, swatch(RunPalette::colourFor(directory)));
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (entry.readable) {
        flags |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
        row->setCheckState(NameColumn, m_ticked.contains(directory) ? Qt::Checked : Qt::Unchecked);
    }
    row->setFlags(flags);

    QStringList tip;
    tip << "<b>" + QString::fromStdString(entry.displayName).toHtmlEscaped() + "</b>";
    if (!entry.settings.empty()) tip << QString::fromStdString(entry.settings).toHtmlEscaped();
    if (!entry.sweep.empty())
        tip << "in sweep " + QString::fromStdString(entry.sweep).toHtmlEscaped();
    if (!entry.startedAt.empty()) tip << "started " + QString::fromStdString(entry.startedAt);
    tip << QDir::toNativeSeparators(directory).toHtmlEscaped();
    if (!entry.error.empty())
        tip << "<i>" + QString::fromStdString(entry.error).toHtmlEscaped() + "</i>";
    row->setToolTip(NameColumn, tip.join("<br>"));

    row->setText(StatusColumn, symbolFor(status));
    QString statusTip = status;
    if (entry.readable)
        statusTip += QString(", %1 of %2 epochs").arg(entry.epochCount).arg(entry.config.epochs);
    if (!entry.error.empty()) statusTip += ": " + QString::fromStdString(entry.error);
    row->setToolTip(StatusColumn, statusTip);
    row->setData(StatusColumn, Qt::UserRole, status);
    row->setTextAlignment(StatusColumn, Qt::AlignCenter);

    row->setText(TrainColumn, percent(entry.trainAcc));
    row->setText(TestColumn, percent(entry.testAcc));
    row->setText(GapColumn, percent(entry.gap));
    row->setText(FitColumn,
                 entry.epochsToFit ? QString::number(*entry.epochsToFit) : QStringLiteral("–"));
    for (int column = TrainColumn; column <= FitColumn; ++column) {
        row->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    const QBrush text =
        entry.readable ? m_tree->palette().text() : m_tree->palette().placeholderText();
    for (int column = 0; column < m_tree->columnCount(); ++column) row->setForeground(column, text);
    if (status == "failed" || status == "diverged" || status == "unreadable") {
        row->setForeground(StatusColumn, QColor(200, 60, 40));
    } else if (status == "finished") {
        row->setForeground(StatusColumn, QColor(0, 140, 90));
    }
}

void RunListPanel::watchRoots() {
    const QStringList watched = m_watcher->directories();
    if (!watched.isEmpty()) m_watcher->removePaths(watched);
    QStringList paths;
    for (const QString& root : roots()) {
        if (QFileInfo(root).isDir()) paths << root;
    }
    for (const RunEntry& entry : m_entries) {
        if (entry.sweep.empty()) continue;
        const QString sweep = QFileInfo(QString::fromStdString(entry.directory)).absolutePath();
        if (!paths.contains(sweep)) paths << sweep;
    }
    if (!paths.isEmpty()) m_watcher->addPaths(paths);
}

const RunEntry* RunListPanel::entry(const QString& directory) const {
    for (const RunEntry& e : m_entries) {
        if (QString::fromStdString(e.directory) == directory) return &e;
    }
    return nullptr;
}

QTreeWidgetItem* RunListPanel::item(const QString& directory) const {
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* row = m_tree->topLevelItem(i);
        if (row->data(NameColumn, kDirectoryRole).toString() == directory) return row;
    }
    return nullptr;
}

std::vector<RunEntry> RunListPanel::tickedEntries() const {
    std::vector<RunEntry> ticked;
    for (const RunEntry& e : m_entries) {
        if (m_ticked.contains(QString::fromStdString(e.directory))) ticked.push_back(e);
    }
    return ticked;
}

QStringList RunListPanel::tickedDirectories() const {
    QStringList list;
    for (const RunEntry& e : tickedEntries()) list << QString::fromStdString(e.directory);
    return list;
}

void RunListPanel::setTicked(const QStringList& directories) {
    m_ticked.clear();
    for (const QString& directory : directories) {
        const RunEntry* e = entry(directory);
        if (e && e->readable) m_ticked.insert(directory);
    }
    rebuild();
    Q_EMIT comparisonChanged();
}

void RunListPanel::setTicked(const QString& directory, bool ticked) {
    QStringList list = tickedDirectories();
    list.removeAll(directory);
    if (ticked) list << directory;
    setTicked(list);
}

QString RunListPanel::selectedDirectory() const {
    const QList<QTreeWidgetItem*> selected = m_tree->selectedItems();
    return selected.isEmpty() ? QString()
                              : selected.first()->data(NameColumn, kDirectoryRole).toString();
}

void RunListPanel::onItemChanged(QTreeWidgetItem* row, int column) {
    if (m_filling || column != NameColumn) return;
    const QString directory = row->data(NameColumn, kDirectoryRole).toString();
    const RunEntry* e = entry(directory);
    if (!e) return;
    const bool ticked = row->checkState(NameColumn) == Qt::Checked;
    if (e->readable && ticked != m_ticked.contains(directory)) {
        if (ticked) {
            m_ticked.insert(directory);
        } else {
            m_ticked.remove(directory);
        }
        updateButtons();
        Q_EMIT comparisonChanged();
    }
    const QString name = row->text(NameColumn).trimmed();
    if (name != QString::fromStdString(e->displayName)) {
        // An empty name goes back to the folder name.
        renameRun(directory, name == QString::fromStdString(e->folderName) ? QString() : name);
    }
}

void RunListPanel::renameRun(const QString& directory, const QString& name) {
    try {
        RunLibrary::rename(directory.toStdString(), name.trimmed().toStdString());
    } catch (const std::exception& error) {
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
    }
    refreshRun(directory);
}

bool RunListPanel::deleteRun(const QString& directory) {
    const RunEntry* e = entry(directory);
    if (!e) return false;
    if (directory == m_activeRun) {
        Q_EMIT errorOccurred("“" + QString::fromStdString(e->displayName) +
                             "” is training now: stop it first, then delete it.");
        return false;
    }
    if (e->root == e->directory) {
        Q_EMIT errorOccurred(
            QDir::toNativeSeparators(directory) +
            " was added as a folder of its own: remove it from the library instead "
            "(right-click › Remove folder from library).");
        return false;
    }
    try {
        Deleted deleted{RunLibrary::moveToTrash(e->root, e->directory),
                        QString::fromStdString(e->displayName), m_ticked.contains(directory)};
        m_undo.push_back(deleted);
        m_ticked.remove(directory);
        m_undoLabel->setText(QString("Deleted “%1”.").arg(deleted.name));
        m_undoBar->setVisible(true);
    } catch (const std::exception& error) {
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        return false;
    }
    refresh();
    return true;
}

bool RunListPanel::undoDelete() {
    if (m_undo.empty()) return false;
    const Deleted deleted = m_undo.back();
    m_undo.pop_back();
    try {
        RunLibrary::restore(deleted.trashed);
    } catch (const std::exception& error) {
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        return false;
    }
    const QString original = QString::fromStdString(deleted.trashed.originalDirectory);
    if (m_undo.empty()) {
        m_undoBar->setVisible(false);
    } else {
        m_undoLabel->setText(QString("Deleted “%1”.").arg(m_undo.back().name));
    }
    refresh();
    // The restored folder may be spelled differently (a resolved link): match it by identity.
    for (const RunEntry& e : m_entries) {
        if (QFileInfo(QString::fromStdString(e.directory)) == QFileInfo(original) &&
            deleted.ticked) {
            setTicked(QString::fromStdString(e.directory), true);
        }
    }
    return true;
}

bool RunListPanel::restoreDeleted(const RunLibrary::TrashedRun& trashed) {
    try {
        RunLibrary::restore(trashed);
    } catch (const std::exception& error) {
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        return false;
    }
    std::erase_if(m_undo, [&](const Deleted& d) {
        return d.trashed.trashDirectory == trashed.trashDirectory;
    });
    m_undoBar->setVisible(!m_undo.empty());
    if (!m_undo.empty()) m_undoLabel->setText(QString("Deleted “%1”.").arg(m_undo.back().name));
    refresh();
    return true;
}

void RunListPanel::emptyTrash() {
    for (const QString& root : roots()) {
        try {
            RunLibrary::emptyTrash(root.toStdString());
        } catch (const std::exception& error) {
            Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        }
    }
    m_undo.clear();
    m_undoBar->setVisible(false);
}

void RunListPanel::openFolder(const QString& directory) const {
    if (!directory.isEmpty()) QDesktopServices::openUrl(QUrl::fromLocalFile(directory));
}

void RunListPanel::saveState(QSettings& settings) const {
    settings.setValue("library/folders", m_extraFolders);
    settings.setValue("library/ticked", tickedDirectories());
}

void RunListPanel::restoreState(const QSettings& settings) {
    setExtraFolders(settings.value("library/folders").toStringList());
    setTicked(settings.value("library/ticked").toStringList());
}

void RunListPanel::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, "Add run folder", QDir::homePath(), QFileDialog::ShowDirsOnly);
    if (!folder.isEmpty()) addFolder(folder);
}

void RunListPanel::startRename() {
    QTreeWidgetItem* row = item(selectedDirectory());
    if (row && (row->flags() & Qt::ItemIsEditable)) m_tree->editItem(row, NameColumn);
}

void RunListPanel::deleteSelected() {
    const QString directory = selectedDirectory();
    if (!directory.isEmpty()) deleteRun(directory);
}

void RunListPanel::confirmEmptyTrash() {
    const auto answer = QMessageBox::question(
        this, "Empty trash", "Remove the deleted runs for good? This cannot be undone.",
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) emptyTrash();
}

void RunListPanel::showContextMenu(const QPoint& position) {
    QTreeWidgetItem* row = m_tree->itemAt(position);
    QMenu menu(this);
    if (row) {
        m_tree->setCurrentItem(row);
        const QString directory = row->data(NameColumn, kDirectoryRole).toString();
        const RunEntry* e = entry(directory);
        if (e && e->readable) {
            const bool ticked = m_ticked.contains(directory);
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
    if (canUndoDelete()) menu.addAction("Undo delete", this, &RunListPanel::undoDelete);
    QMenu* deleted = menu.addMenu("Restore deleted run");
    for (const QString& root : roots()) {
        for (const RunLibrary::TrashedRun& trashed : RunLibrary::trash(root.toStdString())) {
            const QString name = QDir(QString::fromStdString(trashed.originalDirectory)).dirName();
            deleted->addAction(name, this, [this, trashed]() { restoreDeleted(trashed); });
        }
    }
    deleted->setEnabled(!deleted->isEmpty());
    menu.addAction("Empty trash…", this, &RunListPanel::confirmEmptyTrash);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void RunListPanel::updateButtons() {
    const QString selected = selectedDirectory();
    const RunEntry* e = entry(selected);
    m_renameButton->setEnabled(e && e->readable);
    m_deleteButton->setEnabled(e != nullptr);
    m_openButton->setEnabled(e != nullptr);
    const int ticked = int(m_ticked.size());
    m_compareButton->setEnabled(ticked > 0);
    m_compareButton->setText(ticked > 0 ? QString("Compare ticked (%1)").arg(ticked)
                                        : QString("Compare ticked"));
}

}  // namespace shatter

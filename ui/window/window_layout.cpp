#include "window/window_layout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QTimer>
#include <algorithm>

namespace shatter {

WindowLayout::WindowLayout(QMainWindow* window, Docks docks, QVector<QWidget*> chrome)
    : QObject(window), m_window(window), m_docks(docks), m_chrome(std::move(chrome)) {}

QVector<QWidget*> WindowLayout::docks() const { return {m_docks.experiment, m_docks.runs, m_docks.samples}; }

void WindowLayout::arrangeFor(const QRect& available) {
    m_window->addDockWidget(Qt::LeftDockWidgetArea, m_docks.experiment);
    if (available.width() < kWideScreen) {
        m_window->tabifyDockWidget(m_docks.experiment, m_docks.runs);
    } else {
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_docks.runs);
    }
    if (available.height() < kTallScreen) {
        m_window->tabifyDockWidget(m_docks.experiment, m_docks.samples);
    } else {
        m_window->addDockWidget(Qt::BottomDockWidgetArea, m_docks.samples);
        // A strip of images under the charts; the charts keep most of the height.
        m_window->resizeDocks({m_docks.samples}, {available.height() / 4}, Qt::Vertical);
    }
    m_docks.experiment->raise();
}

QVector<WindowLayout::Shown> WindowLayout::remember(const QVector<QWidget*>& widgets) const {
    QVector<Shown> shown;
    for (QWidget* widget : widgets) shown.push_back({widget, !widget->isHidden()});
    return shown;
}

void WindowLayout::restore(const QVector<Shown>& shown) {
    for (const Shown& entry : shown) {
        if (entry.widget) entry.widget->setVisible(entry.visible);
    }
}

void WindowLayout::resumePresentation(bool layoutRestored) {
    m_presentation = true;
    m_beforePresentation.clear();
    for (QWidget* dock : docks()) {
        m_beforePresentation.push_back({dock, true});
        if (!layoutRestored) dock->hide();
    }
}

void WindowLayout::setPresentation(bool on) {
    if (on == m_presentation) return;
    m_presentation = on;
    if (on) {
        m_beforePresentation = remember(docks());
        for (QWidget* dock : docks()) dock->hide();
    } else {
        restore(m_beforePresentation);
    }
    // Once the new type sizes are laid out.
    QTimer::singleShot(0, this, &WindowLayout::fitIntoScreen);
}

void WindowLayout::setChartsOnly(bool on) {
    if (on == m_chartsOnly) return;
    m_chartsOnly = on;
    if (on) {
        QVector<QWidget*> widgets = m_chrome + docks();
        m_beforeChartsOnly = remember(widgets);
        m_statesBeforeChartsOnly = m_window->windowState();
        for (QWidget* widget : widgets) widget->hide();
        m_window->showFullScreen();
    } else {
        restore(m_beforeChartsOnly);
        m_window->setWindowState(m_statesBeforeChartsOnly & ~Qt::WindowFullScreen);
        QTimer::singleShot(0, this, &WindowLayout::fitIntoScreen);
    }
}

QRect WindowLayout::fitted(const QRect& frame, const QRect& available) {
    QRect result = frame;
    result.setWidth(std::min(frame.width(), available.width()));
    result.setHeight(std::min(frame.height(), available.height()));
    result.moveLeft(std::clamp(result.left(), available.left(), available.right() - result.width() + 1));
    result.moveTop(std::clamp(result.top(), available.top(), available.bottom() - result.height() + 1));
    return result;
}

void WindowLayout::fitIntoScreen() {
    if (m_window->isFullScreen() || m_window->isMaximized()) return;
    QScreen* screen = m_window->screen();
    if (screen == nullptr) return;
    const QRect available = screen->availableGeometry();
    const QRect frame = m_window->frameGeometry();
    const QRect target = fitted(frame, available);
    if (target == frame) return;
    // The frame's decorations stay as they are; the client area takes the difference.
    const QMargins decoration(m_window->geometry().left() - frame.left(), m_window->geometry().top() - frame.top(),
                              frame.right() - m_window->geometry().right(),
                              frame.bottom() - m_window->geometry().bottom());
    m_window->setGeometry(target.marginsRemoved(decoration));
}

}  // namespace shatter

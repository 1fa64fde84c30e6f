#include "figures/figure_renderer.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

#include "common/fitting_ticker.h"
#include "figures/marked_graph.h"
#include "figures/series_style.h"

namespace shatter {

namespace {

constexpr int kMaxMarkers = 12;  // per curve; longer curves get a marker every few points

// Breaks text into lines no wider than `width` pixels, at spaces (kept lines: at newlines).
QString wrapToWidth(const QString& text, const QFontMetrics& metrics, int width) {
    QStringList lines;
    for (const QString& paragraph : text.split('\n')) {
        QString line;
        for (const QString& word : paragraph.split(' ', Qt::SkipEmptyParts)) {
            const QString candidate = line.isEmpty() ? word : line + ' ' + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > width) {
                lines << line;
                line = word;
            } else {
                line = candidate;
            }
        }
        lines << line;
    }
    return lines.join('\n');
}

QFont titleFont(const QFont& font) {
    QFont bold = font;
    bold.setBold(true);
    bold.setPointSizeF(font.pointSizeF() * 1.1);
    return bold;
}

// Starts the plot over: no graphs, items, axis rects or layout; a new empty legend.
void resetPlot(QCustomPlot* plot) {
    plot->clearPlottables();
    plot->clearItems();
    qDeleteAll(plot->findChildren<QCPMarginGroup*>(QString(), Qt::FindDirectChildrenOnly));
    plot->plotLayout()->clear();
    plot->plotLayout()->setRowSpacing(0);
    plot->plotLayout()->setColumnSpacing(0);
    plot->plotLayout()->setMargins(QMargins(6, 6, 14, 4));
    plot->legend = new QCPLegend;
}

// The legend in the middle of its row, between two empty elements that take the space it
// leaves (finishLegend caps its width), so that its columns stay together.
void placeLegend(QCustomPlot* plot, int row) {
    auto* band = new QCPLayoutGrid;
    plot->plotLayout()->addElement(row, 0, band);
    band->setColumnSpacing(0);
    band->addElement(0, 0, new QCPLayoutElement(plot));
    band->addElement(0, 1, plot->legend);
    band->addElement(0, 2, new QCPLayoutElement(plot));
    plot->legend->setLayer(QLatin1String("legend"));
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setMargins(QMargins(4, 2, 4, 2));
    plot->legend->setIconTextPadding(10);
    plot->legend->setColumnSpacing(18);
    plot->legend->setRowSpacing(0);
}

QCPTextElement* addText(QCPLayoutGrid* grid, int row, int column, const QString& text, const QString& name) {
    auto* element = new QCPTextElement(grid->parentPlot(), text);
    element->setObjectName(name);
    element->setMargins(QMargins(2, 2, 2, 4));
    grid->addElement(row, column, element);
    return element;
}

QCPAxisRect* addAxisRect(QCPLayoutGrid* grid, int row, int column) {
    auto* rect = new QCPAxisRect(grid->parentPlot());
    grid->addElement(row, column, rect);
    for (QCPAxis* axis : rect->axes()) axis->setLayer(QLatin1String("axes"));
    for (QCPAxis* axis : rect->axes()) axis->grid()->setLayer(QLatin1String("grid"));
    return rect;
}

// The plot's width now: its widget's (set before the viewport follows it), or the viewport's.
int plotWidth(const QCustomPlot* plot) { return plot->width() > 0 ? plot->width() : plot->viewport().width(); }

// The width a panel of `panels` gets in the plot, for wrapping titles and notes.
int panelWidth(const QCustomPlot* plot, int panels) {
    return std::max(120, (plotWidth(plot) - 20) / std::max(1, panels));
}

// Draws one figure's curves, axes and note into `rect`; true when it has any point.
bool drawPanel(QCustomPlot* plot, QCPAxisRect* rect, const FigureData& figure, const PlotTheme& theme,
               const QFont& font, int width) {
    QCPAxis* xAxis = rect->axis(QCPAxis::atBottom);
    QCPAxis* yAxis = rect->axis(QCPAxis::atLeft);
    xAxis->setLabel(QString::fromStdString(figure.xLabel));
    yAxis->setLabel(QString::fromStdString(figure.yLabel));

    bool levelAxis = !figure.integerX;
    double xMax = 1;
    bool any = false;
    for (const FigureData::Series& s : figure.series) {
        auto* graph = new MarkedGraph(xAxis, yAxis);
        graph->setName(QString::fromStdString(s.name));
        graph->setProperty("look", s.look);
        graph->setProperty("variant", s.variant);
        QVector<double> x(s.x.begin(), s.x.end()), y(s.y.begin(), s.y.end());
        y.resize(std::min(x.size(), y.size()));
        x.resize(y.size());
        // A curve cut short for an animation frame spaces its markers as the whole one does, so
        // that they stay put while it grows, and marks no interpolated end.
        graph->setLastUnmarked(s.interpolatedEnd);
        if (s.look >= 0) {
            const SeriesStyle::Look look = SeriesStyle::look(s.look, theme, s.variant);
            graph->setPen(QPen(look.colour, theme.lineWidth(), look.dash, Qt::FlatCap, Qt::RoundJoin));
            graph->setScatterStyle(SeriesStyle::marker(look, theme));
            const double points = double(s.wholeCount > 0 ? s.wholeCount : std::size_t(x.size()));
            const int step = std::max(1, int(std::ceil(points / kMaxMarkers)));
            graph->setMarkerSpacing(step, look.phase * step / SeriesStyle::kLookCount);
        } else {
            const QColor colour =
                s.rgb >= 0 ? theme.adapt(QColor::fromRgb(QRgb(s.rgb))) : theme.paletteColour(s.colour);
            graph->setPen(QPen(colour, theme.lineWidth(), PlotTheme::dash(s.dash), Qt::RoundCap, Qt::RoundJoin));
            if (s.markers) {
                graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour,
                                                       theme.presentation ? 11 : 7));
            }
        }
        graph->setData(x, y);
        for (double v : x) {
            xMax = any ? std::max(xMax, v) : v;
            any = true;
            if (v < 0.0 || v > 1.0) levelAxis = false;
        }
    }
    // An animation frame: the axes span the whole figure's points, drawn or not yet.
    bool anyX = any;
    if (figure.hasExtent) {
        for (double v : {figure.extentXLow, figure.extentXHigh}) {
            xMax = anyX ? std::max(xMax, v) : v;
            anyX = true;
            if (v < 0.0 || v > 1.0) levelAxis = false;
        }
    }

    if (figure.integerX) {
        FittingTicker::install(xAxis, true);
        xAxis->setRange(0, std::max(1.0, anyX ? xMax : 1.0) + 0.5);
    } else if (levelAxis) {
        FittingTicker::install(xAxis, false)->setMinimumStep(0.2);
        xAxis->setRange(-0.04, 1.04);
    } else {
        FittingTicker::install(xAxis, false);
        xAxis->rescale();
        if (figure.hasExtent && figure.extentXHigh > figure.extentXLow) {
            xAxis->setRange(figure.extentXLow, figure.extentXHigh);
        }
    }
    FittingTicker::install(yAxis, false)->setMaximumTicks(6);
    if (figure.hasYRange) {
        yAxis->setRange(figure.yLow, figure.yHigh);
    } else if (figure.hasExtent) {
        const QCPRange extent(figure.extentYLow, figure.extentYHigh);
        FigureRenderer::fitValueAxis(plot, yAxis, &extent);
    } else {
        FigureRenderer::fitValueAxis(plot, yAxis);
    }

    if (!any && !figure.hasExtent) {
        auto* empty = new QCPItemText(plot);
        empty->setClipAxisRect(rect);
        empty->position->setAxisRect(rect);
        empty->position->setType(QCPItemPosition::ptAxisRectRatio);
        empty->position->setCoords(0.5, 0.5);
        const QString note = figure.note.empty() ? QString("No finished epochs yet: run a sweep or load run folders.")
                                                 : QString::fromStdString(figure.note);
        // As wide as the chart inside its axes (the y axis takes about 70 pixels).
        empty->setText(wrapToWidth(note, QFontMetrics(font), std::max(80, width - 90)));
        empty->setFont(font);
        empty->setTextAlignment(Qt::AlignCenter);
        empty->setColor(theme.foreground());
        empty->setObjectName("emptyNote");
    }
    return any;
}

// Where the legend lists a look once for several panels: the key that says two graphs look alike.
QString legendKey(const QCPAbstractPlottable* plottable) {
    const int look = plottable->property("look").toInt();
    if (look < 0) return "name:" + plottable->name();
    return QString("look:%1:%2").arg(look).arg(plottable->property("variant").toInt());
}

void addCaption(QCustomPlot* plot, int row, const FigureData& figure, const QFont& font, int width) {
    if (figure.caption.empty()) return;
    const QString text = wrapToWidth(QString::fromStdString(figure.caption), QFontMetrics(font), width - 20);
    QCPTextElement* caption = addText(plot->plotLayout(), row, 0, text, PlotTheme::kCaptionName);
    caption->setMargins(QMargins(4, 8, 4, 2));
    plot->plotLayout()->setRowStretchFactor(row, 0.001);
}

void finishLegend(QCustomPlot* plot) {
    FigureRenderer::fitLegendColumns(plot->legend, plotWidth(plot) - 30);
    QCPLayoutElement* legend = plot->legend;
    legend->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
    legend->setMaximumSize(legend->minimumOuterSizeHint().width(), QWIDGETSIZE_MAX);
    plot->legend->setVisible(!FigureRenderer::legendItems(plot->legend).isEmpty());
}

}  // namespace

void FigureRenderer::fitValueAxis(QCustomPlot* plot) { fitValueAxis(plot, plot->yAxis); }

void FigureRenderer::fitValueAxis(QCustomPlot* plot, QCPAxis* valueAxis, const QCPRange* include) {
    bool found = include != nullptr;
    QCPRange range = include ? *include : QCPRange(0, 1);
    for (int i = 0; i < plot->graphCount(); ++i) {
        if (plot->graph(i)->valueAxis() != valueAxis) continue;
        bool ok = false;
        const QCPRange r = plot->graph(i)->getValueRange(ok);
        if (!ok) continue;
        range = found ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper)) : r;
        found = true;
    }
    const double low = std::min(0.0, range.lower);
    const double high = std::max(range.upper, low + 1e-3);
    valueAxis->setRange(low, high + (high - low) * 0.08);
}

int FigureRenderer::heightForAxisTitles(QCustomPlot* plot) {
    int needed = 0;
    for (QCPAxisRect* rect : plot->axisRects()) {
        if (rect->height() <= 0) continue;
        for (QCPAxis* axis : rect->axes(QCPAxis::atLeft | QCPAxis::atRight)) {
            if (!axis->visible() || axis->label().isEmpty()) continue;
            const QFontMetrics metrics(axis->labelFont());
            const int label = metrics.horizontalAdvance(axis->label()) + metrics.height();
            needed = std::max(needed, plot->height() - rect->height() + label);
        }
    }
    return needed;
}

QList<QCPAbstractLegendItem*> FigureRenderer::legendItems(const QCPLegend* legend) {
    // A legend in columns has empty cells after its last item; they count in itemCount().
    QList<QCPAbstractLegendItem*> items;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (QCPAbstractLegendItem* item = legend->item(i)) items << item;
    }
    return items;
}

int FigureRenderer::fitLegendColumns(QCPLegend* legend, int width) {
    std::vector<int> widths;
    for (QCPAbstractLegendItem* item : legendItems(legend)) widths.push_back(item->minimumOuterSizeHint().width());
    const int count = int(widths.size());
    int columns = std::max(1, count);
    for (; columns > 1; --columns) {
        int total = legend->margins().left() + legend->margins().right() + (columns - 1) * legend->columnSpacing();
        for (int c = 0; c < columns; ++c) {
            int widest = 0;
            for (int i = c; i < count; i += columns) widest = std::max(widest, widths[std::size_t(i)]);
            total += widest;
        }
        if (total <= width) break;
    }
    legend->setWrap(columns);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    return columns;
}

void FigureRenderer::draw(QCustomPlot* plot, const FigureData& figure, const PlotTheme& theme, const QFont& font,
                          bool withCaption) {
    resetPlot(plot);
    const int width = panelWidth(plot, 1);
    const QString title = wrapToWidth(QString::fromStdString(figure.title), QFontMetrics(titleFont(font)), width - 10);
    addText(plot->plotLayout(), 0, 0, title, "figureTitle");
    placeLegend(plot, 1);
    QCPAxisRect* rect = addAxisRect(plot->plotLayout(), 2, 0);
    plot->xAxis = rect->axis(QCPAxis::atBottom);
    plot->yAxis = rect->axis(QCPAxis::atLeft);
    plot->xAxis2 = rect->axis(QCPAxis::atTop);
    plot->yAxis2 = rect->axis(QCPAxis::atRight);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    drawPanel(plot, rect, figure, theme, font, width);
    if (withCaption) addCaption(plot, 3, figure, font, width);
    theme.apply(plot, font);
    finishLegend(plot);
}

void FigureRenderer::drawPanels(QCustomPlot* plot, const std::vector<FigureData>& panels, const PlotTheme& theme,
                                const QFont& font, bool withCaption) {
    resetPlot(plot);
    placeLegend(plot, 0);
    auto* grid = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 0, grid);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    grid->setRowSpacing(0);
    grid->setColumnSpacing(QFontMetrics(font).height());
    auto* group = new QCPMarginGroup(plot);
    const int width = panelWidth(plot, int(panels.size()));
    for (std::size_t i = 0; i < panels.size(); ++i) {
        const int column = int(i);
        const QString title =
            wrapToWidth(QString::fromStdString(panels[i].title), QFontMetrics(titleFont(font)), width - 10);
        addText(grid, 0, column, title, "panelTitle");
        QCPAxisRect* rect = addAxisRect(grid, 1, column);
        rect->setMarginGroup(QCP::msTop | QCP::msBottom, group);
        if (i == 0) {
            plot->xAxis = rect->axis(QCPAxis::atBottom);
            plot->yAxis = rect->axis(QCPAxis::atLeft);
            plot->xAxis2 = rect->axis(QCPAxis::atTop);
            plot->yAxis2 = rect->axis(QCPAxis::atRight);
        }
        drawPanel(plot, rect, panels[i], theme, font, width);
    }
    grid->setRowStretchFactor(0, 0.001);
    // One legend entry per look: the first graph of each names it (with the other names it has
    // in other panels), the others leave the legend.
    std::vector<std::pair<QString, QCPAbstractPlottable*>> firsts;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = plot->plottable(i);
        const QString key = legendKey(plottable);
        auto first = std::find_if(firsts.begin(), firsts.end(), [&key](const auto& f) { return f.first == key; });
        if (first == firsts.end()) {
            firsts.emplace_back(key, plottable);
            continue;
        }
        const QStringList names = first->second->name().split(" / ");
        if (!names.contains(plottable->name())) first->second->setName(first->second->name() + " / " + plottable->name());
        plottable->removeFromLegend();
    }
    if (withCaption && !panels.empty()) addCaption(plot, 2, panels.front(), font, panelWidth(plot, 1));
    theme.apply(plot, font);
    finishLegend(plot);
}

bool FigureRenderer::formatFor(const QString& path, Format* format) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") *format = Format::Png;
    else if (suffix == "svg") *format = Format::Svg;
    else if (suffix == "pdf") *format = Format::Pdf;
    else if (suffix == "csv") *format = Format::Csv;
    else return false;
    return true;
}


namespace {

// Lays `plot` out at `size` and draws it with `drawOn`; replots so that the tick labels are
// chosen for the final axis lengths before the file is painted.
void layOut(QCustomPlot* plot, QSize size, const std::function<void(QCustomPlot*)>& drawOn) {
    plot->resize(size);
    plot->setViewport(QRect(QPoint(0, 0), size));
    drawOn(plot);
    plot->replot();
    plot->replot();
}

// Lays the figure out at 96 dpi and scales the painter, so that type keeps its size in points:
// `size` pixels at `dpi`, on the theme's background.
QImage paintImage(QCustomPlot* plot, const PlotTheme& theme, QSize size, int dpi,
                  const std::function<void(QCustomPlot*)>& draw) {
    const double scale = dpi / 96.0;
    const QSize logical(int(std::ceil(size.width() / scale)), int(std::ceil(size.height() / scale)));
    layOut(plot, logical, draw);
    QImage image(size, QImage::Format_ARGB32);
    image.fill(theme.background());
    {
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        plot->toPainter(&painter, logical.width(), logical.height());
    }
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

// A plot that draws for files, never shown, in the theme's export font.
struct OffscreenPlot {
    explicit OffscreenPlot(const PlotTheme& theme) : font(theme.exportFont()) {
        plot.setAttribute(Qt::WA_DontShowOnScreen);
        plot.setFont(font);
    }
    QCustomPlot plot;
    QFont font;
};

// Writes the plot `drawOn` draws to `path` in `format`; the common part of save and savePanels.
bool render(FigureRenderer::Format format, const PlotTheme& theme, const QString& path, const QString& title, QSize size, int dpi,
            const std::function<void(QCustomPlot*, const QFont&)>& drawOn) {
    OffscreenPlot offscreen(theme);
    QCustomPlot& plot = offscreen.plot;
    const QFont font = offscreen.font;
    auto draw = [&](QCustomPlot* p) { drawOn(p, font); };

    using Format = FigureRenderer::Format;
    if (format == Format::Png) return paintImage(&plot, theme, size, dpi, draw).save(path, "PNG");
    layOut(&plot, size, draw);
    if (format == Format::Svg) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setResolution(96);
        generator.setTitle(title);
        generator.setDescription("Shatter figure");
        QCPPainter painter;
        bool ok = painter.begin(&generator);
        if (ok) {
            painter.fillRect(QRect(QPoint(0, 0), size), theme.background());
            plot.toPainter(&painter, size.width(), size.height());
            ok = painter.end();
        }
        return ok && QFileInfo(path).size() > 0;
    }
    return plot.savePdf(path, size.width(), size.height(), QCP::epNoCosmetic, "Shatter", title);
}

bool checkSize(QSize size, QString* error) {
    if (size.width() < 50 || size.height() < 50 || size.width() > 20000 || size.height() > 20000) {
        if (error) *error = QString("%1 x %2: a figure is 50 to 20000 pixels on a side").arg(size.width()).arg(size.height());
        return false;
    }
    return true;
}

bool writeText(const QString& path, const std::string& text, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
        !file.commit()) {
        if (error) *error = path + ": " + file.errorString();
        return false;
    }
    return true;
}

}  // namespace

QImage FigureRenderer::image(const FigureData& figure, const PlotTheme& theme, QSize size, int dpi) {
    OffscreenPlot offscreen(theme);
    return paintImage(&offscreen.plot, theme, size, std::clamp(dpi, 36, 1200),
                      [&](QCustomPlot* plot) { draw(plot, figure, theme, offscreen.font, true); });
}

QImage FigureRenderer::panelsImage(const std::vector<FigureData>& panels, const PlotTheme& theme, QSize size,
                                   int dpi) {
    OffscreenPlot offscreen(theme);
    return paintImage(&offscreen.plot, theme, size, std::clamp(dpi, 36, 1200),
                      [&](QCustomPlot* plot) { drawPanels(plot, panels, theme, offscreen.font, true); });
}

bool FigureRenderer::saveCsv(const FigureData& figure, const QString& path, QString* error) {
    return writeText(path, figure.toCsv(), error);
}

bool FigureRenderer::save(const FigureData& figure, const PlotTheme& theme, const QString& path, QSize size,
                          int dpi, QString* error) {
    Format format;
    if (!formatFor(path, &format)) {
        if (error) *error = path + ": unknown format; use .png, .svg, .pdf or .csv";
        return false;
    }
    if (format == Format::Csv) return saveCsv(figure, path, error);
    if (!checkSize(size, error)) return false;
    const bool ok = render(format, theme, path, QString::fromStdString(figure.title), size, std::clamp(dpi, 36, 1200),
                           [&](QCustomPlot* plot, const QFont& font) { draw(plot, figure, theme, font, true); });
    if (!ok && error) *error = path + ": could not be written (is the folder writable?)";
    return ok;
}

bool FigureRenderer::savePanels(const std::vector<FigureData>& panels, const PlotTheme& theme, const QString& path,
                                QSize size, int dpi, QString* error) {
    Format format;
    if (!formatFor(path, &format)) {
        if (error) *error = path + ": unknown format; use .png, .svg, .pdf or .csv";
        return false;
    }
    if (format == Format::Csv) return writeText(path, FigureData::panelsCsv(panels), error);
    if (!checkSize(size, error)) return false;
    QStringList titles;
    for (const FigureData& panel : panels) titles << QString::fromStdString(panel.title);
    const bool ok = render(format, theme, path, titles.join(", "), size, std::clamp(dpi, 36, 1200),
                           [&](QCustomPlot* plot, const QFont& font) { drawPanels(plot, panels, theme, font, true); });
    if (!ok && error) *error = path + ": could not be written (is the folder writable?)";
    return ok;
}

}  // namespace shatter

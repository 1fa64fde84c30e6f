#include "figures/figure_renderer.h"

#include <algorithm>
#include <cmath>

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace shatter {

namespace {

constexpr const char* kLayoutProperty = "shatterFigureLayout";

// Title in the first row, the legend in the second, the chart below: the legend never hides data.
QCPTextElement* ensureLayout(QCustomPlot* plot) {
    if (!plot->property(kLayoutProperty).toBool()) {
        plot->setProperty(kLayoutProperty, true);
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString()));
        plot->plotLayout()->insertRow(1);
        plot->axisRect()->insetLayout()->take(plot->legend);
        plot->plotLayout()->addElement(1, 0, plot->legend);
        plot->plotLayout()->setRowStretchFactor(0, 0.001);
        plot->plotLayout()->setRowStretchFactor(1, 0.001);
        plot->plotLayout()->setRowSpacing(0);
        plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        plot->legend->setWrap(3);
        plot->legend->setVisible(true);
        plot->legend->setMargins(QMargins(4, 0, 4, 0));
        plot->legend->setIconTextPadding(14);
        plot->plotLayout()->setMargins(QMargins(6, 6, 14, 4));
    }
    return qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
}

// Breaks text into lines no wider than `width` pixels, at spaces.
QString wrapToWidth(const QString& text, const QFontMetrics& metrics, int width) {
    QStringList lines;
    QString line;
    for (const QString& word : text.split(' ', Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + ' ' + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > width) {
            lines << line;
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty()) lines << line;
    return lines.join('\n');
}

}  // namespace

void FigureRenderer::fitValueAxis(QCustomPlot* plot) {
    bool found = false;
    QCPRange range(0, 1);
    for (int i = 0; i < plot->graphCount(); ++i) {
        bool ok = false;
        const QCPRange r = plot->graph(i)->getValueRange(ok);
        if (!ok) continue;
        range = found ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper)) : r;
        found = true;
    }
    const double low = std::min(0.0, range.lower);
    const double high = std::max(range.upper, low + 1e-3);
    plot->yAxis->setRange(low, high + (high - low) * 0.08);
}

void FigureRenderer::draw(QCustomPlot* plot, const FigureData& figure, const PlotTheme& theme, const QFont& font) {
    QCPTextElement* title = ensureLayout(plot);
    plot->clearPlottables();
    plot->clearItems();
    title->setText(QString::fromStdString(figure.title));
    plot->xAxis->setLabel(QString::fromStdString(figure.xLabel));
    plot->yAxis->setLabel(QString::fromStdString(figure.yLabel));

    bool levelAxis = !figure.integerX;
    double xMin = 0, xMax = 1;
    bool any = false;
    for (const FigureData::Series& s : figure.series) {
        QCPGraph* graph = plot->addGraph();
        graph->setName(QString::fromStdString(s.name));
        const QColor colour = s.rgb >= 0 ? theme.adapt(QColor::fromRgb(QRgb(s.rgb))) : theme.paletteColour(s.colour);
        graph->setPen(QPen(colour, theme.lineWidth(), PlotTheme::dash(s.dash), Qt::RoundCap, Qt::RoundJoin));
        if (s.markers) {
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour,
                                                   theme.presentation ? 11 : 7));
        }
        QVector<double> x(s.x.begin(), s.x.end()), y(s.y.begin(), s.y.end());
        y.resize(std::min(x.size(), y.size()));
        x.resize(y.size());
        graph->setData(x, y);
        for (double v : x) {
            xMin = any ? std::min(xMin, v) : v;
            xMax = any ? std::max(xMax, v) : v;
            any = true;
            if (v < 0.0 || v > 1.0) levelAxis = false;
        }
    }

    if (figure.integerX) {
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        ticker->setTickCount(6);
        plot->xAxis->setTicker(ticker);
        plot->xAxis->setRange(0, std::max(1.0, any ? xMax : 1.0) + 0.5);
    } else if (levelAxis) {
        // Steps of 0.2 where the labels fit side by side, 0.5 on a narrow chart.
        const QFontMetrics tickMetrics(font);
        const int labelSpace = tickMetrics.horizontalAdvance("0.8") + 14;
        const int available = std::max(0, plot->width() - 90);
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(6 * labelSpace <= available ? 0.2 : 0.5);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
        plot->xAxis->setTicker(ticker);
        plot->xAxis->setRange(-0.04, 1.04);
    } else {
        plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        plot->xAxis->rescale();
    }
    plot->yAxis->ticker()->setTickCount(5);
    if (figure.hasYRange) {
        plot->yAxis->setRange(figure.yLow, figure.yHigh);
    } else {
        fitValueAxis(plot);
    }

    if (!any) {
        auto* empty = new QCPItemText(plot);
        empty->position->setType(QCPItemPosition::ptAxisRectRatio);
        empty->position->setCoords(0.5, 0.5);
        const QString note = figure.note.empty() ? QString("No finished epochs yet: run a sweep or load run folders.")
                                                 : QString::fromStdString(figure.note);
        empty->setText(wrapToWidth(note, QFontMetrics(font), std::max(100, plot->width() - 110)));
        empty->setFont(font);
        empty->setTextAlignment(Qt::AlignCenter);
        empty->setColor(theme.foreground());
    }
    plot->legend->setVisible(!figure.series.empty());
    // As many legend columns as fit the width: names are never cut off.
    int widest = 0;
    const QFontMetrics metrics(font);
    for (const FigureData::Series& s : figure.series) {
        widest = std::max(widest, metrics.horizontalAdvance(QString::fromStdString(s.name)));
    }
    const int item = widest + plot->legend->iconSize().width() + 3 * metrics.height();
    const int width = plot->viewport().width() > 0 ? plot->viewport().width() : plot->width();
    plot->legend->setWrap(std::clamp(width / std::max(1, item), 1, 4));
    theme.apply(plot, font);
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

bool FigureRenderer::saveCsv(const FigureData& figure, const QString& path, QString* error) {
    QSaveFile file(path);
    const std::string text = figure.toCsv();
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
        !file.commit()) {
        if (error) *error = path + ": " + file.errorString();
        return false;
    }
    return true;
}

bool FigureRenderer::save(const FigureData& figure, const PlotTheme& theme, const QString& path, QSize size,
                          int dpi, QString* error) {
    Format format;
    if (!formatFor(path, &format)) {
        if (error) *error = path + ": unknown format; use .png, .svg, .pdf or .csv";
        return false;
    }
    if (format == Format::Csv) return saveCsv(figure, path, error);
    if (size.width() < 50 || size.height() < 50 || size.width() > 20000 || size.height() > 20000) {
        if (error) *error = QString("%1 x %2: a figure is 50 to 20000 pixels on a side").arg(size.width()).arg(size.height());
        return false;
    }
    dpi = std::clamp(dpi, 36, 1200);

    QCustomPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    const QFont font = theme.exportFont();
    plot.setFont(font);

    bool ok = false;
    if (format == Format::Png) {
        // Lay the figure out at 96 dpi and scale the painter, so type keeps its size in points.
        const double scale = dpi / 96.0;
        const int width = int(std::ceil(size.width() / scale));
        const int height = int(std::ceil(size.height() / scale));
        plot.resize(width, height);
        plot.setViewport(QRect(0, 0, width, height));
        draw(&plot, figure, theme, font);
        QImage image(size, QImage::Format_ARGB32);
        image.fill(theme.background());
        {
            QCPPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::TextAntialiasing);
            painter.scale(scale, scale);
            plot.toPainter(&painter, width, height);
        }
        const int dotsPerMeter = int(std::lround(dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        ok = image.save(path, "PNG");
    } else if (format == Format::Svg) {
        plot.resize(size);
        plot.setViewport(QRect(QPoint(0, 0), size));
        draw(&plot, figure, theme, font);
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setResolution(96);
        generator.setTitle(QString::fromStdString(figure.title));
        generator.setDescription("Shatter figure");
        QCPPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            painter.fillRect(QRect(QPoint(0, 0), size), theme.background());
            plot.toPainter(&painter, size.width(), size.height());
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        plot.resize(size);
        plot.setViewport(QRect(QPoint(0, 0), size));
        draw(&plot, figure, theme, font);
        ok = plot.savePdf(path, size.width(), size.height(), QCP::epNoCosmetic, "Shatter",
                          QString::fromStdString(figure.title));
    }
    if (!ok && error) *error = path + ": could not be written (is the folder writable?)";
    return ok;
}

}  // namespace shatter

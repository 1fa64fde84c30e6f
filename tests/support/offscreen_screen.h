#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// Gives the offscreen platform a screen of the given size (its own is 800×600, smaller than the
// window a test may want): writes the platform's screen file into `folder` and points
// QT_QPA_PLATFORM at it. Call before the QApplication is made; false if the file cannot be written.
inline bool useOffscreenScreen(const QString& folder, int width, int height) {
    const QString path = folder + "/offscreen-screens.json";
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write(QString(R"({"screens": [{"name": "screen", "x": 0, "y": 0, "width": %1, "height": %2,
                        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                   .arg(width)
                   .arg(height)
                   .toUtf8());
    file.close();
    return qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + path).toUtf8());
}

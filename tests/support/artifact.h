#pragma once

// Screenshots the GUI tests save for a person to look at, into SHATTER_ARTIFACT_DIR (defined per
// test target in tests/ui/CMakeLists.txt).

#include <QDir>
#include <QString>
#include <QTest>
#include <QWidget>

namespace shatter::test {

inline void saveArtifact(QWidget& widget, const QString& name) {
    QDir().mkpath(SHATTER_ARTIFACT_DIR);
    const QString path = QString(SHATTER_ARTIFACT_DIR) + "/" + name;
    QVERIFY2(widget.grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

}  // namespace shatter::test

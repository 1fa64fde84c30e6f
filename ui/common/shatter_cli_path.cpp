#include "common/shatter_cli_path.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace shatter {

QString shatterCliPath() {
    const QString configured = qEnvironmentVariable("SHATTER_CLI");
    if (!configured.isEmpty()) return configured;
    const QString beside = QCoreApplication::applicationDirPath() + "/shatter-cli";
    return QFileInfo(beside).isExecutable() ? beside : QStringLiteral("shatter-cli");
}

}  // namespace shatter

#pragma once

#include <QString>

namespace shatter {

// Unpacks a .tar.gz (any format libarchive reads) into a folder. Entries with absolute paths or
// ".." are refused. Throws DataError naming the archive and the problem.
class ArchiveExtractor {
public:
    static void extract(const QString& archive, const QString& destination);
};

}  // namespace shatter

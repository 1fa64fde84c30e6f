#include "data/archive_extractor.h"

#include <memory>

#include <QDir>
#include <QFile>
#include <archive.h>
#include <archive_entry.h>

#include "shatter_error.h"

namespace shatter {

namespace {

struct ArchiveCloser {
    void operator()(archive* a) const {
        archive_read_free(a);
    }
};
struct WriterCloser {
    void operator()(archive* a) const {
        archive_write_free(a);
    }
};

[[noreturn]] void fail(const QString& archivePath, const QString& what) {
    throw DataError((archivePath + ": " + what).toStdString());
}

}  // namespace

void ArchiveExtractor::extract(const QString& archivePath, const QString& destination) {
    std::unique_ptr<archive, ArchiveCloser> reader(archive_read_new());
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_all(reader.get());
    const QByteArray path = QFile::encodeName(archivePath);
    if (archive_read_open_filename(reader.get(), path.constData(), 1 << 16) != ARCHIVE_OK) {
        fail(archivePath, QString("cannot open the archive (%1)").arg(archive_error_string(reader.get())));
    }
    std::unique_ptr<archive, WriterCloser> writer(archive_write_disk_new());
    // Entry names are checked below (no absolute paths, no ".."), then made absolute under
    // the destination, so libarchive's own absolute-path guard cannot be used here.
    archive_write_disk_set_options(writer.get(), ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                                                     ARCHIVE_EXTRACT_SECURE_SYMLINKS);
    const QDir target(destination);
    if (!target.exists() && !QDir().mkpath(destination)) fail(archivePath, "cannot create " + destination);

    archive_entry* entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) break;
        if (status != ARCHIVE_OK) {
            fail(archivePath, QString("damaged archive (%1)").arg(archive_error_string(reader.get())));
        }
        const QString name = QString::fromUtf8(archive_entry_pathname(entry));
        if (name.startsWith('/') || name.split('/').contains("..")) fail(archivePath, "unsafe entry " + name);
        const QByteArray full = QFile::encodeName(target.filePath(name));
        archive_entry_set_pathname(entry, full.constData());
        if (archive_write_header(writer.get(), entry) != ARCHIVE_OK) {
            fail(archivePath, QString("cannot write %1 (%2)").arg(name, archive_error_string(writer.get())));
        }
        const void* block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        for (;;) {
            const int read = archive_read_data_block(reader.get(), &block, &size, &offset);
            if (read == ARCHIVE_EOF) break;
            if (read != ARCHIVE_OK) {
                fail(archivePath, QString("damaged data in %1 (%2)").arg(name, archive_error_string(reader.get())));
            }
            if (archive_write_data_block(writer.get(), block, size, offset) != ARCHIVE_OK) {
                fail(archivePath, QString("cannot write %1 (%2)").arg(name, archive_error_string(writer.get())));
            }
        }
        archive_write_finish_entry(writer.get());
    }
}

}  // namespace shatter

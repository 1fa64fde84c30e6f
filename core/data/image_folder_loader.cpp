#include "data/image_folder_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <set>

#include "data/image_header.h"
#include "shatter_error.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

struct LoadedImage {
    cv::Mat pixels;  // kSide x kSide, 1 or 3 channels (RGB order)
    int label = 0;
};

bool isImageFile(const fs::path& path) {
    static const std::set<std::string> extensions = {".png",  ".jpg", ".jpeg", ".bmp",
                                                     ".tif",  ".tiff", ".webp", ".pgm",
                                                     ".ppm"};
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return extensions.count(ext) > 0;
}

std::vector<std::string> listClassFolders(const fs::path& split) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(split)) {
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string readFileBytes(const fs::path& path) {
    const std::uintmax_t size = fs::file_size(path);
    if (size > ImageFolderLoader::kMaxFileBytes) {
        throw DataError(path.string() + ": " + std::to_string(size / (1024 * 1024)) +
                        " MiB, larger than the " +
                        std::to_string(ImageFolderLoader::kMaxFileBytes / (1024 * 1024)) +
                        " MiB an image may have");
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::ifstream in(path, std::ios::binary);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        throw DataError(path.string() + ": cannot read the file");
    }
    return bytes;
}

// Checks format and size from the header before OpenCV allocates anything: a header of a few
// bytes can claim billions of pixels, and OpenCV would decode formats (EXR, JPEG 2000, HDR, ...)
// that Shatter does not list whatever the file is named.
void checkHeader(const fs::path& path, const std::string& bytes) {
    const std::optional<ImageHeader> header = ImageHeader::read(bytes);
    if (!header) {
        throw DataError(
            path.string() +
            ": unreadable image (not a valid PNG, JPEG, BMP, TIFF, WebP or PGM/PPM file)");
    }
    const std::string size = std::to_string(header->width) + "x" + std::to_string(header->height);
    if (header->width == 0 || header->height == 0) {
        throw DataError(path.string() + ": unreadable image (" +
                        ImageHeader::formatName(header->format) + " of " + size + " pixels)");
    }
    if (header->pixels() > ImageFolderLoader::kMaxPixels ||
        header->decodedBytes() > ImageFolderLoader::kMaxDecodedBytes) {
        throw DataError(path.string() + ": " + ImageHeader::formatName(header->format) + " of " +
                        size + " pixels, too large to decode (at most " +
                        std::to_string(ImageFolderLoader::kMaxPixels / (1024 * 1024)) +
                        " megapixels); images are shrunk to " +
                        std::to_string(ImageFolderLoader::kSide) + "x" +
                        std::to_string(ImageFolderLoader::kSide) + ", so scale them down first");
    }
}

cv::Mat readImage(const fs::path& path) {
    const std::string bytes = readFileBytes(path);
    checkHeader(path, bytes);
    const cv::Mat encoded(1, static_cast<int>(bytes.size()), CV_8U,
                          const_cast<char*>(bytes.data()));
    cv::Mat image = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
    if (image.empty()) throw DataError(path.string() + ": unreadable image (not a valid image file)");
    if (image.depth() != CV_8U) {
        cv::Mat converted;
        const double scale = image.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
        image.convertTo(converted, CV_8U, scale);
        image = converted;
    }
    if (image.channels() == 4) cv::cvtColor(image, image, cv::COLOR_BGRA2RGB);
    else if (image.channels() == 3) cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    else if (image.channels() != 1) {
        throw DataError(path.string() + ": " + std::to_string(image.channels()) +
                        " channels, expected 1, 3 or 4");
    }
    if (image.rows != ImageFolderLoader::kSide || image.cols != ImageFolderLoader::kSide) {
        cv::resize(image, image, cv::Size(ImageFolderLoader::kSide, ImageFolderLoader::kSide), 0, 0,
                   cv::INTER_AREA);
    }
    return image;
}

std::vector<LoadedImage> readSplit(const fs::path& split, const std::vector<std::string>& classes) {
    std::vector<LoadedImage> images;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        const fs::path folder = split / classes[c];
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.is_regular_file() && isImageFile(entry.path())) files.push_back(entry.path());
        }
        if (files.empty()) {
            throw DataError(folder.string() + ": empty class folder (no PNG/JPEG/BMP images)");
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) images.push_back({readImage(file), static_cast<int>(c)});
    }
    return images;
}

ImageSet toImageSet(const std::vector<LoadedImage>& images, int channels) {
    const int side = ImageFolderLoader::kSide;
    ImageSet set;
    set.channels = channels;
    set.height = side;
    set.width = side;
    set.pixels.resize(images.size() * set.imageBytes());
    set.labels.reserve(images.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        cv::Mat image = images[i].pixels;
        if (channels == 3 && image.channels() == 1) cv::cvtColor(image, image, cv::COLOR_GRAY2RGB);
        std::uint8_t* out = set.image(i);
        for (int y = 0; y < side; ++y) {
            const std::uint8_t* row = image.ptr<std::uint8_t>(y);
            for (int x = 0; x < side; ++x) {
                for (int ch = 0; ch < channels; ++ch) {
                    out[(ch * side + y) * side + x] = row[x * channels + ch];
                }
            }
        }
        set.labels.push_back(images[i].label);
    }
    return set;
}

}  // namespace

Dataset ImageFolderLoader::readDirectory(const std::string& root) {
    // A symlink loop, a folder without read permission or a file vanishing meanwhile surface
    // as filesystem or OpenCV exceptions; both become a DataError naming the path.
    try {
        return readDirectoryUnchecked(root);
    } catch (const fs::filesystem_error& error) {
        const std::string path = error.path1().empty() ? root : error.path1().string();
        throw DataError(path + ": cannot read (" + error.code().message() + ")");
    } catch (const cv::Exception& error) {
        throw DataError(root + ": an image could not be decoded (" + error.msg + ")");
    }
}

Dataset ImageFolderLoader::readDirectoryUnchecked(const std::string& root) {
    std::error_code ec;
    const fs::path base(root);
    if (!fs::is_directory(base, ec)) throw DataError(root + ": folder not found");
    const fs::path trainFolder = base / "train";
    const fs::path testFolder = base / "test";
    if (!fs::is_directory(trainFolder, ec) || !fs::is_directory(testFolder, ec)) {
        throw DataError(root + ": an image folder needs train/<class>/ and test/<class>/ subfolders");
    }
    const std::vector<std::string> classes = listClassFolders(trainFolder);
    if (classes.size() < 2) {
        throw DataError(trainFolder.string() + ": " + std::to_string(classes.size()) +
                        " class folders, need at least 2");
    }
    for (const std::string& testClass : listClassFolders(testFolder)) {
        if (!std::binary_search(classes.begin(), classes.end(), testClass)) {
            throw DataError((testFolder / testClass).string() +
                            ": class folder has no counterpart in " + trainFolder.string());
        }
    }

    const std::vector<LoadedImage> train = readSplit(trainFolder, classes);
    const std::vector<LoadedImage> test = readSplit(testFolder, classes);
    if (test.empty()) throw DataError(testFolder.string() + ": no test images");
    bool allGray = true;
    for (const auto* split : {&train, &test}) {
        for (const LoadedImage& image : *split) allGray = allGray && image.pixels.channels() == 1;
    }
    const int channels = allGray ? 1 : 3;

    Dataset dataset;
    dataset.name = base.filename().empty() ? root : base.filename().string();
    dataset.classNames = classes;
    dataset.train = toImageSet(train, channels);
    dataset.test = toImageSet(test, channels);
    return dataset;
}

}  // namespace shatter

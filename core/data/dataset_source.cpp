#include "data/dataset_source.h"

#include "data/cifar10_loader.h"
#include "data/idx_loader.h"
#include "data/image_folder_loader.h"
#include "shatter_error.h"

namespace shatter {

namespace {

const std::vector<std::string> kFashionClassNames = {"T-shirt/top", "Trouser", "Pullover", "Dress",
                                                     "Coat",        "Sandal",  "Shirt",    "Sneaker",
                                                     "Bag",         "Ankle boot"};
const std::vector<std::string> kDigitClassNames = {"0", "1", "2", "3", "4",
                                                   "5", "6", "7", "8", "9"};

}  // namespace

DatasetSource DatasetSource::parse(const std::string& spec) {
    const std::size_t colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    const std::string directory = colon == std::string::npos ? "" : spec.substr(colon + 1);
    DatasetSource source;
    source.directory = directory;
    if (kind == "fashion-mnist") {
        source.kind = Kind::FashionMnist;
        return source;
    }
    if (kind == "mnist") source.kind = Kind::Mnist;
    else if (kind == "cifar10") source.kind = Kind::Cifar10;
    else if (kind == "folder") source.kind = Kind::ImageFolder;
    else {
        throw ConfigError("dataset '" + spec +
                          "': unknown kind; use fashion-mnist, fashion-mnist:DIR, mnist:DIR, "
                          "cifar10:DIR or folder:DIR");
    }
    if (directory.empty()) {
        throw ConfigError("dataset '" + spec + "': needs a folder, e.g. " + kind + ":/path/to/data");
    }
    return source;
}

std::string DatasetSource::toString() const {
    switch (kind) {
        case Kind::FashionMnist:
            return directory.empty() ? "fashion-mnist" : "fashion-mnist:" + directory;
        case Kind::Mnist: return "mnist:" + directory;
        case Kind::Cifar10: return "cifar10:" + directory;
        case Kind::ImageFolder: return "folder:" + directory;
    }
    return "fashion-mnist";
}

std::string DatasetSource::resolvedDirectory() const {
    if (kind == Kind::FashionMnist && directory.empty()) return kBuiltInFashionMnistDirectory;
    return directory;
}

Dataset DatasetSource::load() const {
    switch (kind) {
        case Kind::FashionMnist:
            return IdxLoader::readDirectory(resolvedDirectory(), "Fashion-MNIST", kFashionClassNames);
        case Kind::Mnist: return IdxLoader::readDirectory(directory, "MNIST", kDigitClassNames);
        case Kind::Cifar10: return Cifar10Loader::readDirectory(directory);
        case Kind::ImageFolder: return ImageFolderLoader::readDirectory(directory);
    }
    throw ConfigError("unknown dataset kind");
}

}  // namespace shatter

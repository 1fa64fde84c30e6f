// Built instead of image_folder_loader.cpp when Shatter is configured without OpenCV
// (SHATTER_WITH_OPENCV=OFF, the headless GPU build): every other dataset still loads.
#include "data/image_folder_loader.h"

#include "shatter_error.h"

namespace shatter {

Dataset ImageFolderLoader::readDirectory(const std::string& root) {
    throw DataError(root +
                    ": image folders are unavailable in this build of Shatter (it was built without "
                    "OpenCV); use CIFAR-10 or MNIST-format files, or a build with OpenCV");
}

}  // namespace shatter

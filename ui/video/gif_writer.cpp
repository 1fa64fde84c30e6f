// Animated GIF through giflib: a looping animation (NETSCAPE2.0) whose frames each carry a
// graphics control block with their delay. The first frame is the whole picture with its own
// palette as the global colour map; every later frame only the rectangle that changed since the
// one before, its unchanged pixels transparent (the previous frame shows through), with a local
// palette of the colours that changed (GifPalette).
#include <gif_lib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "video/gif_palette.h"
#include "video/video_formats.h"

namespace shatter::video_formats {

namespace {

struct Rect {
    int left = 0;
    int top = 0;
    int width = 0;
    int height = 0;
};

std::string gifError(int code) {
    const char* text = GifErrorString(code);
    return text ? std::string(text) : "giflib error " + std::to_string(code);
}

// A giflib colour map of `palette` plus, at index palette.size(), the transparent colour when
// `transparent`; padded to a power of two entries as GIF needs.
ColorMapObject* makeColourMap(const GifPalette& palette, bool transparent) {
    const int used = palette.size() + (transparent ? 1 : 0);
    int entries = 2;
    while (entries < used) entries *= 2;
    std::vector<GifColorType> colours(std::size_t(entries), GifColorType{0, 0, 0});
    for (int i = 0; i < palette.size(); ++i) {
        const std::uint32_t rgb = palette.colour(i);
        colours[std::size_t(i)] = GifColorType{GifByteType(GifPalette::channel(rgb, 16)),
                                               GifByteType(GifPalette::channel(rgb, 8)),
                                               GifByteType(GifPalette::channel(rgb, 0))};
    }
    return GifMakeMapObject(entries, colours.data());
}

class GifWriter : public VideoWriter {
public:
    GifWriter(const std::string& path, const std::string& temporary, int width, int height, int fps)
        : VideoWriter(path, temporary, width, height, fps),
          m_previous(std::size_t(width) * std::size_t(height) * 3) {
        int error = 0;
        m_gif = EGifOpenFileName(temporary.c_str(), false, &error);
        if (!m_gif) fail("could not be opened for writing: " + gifError(error));
        EGifSetGifVersion(m_gif, true);  // GIF89a: delays, transparency and looping
    }

    ~GifWriter() override {
        if (m_gif) {
            int error = 0;
            EGifCloseFile(m_gif, &error);
        }
    }

    void add(const std::uint8_t* rgb) override {
        if (!m_gif) fail("the animation is already closed");
        const bool first = frames() == 0;
        const Rect rect = first ? Rect{0, 0, width(), height()} : changedRect(rgb);
        const bool transparent = !first;

        // The palette of the pixels that change (all of the first frame's).
        std::unordered_map<std::uint32_t, std::uint32_t> counts;
        forEachPixel(rect, [&](int offset) {
            if (first || std::memcmp(rgb + offset, m_previous.data() + offset, 3) != 0) {
                ++counts[GifPalette::pack(rgb + offset)];
            }
        });
        GifPalette palette(counts, GifPalette::kMaxColours - (transparent ? 1 : 0));
        const int transparentIndex = palette.size();
        ColorMapObject* map = makeColourMap(palette, transparent);
        if (!map) fail("could not make a colour map");

        bool ok = true;
        std::string what;
        auto check = [&](int result, const char* step) {
            if (ok && result == GIF_ERROR) {
                ok = false;
                what = step;
            }
            return ok;
        };
        if (first) {
            check(EGifPutScreenDesc(m_gif, width(), height(), 8, 0, map), "screen descriptor");
            // Loop forever: the NETSCAPE2.0 application extension, loop count 0.
            static const char kNetscape[] = "NETSCAPE2.0";
            static const unsigned char kLoop[3] = {1, 0, 0};
            if (ok) check(EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE), "loop extension");
            if (ok) check(EGifPutExtensionBlock(m_gif, 11, kNetscape), "loop extension");
            if (ok) check(EGifPutExtensionBlock(m_gif, 3, kLoop), "loop extension");
            if (ok) check(EGifPutExtensionTrailer(m_gif), "loop extension");
        }
        GraphicsControlBlock control;
        control.DisposalMode = DISPOSE_DO_NOT;  // the next frame draws over this one
        control.UserInputFlag = false;
        control.DelayTime = delayOf(frames());
        control.TransparentColor = transparent ? transparentIndex : NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        const std::size_t length = EGifGCBToExtension(&control, extension);
        if (ok) check(EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension), "frame delay");
        if (ok) {
            check(EGifPutImageDesc(m_gif, rect.left, rect.top, rect.width, rect.height, false, first ? nullptr : map),
                  "image descriptor");
        }
        GifFreeMapObject(map);

        std::vector<GifPixelType> line(std::size_t(rect.width));
        for (int y = rect.top; ok && y < rect.top + rect.height; ++y) {
            for (int x = 0; x < rect.width; ++x) {
                const std::size_t offset = (std::size_t(y) * std::size_t(width()) + std::size_t(rect.left + x)) * 3;
                const bool unchanged = !first && std::memcmp(rgb + offset, m_previous.data() + offset, 3) == 0;
                line[std::size_t(x)] =
                    GifPixelType(unchanged ? transparentIndex : palette.indexOf(GifPalette::pack(rgb + offset)));
            }
            check(EGifPutLine(m_gif, line.data(), rect.width), "image data");
        }
        if (!ok) {
            fail("could not write frame " + std::to_string(frames() + 1) + " (" + what +
                 "): " + gifError(m_gif->Error));
        }
        std::memcpy(m_previous.data(), rgb, m_previous.size());
        countFrame();
    }

protected:
    void close() override {
        if (!m_gif) fail("the animation is already closed");
        if (frames() == 0) fail("an animation needs at least one frame");
        GifFileType* gif = m_gif;
        m_gif = nullptr;
        int error = 0;
        if (EGifCloseFile(gif, &error) == GIF_ERROR) fail("could not be completed: " + gifError(error));
    }

private:
    // Frame i's delay in hundredths of a second: 100/fps on average, the rounding spread over
    // the frames so that the whole animation lasts frames/fps seconds; never under 2, as browsers
    // slow down shorter delays.
    int delayOf(int frame) const {
        if (fps() > 50) return 2;
        const auto at = [this](int i) { return int(std::lround(100.0 * i / fps())); };
        return std::max(2, at(frame + 1) - at(frame));
    }

    template <typename F>
    void forEachPixel(const Rect& rect, F&& visit) const {
        for (int y = rect.top; y < rect.top + rect.height; ++y) {
            for (int x = rect.left; x < rect.left + rect.width; ++x) {
                visit(int((std::size_t(y) * std::size_t(width()) + std::size_t(x)) * 3));
            }
        }
    }

    // The smallest rectangle holding every pixel that differs from the last frame; 1 × 1 when
    // nothing does (a frame that repeats the last still takes its time).
    Rect changedRect(const std::uint8_t* rgb) const {
        const std::size_t row = std::size_t(width()) * 3;
        int top = -1;
        int bottom = -1;
        int left = width();
        int right = -1;
        for (int y = 0; y < height(); ++y) {
            const std::uint8_t* a = rgb + std::size_t(y) * row;
            const std::uint8_t* b = m_previous.data() + std::size_t(y) * row;
            if (std::memcmp(a, b, row) == 0) continue;
            if (top < 0) top = y;
            bottom = y;
            for (int x = 0; x < width(); ++x) {
                if (std::memcmp(a + x * 3, b + x * 3, 3) != 0) {
                    left = std::min(left, x);
                    break;
                }
            }
            for (int x = width() - 1; x >= 0; --x) {
                if (std::memcmp(a + x * 3, b + x * 3, 3) != 0) {
                    right = std::max(right, x);
                    break;
                }
            }
        }
        if (top < 0) return Rect{0, 0, 1, 1};
        return Rect{left, top, right - left + 1, bottom - top + 1};
    }

    GifFileType* m_gif = nullptr;
    std::vector<std::uint8_t> m_previous;  // the last frame given
};

}  // namespace

std::unique_ptr<VideoWriter> openGif(const std::string& path, const std::string& temporary, int width, int height,
                                     int fps) {
    return std::make_unique<GifWriter>(path, temporary, width, height, fps);
}

}  // namespace shatter::video_formats

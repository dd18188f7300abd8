#pragma once
// The page around the app: URL fragment and history, local storage, file
// download and upload, clipboard. In the browser these call web/glue.js;
// natively they fall back to files and SDL's clipboard so the desktop build
// behaves alike. The only other place that knows about Emscripten is
// app/platform.cpp.
#include <functional>
#include <string>

namespace browser {

// The URL fragment without '#'. push: a new history entry (Back returns to
// the previous one); otherwise the current entry is replaced.
std::string fragment();
void set_fragment(const std::string& fragment, bool push);
// The whole current URL with this fragment (for share links).
std::string url_with_fragment(const std::string& fragment);

// Local storage (browser) or a file under ~/.config/trilemma-lab (native).
std::string storage_get(const std::string& key);
void storage_set(const std::string& key, const std::string& value);

// Offers `data` as a download (browser) or writes it to the current directory (native).
void download(const std::string& filename, const std::string& mime, const std::string& data);
// PNG of RGBA pixels (top row first) as a download.
void download_png(const std::string& filename, int width, int height, const unsigned char* rgba);

// An HTML page as a download, with the PNG of RGBA pixels put into its first
// <img id="charts"> (the printable summary).
void download_html_with_image(const std::string& filename, const std::string& html, int width, int height,
                              const unsigned char* rgba);

void copy_to_clipboard(const std::string& text);

// Opens the browser's file picker; the chosen file arrives through on_file().
void open_file_picker();

// Events from the page, delivered at the start of the next frame.
struct Handlers {
    // A picked or dropped file; `size` in bytes (the text is empty when the
    // page refused to read a file that large).
    std::function<void(const std::string& name, const std::string& text, double size)> file;
    std::function<void(const std::string& text)> paste;
    std::function<void(const std::string& fragment)> history;  // Back/Forward changed the fragment
};
void set_handlers(Handlers h);
void dispatch_pending();  // calls the handlers for events that arrived since the last frame

}  // namespace browser

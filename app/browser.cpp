#include "app/browser.h"

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <sstream>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#else
#include <SDL.h>
#endif

namespace browser {

namespace {
struct Event {
    int kind;  // 0 file, 1 paste, 2 history
    std::string a, b;
    double size = 0;
};
std::deque<Event> pending;
Handlers handlers;
}  // namespace

void set_handlers(Handlers h) { handlers = std::move(h); }

void dispatch_pending() {
    while (!pending.empty()) {
        Event e = std::move(pending.front());
        pending.pop_front();
        if (e.kind == 0 && handlers.file) handlers.file(e.a, e.b, e.size);
        if (e.kind == 1 && handlers.paste) handlers.paste(e.a);
        if (e.kind == 2 && handlers.history) handlers.history(e.a);
    }
}

}  // namespace browser

// Called from web/glue.js.
extern "C" {
#ifdef __EMSCRIPTEN__
EMSCRIPTEN_KEEPALIVE
#endif
void trilemma_on_file(const char* name, const char* text, double size) {
    browser::pending.push_back({0, name ? name : "", text ? text : "", size});
}
#ifdef __EMSCRIPTEN__
EMSCRIPTEN_KEEPALIVE
#endif
void trilemma_on_paste(const char* text) { browser::pending.push_back({1, text ? text : "", ""}); }
#ifdef __EMSCRIPTEN__
EMSCRIPTEN_KEEPALIVE
#endif
void trilemma_on_history(const char* fragment) { browser::pending.push_back({2, fragment ? fragment : "", ""}); }
}

#ifdef __EMSCRIPTEN__
// clang-format off
EM_JS(int, js_fragment, (char* buf, int cap), {
    const f = decodeURIComponent(location.hash.slice(1));
    if (cap > 0) stringToUTF8(f, buf, cap);
    return lengthBytesUTF8(f);
});
EM_JS(void, js_set_fragment, (const char* f, int push), {
    const frag = UTF8ToString(f);
    const url = location.pathname + location.search + (frag ? '#' + frag : '');
    if (url === location.pathname + location.search + location.hash) return;
    try { if (push) history.pushState(null, '', url); else history.replaceState(null, '', url); } catch (e) {}
});
EM_JS(int, js_url_base, (char* buf, int cap), {
    const u = location.origin + location.pathname + location.search;
    if (cap > 0) stringToUTF8(u, buf, cap);
    return lengthBytesUTF8(u);
});
EM_JS(int, js_storage_get, (const char* k, char* buf, int cap), {
    let v = null;
    try { v = localStorage.getItem(UTF8ToString(k)); } catch (e) {}
    if (v === null) return -1;
    if (cap > 0) stringToUTF8(v, buf, cap);
    return lengthBytesUTF8(v);
});
EM_JS(void, js_storage_set, (const char* k, const char* v), {
    try { localStorage.setItem(UTF8ToString(k), UTF8ToString(v)); } catch (e) { console.warn('Trilemma Lab: cannot save to local storage: ' + e); }
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
    const bytes = HEAPU8.slice(data, data + len);
    Module.downloadBlob(UTF8ToString(name), new Blob([bytes], { type: UTF8ToString(mime) }));
});
EM_JS(void, js_download_png, (const char* name, int w, int h, const unsigned char* rgba), {
    Module.downloadPng(UTF8ToString(name), w, h, HEAPU8.slice(rgba, rgba + w * h * 4));
});
EM_JS(void, js_download_html_with_image, (const char* name, const char* html, int w, int h, const unsigned char* rgba), {
    Module.downloadHtmlWithImage(UTF8ToString(name), UTF8ToString(html), w, h, HEAPU8.slice(rgba, rgba + w * h * 4));
});
EM_JS(void, js_copy, (const char* text), { Module.copyText(UTF8ToString(text)); });
EM_JS(void, js_open_file, (), { Module.openFilePicker(); });
// clang-format on

namespace browser {

namespace {
std::string read_js_string(int (*fn)(char*, int)) {
    int n = fn(nullptr, 0);
    if (n < 0) return {};
    std::string s(static_cast<std::size_t>(n) + 1, '\0');
    fn(s.data(), n + 1);
    s.resize(static_cast<std::size_t>(n));
    return s;
}
}  // namespace

std::string fragment() { return read_js_string(js_fragment); }
void set_fragment(const std::string& f, bool push) { js_set_fragment(f.c_str(), push ? 1 : 0); }
std::string url_with_fragment(const std::string& f) { return read_js_string(js_url_base) + (f.empty() ? "" : "#" + f); }
std::string storage_get(const std::string& key) {
    int n = js_storage_get(key.c_str(), nullptr, 0);
    if (n < 0) return {};
    std::string s(static_cast<std::size_t>(n) + 1, '\0');
    js_storage_get(key.c_str(), s.data(), n + 1);
    s.resize(static_cast<std::size_t>(n));
    return s;
}
void storage_set(const std::string& key, const std::string& value) { js_storage_set(key.c_str(), value.c_str()); }
void download(const std::string& filename, const std::string& mime, const std::string& data) {
    js_download(filename.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
}
void download_png(const std::string& filename, int width, int height, const unsigned char* rgba) {
    js_download_png(filename.c_str(), width, height, rgba);
}
void download_html_with_image(const std::string& filename, const std::string& html, int width, int height,
                              const unsigned char* rgba) {
    js_download_html_with_image(filename.c_str(), html.c_str(), width, height, rgba);
}
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
void open_file_picker() { js_open_file(); }

}  // namespace browser

#else  // native: files and SDL's clipboard

namespace browser {

namespace {
std::string native_fragment;
std::string config_path(const std::string& key) {
    const char* home = std::getenv("HOME");
    std::string dir = std::string(home ? home : ".") + "/.config/trilemma-lab";
    std::string cmd = "mkdir -p '" + dir + "'";
    if (std::system(cmd.c_str()) != 0) return key;
    return dir + "/" + key;
}
}  // namespace

std::string fragment() { return native_fragment; }
void set_fragment(const std::string& f, bool) { native_fragment = f; }
std::string url_with_fragment(const std::string& f) { return "http://localhost:8080/" + (f.empty() ? "" : "#" + f); }
std::string storage_get(const std::string& key) {
    std::ifstream in(config_path(key), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
void storage_set(const std::string& key, const std::string& value) {
    std::ofstream(config_path(key), std::ios::binary) << value;
}
void download(const std::string& filename, const std::string&, const std::string& data) {
    std::ofstream(filename, std::ios::binary) << data;
    std::fprintf(stderr, "trilemma: wrote %s\n", filename.c_str());
}
void download_png(const std::string& filename, int width, int height, const unsigned char*) {
    std::fprintf(stderr, "trilemma: PNG export (%dx%d) %s is available in the browser build\n", width, height,
                 filename.c_str());
}
void download_html_with_image(const std::string& filename, const std::string& html, int, int, const unsigned char*) {
    download(filename, "text/html", html);  // natively without the picture
}
void copy_to_clipboard(const std::string& text) { SDL_SetClipboardText(text.c_str()); }
void open_file_picker() { std::fprintf(stderr, "trilemma: drop a file on the window to open it\n"); }

}  // namespace browser

#endif

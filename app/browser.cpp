// The page's services (app/browser.h): in the browser through web/glue.js,
// natively through files and SDL.
//
// Index of this file:
//   [SECTION] Page events: queued as they arrive, handled at the next frame
//   [SECTION] Exports called by web/glue.js
//   [SECTION] Browser: calls into web/glue.js (EM_JS), storage, downloads, sharing
//   [SECTION] Native: files in the config directory, SDL's clipboard
#include "app/browser.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#else
#include <SDL.h>
#endif

// [SECTION] Page events: queued as they arrive, handled at the next frame

namespace browser {

namespace {
struct Event {
    enum Kind { File, Paste, History, Refused } kind;
    std::string a, b, c;
    double size = 0;
};
std::deque<Event> pending;
Handlers handlers;

// Editable text fields drawn this frame and in the last complete one.
struct Rect {
    float x0, y0, x1, y1;
};
std::vector<Rect> fields_drawing, fields_drawn;
bool text_editing = false;

// web/glue.js reports why it did not read a fragment as "malformed" or "too-long:<characters>".
std::string describe_fragment_problem(const std::string& code) {
    if (code.empty()) return {};
    if (code == "malformed")
        return "its address is damaged (a % sign that is not followed by two hexadecimal digits, or bytes that are "
               "not text)";
    if (code.rfind("too-long:", 0) == 0)
        return "its address is " + code.substr(9) + " characters long, more than any scenario or guide link (at most " +
               std::to_string(kMaxFragmentChars) + ")";
    return code;
}
}  // namespace

void set_handlers(Handlers h) { handlers = std::move(h); }

void dispatch_pending() {
    while (!pending.empty()) {
        Event e = std::move(pending.front());
        pending.pop_front();
        if (e.kind == Event::File && handlers.file) handlers.file(e.a, e.b);
        if (e.kind == Event::Paste && handlers.paste) handlers.paste(e.a);
        if (e.kind == Event::History && handlers.history) handlers.history({e.a, describe_fragment_problem(e.b)});
        if (e.kind == Event::Refused && handlers.refused) handlers.refused(e.a, e.b, e.size);
    }
}

void note_text_field(float x0, float y0, float x1, float y1) { fields_drawing.push_back({x0, y0, x1, y1}); }

void text_frame_done(bool editing) {
    fields_drawn.swap(fields_drawing);
    fields_drawing.clear();
    if (editing == text_editing) return;
    text_editing = editing;
#ifdef __EMSCRIPTEN__
    EM_ASM({ Module.page.setTextInput(!!$0); }, editing ? 1 : 0);
#endif
}

}  // namespace browser

// [SECTION] Exports called by web/glue.js

// Called from web/glue.js. Texts arrive in memory the page allocated on the
// heap (not on the stack, where a long paste would overflow it).
extern "C" {
#ifdef __EMSCRIPTEN__
#define TL_PAGE_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define TL_PAGE_EXPORT
#endif
TL_PAGE_EXPORT void trilemma_on_file(const char* name, const char* text) {
    browser::pending.push_back({browser::Event::File, name ? name : "", text ? text : "", "", 0});
}
// 1 when an editable text field was drawn at this point (CSS pixels) in the
// last frame: the page focuses its textarea within the tap's own event.
TL_PAGE_EXPORT int trilemma_text_field_at(double x, double y) {
    for (const auto& r : browser::fields_drawn)
        if (x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1) return 1;
    return 0;
}
TL_PAGE_EXPORT void trilemma_on_paste(const char* text) {
    browser::pending.push_back({browser::Event::Paste, text ? text : "", "", "", 0});
}
TL_PAGE_EXPORT void trilemma_on_history(const char* fragment, const char* problem) {
    browser::pending.push_back({browser::Event::History, fragment ? fragment : "", problem ? problem : "", "", 0});
}
TL_PAGE_EXPORT void trilemma_on_refused(const char* source, const char* reason, double size) {
    browser::pending.push_back({browser::Event::Refused, source ? source : "", reason ? reason : "", "", size});
}
// pagehide / visibilitychange: there may be no next frame, so at once.
TL_PAGE_EXPORT void trilemma_flush() {
    if (browser::handlers.flush) browser::handlers.flush();
}
}

// [SECTION] Browser: calls into web/glue.js (EM_JS), storage, downloads, sharing

#ifdef __EMSCRIPTEN__
// clang-format off
// Each returns the UTF-8 length of its answer, or a negative code; called
// twice (with cap 0 to size the buffer, then to copy). Strings come from
// web/glue.js's Module.page helpers, which never throw.
EM_JS(int, js_fragment, (char* buf, int cap), {
    const f = Module.page.fragment();
    const s = f.problem ? 'P' + f.problem : 'T' + f.text;
    if (cap > 0) stringToUTF8(s, buf, cap);
    return lengthBytesUTF8(s);
});
EM_JS(void, js_set_fragment, (const char* f, int push), {
    const frag = UTF8ToString(f);
    const url = location.pathname + location.search + (frag ? '#' + frag : '');
    if (url === location.pathname + location.search + location.hash) return;
    try { if (push) history.pushState(null, '', url); else history.replaceState(null, '', url); } catch (e) {}
});
EM_JS(void, js_set_title, (const char* t), { document.title = UTF8ToString(t); });
EM_JS(int, js_url_base, (char* buf, int cap), {
    const u = location.origin + location.pathname + location.search;
    if (cap > 0) stringToUTF8(u, buf, cap);
    return lengthBytesUTF8(u);
});
EM_JS(int, js_navigation_type, (char* buf, int cap), {
    const t = Module.page.navigationType();
    if (cap > 0) stringToUTF8(t, buf, cap);
    return lengthBytesUTF8(t);
});
EM_JS(double, js_epoch_ms, (), { return Date.now(); });
// -1: absent; -2: longer than max; otherwise the UTF-8 length.
EM_JS(int, js_storage_get, (const char* k, char* buf, int cap, double max), {
    const v = Module.page.storageGet(UTF8ToString(k));
    if (v === null) return -1;
    if (v.length > max) return -2;
    if (cap > 0) stringToUTF8(v, buf, cap);
    return lengthBytesUTF8(v);
});
EM_JS(double, js_storage_chars, (const char* k), {
    const v = Module.page.storageGet(UTF8ToString(k));
    return v === null ? 0 : v.length;
});
EM_JS(int, js_storage_set, (const char* k, const char* v), {
    return Module.page.storageSet(UTF8ToString(k), UTF8ToString(v)) ? 1 : 0;
});
EM_JS(void, js_storage_remove, (const char* k), { Module.page.storageRemove(UTF8ToString(k)); });
EM_JS(int, js_storage_copy, (const char* from, const char* to), {
    return Module.page.storageCopy(UTF8ToString(from), UTF8ToString(to)) ? 1 : 0;
});
EM_JS(int, js_storage_keys, (const char* prefix, char* buf, int cap), {
    const s = Module.page.storageKeys(UTF8ToString(prefix)).join('\n');
    if (cap > 0) stringToUTF8(s, buf, cap);
    return lengthBytesUTF8(s);
});
EM_JS(double, js_storage_used, (const char* prefix), { return Module.page.storageUsed(UTF8ToString(prefix)); });
EM_JS(void, js_download_stored, (const char* k, const char* name), {
    Module.page.downloadStored(UTF8ToString(k), UTF8ToString(name));
});
EM_JS(int, js_session_get, (const char* k, char* buf, int cap), {
    const v = Module.page.sessionGet(UTF8ToString(k));
    if (v === null) return -1;
    if (cap > 0) stringToUTF8(v, buf, cap);
    return lengthBytesUTF8(v);
});
EM_JS(void, js_session_set, (const char* k, const char* v), { Module.page.sessionSet(UTF8ToString(k), UTF8ToString(v)); });
EM_JS(int, js_tab_id, (char* buf, int cap), {
    const t = Module.page.tabId();
    if (cap > 0) stringToUTF8(t, buf, cap);
    return lengthBytesUTF8(t);
});
EM_JS(void, js_claim, (const char* entry), { Module.page.claim(UTF8ToString(entry)); });
EM_JS(int, js_claimed_elsewhere, (const char* entry), { return Module.page.claimedElsewhere(UTF8ToString(entry)) ? 1 : 0; });
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
template <typename Fn>
std::string read_js_string(Fn fn) {
    int n = fn(nullptr, 0);
    if (n < 0) return {};
    std::string s(static_cast<std::size_t>(n) + 1, '\0');
    fn(s.data(), n + 1);
    s.resize(static_cast<std::size_t>(n));
    return s;
}
}  // namespace

Fragment read_fragment() {
    std::string s = read_js_string(js_fragment);
    if (s.empty()) return {};
    if (s[0] == 'P') return {{}, describe_fragment_problem(s.substr(1))};
    return {s.substr(1), {}};
}
void set_fragment(const std::string& f, bool push) { js_set_fragment(f.c_str(), push ? 1 : 0); }
void set_title(const std::string& title) { js_set_title(title.c_str()); }
std::string url_with_fragment(const std::string& f) { return read_js_string(js_url_base) + (f.empty() ? "" : "#" + f); }
std::string navigation_type() { return read_js_string(js_navigation_type); }
double epoch_ms() { return js_epoch_ms(); }

Stored storage_read(const std::string& key, std::size_t max_chars) {
    Stored r;
    const double max = static_cast<double>(max_chars);
    int n = js_storage_get(key.c_str(), nullptr, 0, max);
    if (n == -1) return r;
    r.present = true;
    r.chars = static_cast<std::size_t>(js_storage_chars(key.c_str()));
    if (n == -2) {
        r.too_large = true;
        return r;
    }
    r.text.assign(static_cast<std::size_t>(n) + 1, '\0');
    js_storage_get(key.c_str(), r.text.data(), n + 1, max);
    r.text.resize(static_cast<std::size_t>(n));
    return r;
}
bool storage_write(const std::string& key, const std::string& value) { return js_storage_set(key.c_str(), value.c_str()) == 1; }
void storage_remove(const std::string& key) { js_storage_remove(key.c_str()); }
bool storage_copy(const std::string& from, const std::string& to) { return js_storage_copy(from.c_str(), to.c_str()) == 1; }
std::vector<std::string> storage_keys(const std::string& prefix) {
    std::string all = read_js_string([&](char* b, int c) { return js_storage_keys(prefix.c_str(), b, c); });
    std::vector<std::string> keys;
    std::istringstream in(all);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) keys.push_back(line);
    return keys;
}
std::size_t storage_used(const std::string& prefix) { return static_cast<std::size_t>(js_storage_used(prefix.c_str())); }
void download_stored(const std::string& key, const std::string& filename) { js_download_stored(key.c_str(), filename.c_str()); }
std::string session_get(const std::string& key) {
    return read_js_string([&](char* b, int c) { return js_session_get(key.c_str(), b, c); });
}
void session_set(const std::string& key, const std::string& value) { js_session_set(key.c_str(), value.c_str()); }
std::string tab_id() { return read_js_string(js_tab_id); }
void claim(const std::string& entry) { js_claim(entry.c_str()); }
bool claimed_elsewhere(const std::string& entry) { return js_claimed_elsewhere(entry.c_str()) == 1; }
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

bool web_share_available() {
    return EM_ASM_INT({ return Module.webShare && Module.webShare.available() ? 1 : 0; }) != 0;
}

void web_share(const std::string& title, const std::string& link) {
    EM_ASM({ Module.webShare.share(UTF8ToString($0), UTF8ToString($1)); }, title.c_str(), link.c_str());
}

}  // namespace browser

#else  // native: files and SDL's clipboard

// [SECTION] Native: files in the config directory, SDL's clipboard

namespace browser {

namespace {
std::string native_fragment;
std::filesystem::path config_dir() {
    const char* home = std::getenv("HOME");
    std::filesystem::path dir = std::filesystem::path(home ? home : ".") / ".config" / "trilemma-lab";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return dir;
}
std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

Fragment read_fragment() { return {native_fragment, {}}; }
void set_fragment(const std::string& f, bool) { native_fragment = f; }
void set_title(const std::string&) {}
std::string url_with_fragment(const std::string& f) { return "http://localhost:8080/" + (f.empty() ? "" : "#" + f); }
std::string navigation_type() { return "navigate"; }
double epoch_ms() {
    using namespace std::chrono;
    return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

Stored storage_read(const std::string& key, std::size_t max_chars) {
    Stored r;
    std::error_code ec;
    const auto path = config_dir() / key;
    if (!std::filesystem::exists(path, ec)) return r;
    r.present = true;
    r.chars = static_cast<std::size_t>(std::filesystem::file_size(path, ec));
    if (r.chars > max_chars) {
        r.too_large = true;
        return r;
    }
    r.text = read_file(path);
    return r;
}
bool storage_write(const std::string& key, const std::string& value) {
    std::ofstream out(config_dir() / key, std::ios::binary);
    out << value;
    return static_cast<bool>(out);
}
void storage_remove(const std::string& key) {
    std::error_code ec;
    std::filesystem::remove(config_dir() / key, ec);
}
bool storage_copy(const std::string& from, const std::string& to) {
    std::error_code ec;
    return std::filesystem::copy_file(config_dir() / from, config_dir() / to, std::filesystem::copy_options::overwrite_existing, ec) &&
           !ec;
}
std::vector<std::string> storage_keys(const std::string& prefix) {
    std::vector<std::string> keys;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(config_dir(), ec)) {
        std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) == 0) keys.push_back(name);
    }
    return keys;
}
std::size_t storage_used(const std::string& prefix) {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& k : storage_keys(prefix)) n += k.size() + std::filesystem::file_size(config_dir() / k, ec);
    return n;
}
void download_stored(const std::string& key, const std::string& filename) {
    std::error_code ec;
    std::filesystem::copy_file(config_dir() / key, filename, std::filesystem::copy_options::overwrite_existing, ec);
    std::fprintf(stderr, "trilemma: wrote %s\n", filename.c_str());
}
// One process is one tab: its session lives in memory.
namespace {
std::map<std::string, std::string>& session() {
    static std::map<std::string, std::string> s;
    return s;
}
}  // namespace
std::string session_get(const std::string& key) { return session()[key]; }
void session_set(const std::string& key, const std::string& value) { session()[key] = value; }
std::string tab_id() { return "native"; }
void claim(const std::string&) {}
bool claimed_elsewhere(const std::string&) { return false; }
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

bool web_share_available() { return false; }
void web_share(const std::string&, const std::string&) {}

}  // namespace browser

#endif

#pragma once
// The page around the app: URL fragment and history, local and session
// storage, file download and upload, clipboard. In the browser these call
// web/glue.js; natively they fall back to files and SDL's clipboard so the
// desktop build behaves alike. The only other place that knows about
// Emscripten is app/platform.cpp.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace browser {

// The URL fragment without '#', percent-decoded. A fragment that cannot be
// decoded (a '%' not followed by two hex digits, bytes that are not UTF-8) or
// that is longer than kMaxFragmentChars is not read: `problem` says why and
// `text` is empty, so a hostile link never reaches a decoder.
struct Fragment {
    std::string text;
    std::string problem;  // empty: read
};
inline constexpr std::size_t kMaxFragmentChars = 600 * 1024;  // a guide (256 KiB) in base64url fits
Fragment read_fragment();
// push: a new history entry (Back returns to the previous one); otherwise the
// current entry is replaced.
void set_fragment(const std::string& fragment, bool push);
// The page's title (the browser tab, its history and bookmarks).
void set_title(const std::string& title);
// The whole current URL with this fragment (for share links).
std::string url_with_fragment(const std::string& fragment);
// How this page was loaded: "reload", "navigate" or "back_forward".
std::string navigation_type();
// Milliseconds since 1970 (the library's timestamps).
double epoch_ms();

// Local storage (browser) or files under ~/.config/trilemma-lab (native).
struct Stored {
    bool present = false;
    bool too_large = false;  // longer than the caller's limit: not read
    std::size_t chars = 0;   // its length in the page's units (UTF-16 code units)
    std::string text;
};
Stored storage_read(const std::string& key, std::size_t max_chars);
// False when the value could not be stored (the storage is full or disabled).
bool storage_write(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);
// Copies a stored value to another key as it is (never through the heap);
// false when it is absent or the copy could not be stored whole.
bool storage_copy(const std::string& from, const std::string& to);
std::vector<std::string> storage_keys(const std::string& prefix);
// Characters used by the keys starting with `prefix` and their values.
std::size_t storage_used(const std::string& prefix);
// Offers a stored value as a download exactly as the page holds it (for a
// value the app could not read: it never passes through the app).
void download_stored(const std::string& key, const std::string& filename);

// This tab's own storage (sessionStorage): survives a reload, not a new tab.
std::string session_get(const std::string& key);
void session_set(const std::string& key, const std::string& value);
// An id for this tab, kept in its session storage.
std::string tab_id();
// Library entries a tab is editing: the tab keeps its claim fresh while it is
// open and drops it when the page goes away (web/glue.js). claimed_elsewhere()
// is true while another open tab holds a fresh claim on `entry`.
void claim(const std::string& entry);
bool claimed_elsewhere(const std::string& entry);

// Offers `data` as a download (browser) or writes it to the current directory (native).
void download(const std::string& filename, const std::string& mime, const std::string& data);
// PNG of RGBA pixels (top row first) as a download.
void download_png(const std::string& filename, int width, int height, const unsigned char* rgba);

// An HTML page as a download, with the PNG of RGBA pixels put into its first
// <img id="charts"> (the printable summary).
void download_html_with_image(const std::string& filename, const std::string& html, int width, int height,
                              const unsigned char* rgba);

void copy_to_clipboard(const std::string& text);

// Typing into text fields. A phone shows its keyboard only for a real text
// element, and IMEs, dead keys and emoji arrive as the element's `input`
// events, which the canvas never gets: while ImGui edits a field, the page
// types into a hidden textarea (web/glue.js) and hands the text and the
// editing keys to the app. note_text_field() records where an editable field
// was drawn (call it after the field), so that a tap there focuses the
// textarea inside the tap's own event, as iOS requires; text_frame_done() ends
// the frame's list and tells the page when editing starts or stops.
void note_text_field(float x0, float y0, float x1, float y1);
void text_frame_done(bool editing);

// The device's own share sheet (messages, mail, AirDrop...: Module.webShare in
// web/glue.js), where the browser has one; never natively.
bool web_share_available();
void web_share(const std::string& title, const std::string& link);

// Opens the browser's file picker; the chosen file arrives through on_file().
void open_file_picker();

// Events from the page, delivered at the start of the next frame.
struct Handlers {
    // A picked or dropped file the page read as text (at most kMaxInputBytes).
    std::function<void(const std::string& name, const std::string& text)> file;
    std::function<void(const std::string& text)> paste;
    // Back/Forward or an edited address changed the fragment (problem: as in read_fragment()).
    std::function<void(const Fragment& fragment)> history;
    // Input the page refused before reading it into the app: `source` is
    // "file <name>", "pasted text" or "link"; `reason` "too-large" or "binary";
    // `size` in bytes (files) or characters (text).
    std::function<void(const std::string& source, const std::string& reason, double size)> refused;
    // The page is going away or hidden: write what is not yet stored.
    std::function<void()> flush;
};
// The most text the page hands to the app at once (files, pastes): a scenario
// or a guide (256 KiB each) or a room's links fit with room to spare.
inline constexpr std::size_t kMaxInputBytes = 1024 * 1024;
void set_handlers(Handlers h);
void dispatch_pending();  // calls the handlers for events that arrived since the last frame

}  // namespace browser

#pragma once
// Scenarios that travel: share links (#s=<code> in the URL), QR codes,
// scenario files, results CSV, chart PNG, autosave to local storage, and the
// browser's Back button through URL history. Every input is checked by the
// core's decoders; a bad one is reported and the current work stays as it is.
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/library.h"
#include "app/browser.h"

namespace app {

// The first few of a decoder's errors, for a notice ("a; b; c").
std::string first_errors(const std::vector<std::string>& errors, std::size_t count = 3);

// `text` cut to at most max_bytes at a UTF-8 character boundary, with "…" when cut.
std::string cut_text(const std::string& text, std::size_t max_bytes);

// Messages shown at the bottom of the screen; errors stay until dismissed.
struct Notice {
    enum class Kind { Info, Warning, Error } kind = Kind::Info;
    // A button beside the text, done by the screen that shows it
    // (sharing_dialogs.cpp): this file knows nothing of the windows.
    enum class Action { None, OpenLibrary, Undo };
    std::string text;
    double expires = 0;  // 0: until dismissed
    Action action = Action::None;
    // A link, paste, file, guide or entry that was not opened: the next such
    // refusal replaces it, so bad links opened in a row leave one notice.
    bool refusal = false;
    // The same message posted again while shown is one notice, counted
    // (four rows of "1 line could not be read" covered the room); not one
    // with an action, whose button acts on one change.
    int repeats = 1;
    int serial = 0;  // its number among all posted: its buttons' ID, wherever it sits in the list
    std::string shown() const;  // the text, with "(×3)" when posted three times
};
const char* action_label(Notice::Action action);  // "Library", "Undo"; "" for None

class Sharing {
public:
    explicit Sharing(AppState& state) : state_(state) {}

    // At start-up: this tab's library entry (or the most recent one no other
    // tab is editing). Returns the link in the address that is to be opened
    // as a new entry (App::open_fragment), if any.
    std::optional<browser::Fragment> start(double now);
    // Once per frame: page events (files, paste, Back/Forward), autosave, URL.
    void frame(double now);
    // After the frame is drawn: a change committed while drawing (the end of
    // a drag, a click) is stored before the next frame.
    void end_frame() { sync(); }
    // The page is going away: a slider still held is committed, the work stored.
    void flush();

    // What the File menu and the Share dialog do.
    std::string share_code() const;
    std::string share_link() const;
    std::string share_link(const tl::Scenario& s) const;  // the link to `s` (a name still being typed)
    void save_file();
    void open_file();
    void export_csv();
    void export_png(float x, float y, float w, float h);
    void export_summary();  // the printable one-page summary: scores, story, the screen, the link
    void new_scenario();  // status quo for the same seat; undoable

    // Reads a pasted or dropped text: a share link/code or a scenario file.
    // Returns false (and reports why) when it is neither or is invalid.
    // (Guides and the room's links are the App's to route: app/app.h.)
    bool open_text(const std::string& source, const std::string& text);
    // The address's fragment: "#s=<code>" (anything else but a problem is ignored).
    void open_fragment(const browser::Fragment& f, bool at_start);
    // A file or text the page refused before reading it (too large, binary, a NUL in a paste: size is its line, unreadable).
    void refuse(const std::string& source, const std::string& reason, double size);

    void notify(Notice::Kind kind, std::string text, double seconds = 6.0, Notice::Action action = Notice::Action::None);
    // An input that was not opened (Notice::refusal): an error until dismissed.
    void notify_refused(std::string text);
    // The address back to the scenario on screen, in place (after a refused link).
    void show_own_fragment();
    std::vector<Notice>& notices() { return notices_; }
    // Notices posted since start-up: tells a new notice from one it replaced.
    int notices_posted() const { return notices_posted_; }
    double now() const { return now_; }

    // The scenario library (app/library.h) and the entry this tab edits.
    Library& library() { return library_; }
    const std::string& entry_id() const { return entry_id_; }
    // "mine", "link", "guide" or "file": what the entry on screen came from.
    const std::string& entry_kind() const { return entry_kind_; }
    // The next change goes to a new entry of `kind` ("link", "guide",
    // "file"): what was open stays in the library as it was.
    void begin_entry(const std::string& kind);
    // A copy when another tab edits it. True when the screen now shows
    // another entry (App::open_entry then leaves a running guide).
    bool open_entry(const std::string& id);
    void duplicate_entry(const std::string& id);
    void rename_entry(const std::string& id, const std::string& name);
    void delete_entry(const std::string& id);
    void export_entry(const std::string& id);
    void export_library();
    // The last write did not fit in the browser's storage.
    bool storage_full() const { return storage_full_; }

    // Where the last load ended (for the test hook): "ok: <source>" or "error: <message>".
    const std::string& last_load() const { return last_load_; }

    // Session storage (this tab only): the entry it edits and the share codes
    // it put in its address bar (so its own URLs are not taken for new links).
    static constexpr const char* kTabEntryKey = "trilemma-lab.tab.entry";
    static constexpr const char* kTabCodesKey = "trilemma-lab.tab.codes";
    // and the steps Undo and Redo can take ("u <share code>" and "r <share
    // code>" lines, oldest first; the last kKeptHistorySteps of each), so
    // that a reload (a phone's pull to refresh) keeps them.
    static constexpr const char* kTabHistoryKey = "trilemma-lab.tab.history";
    static constexpr std::size_t kKeptHistorySteps = 50;
    // A notice is cut to kMaxNoticeBytes (UTF-8), the part of it quoting a
    // decoder's message about user input to kMaxQuoteBytes.
    static constexpr std::size_t kMaxNoticeBytes = 600;
    static constexpr std::size_t kMaxQuoteBytes = 240;

private:
    // Stores the current scenario in this tab's entry and puts its share
    // code in the URL, when a change was committed since the last call.
    void sync();
    void write_entry();
    void adopt(const LibraryEntry& e);
    void remember_code(const std::string& code);
    void write_history() const;
    void restore_history();
    // Something opened since: the refusals before it are out of date (all but
    // one saying `keep`, which a refusal posted again counts instead).
    void drop_refusals(std::string_view keep = {});
    bool own_code(const std::string& code) const;
    // new_entry: the kind of entry a good code opens ("" for the same entry).
    bool apply_code(const std::string& code, const std::string& source, const std::string& new_entry);

    AppState& state_;
    std::vector<Notice> notices_;
    int notices_posted_ = 0;
    std::uint64_t synced_history_ = ~0ull;
    bool from_history_ = false;  // the change came from Back/Forward: replace, don't push
    Library library_;
    std::string entry_id_;        // empty: a new entry is made at the first change
    std::string entry_kind_ = "mine";
    double entry_created_ = 0;
    bool entry_dirty_ = false;    // to be written even without a new change
    bool storage_full_ = false;
    std::vector<std::string> own_codes_;
    double now_ = 0;
    std::string last_load_;
};

}  // namespace app

// Scenarios that travel (app/sharing.h); its windows are in sharing_dialogs.cpp.
//
// Index of this file:
//   [SECTION] Helpers: errors and sizes in words, notices
//   [SECTION] The library entry this tab edits
//   [SECTION] Start-up and page events
//   [SECTION] Files and exports
//   [SECTION] Pasted and dropped text
#include "app/sharing.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>

#include "app/browser.h"
#include "app/platform.h"
#include "app/ui_common.h"
#include "core/export.h"
#include "core/scenario_io.h"
#include "core/share_link.h"
#include "core/version.h"

namespace app {

// [SECTION] Helpers: errors and sizes in words, notices

std::string first_errors(const std::vector<std::string>& errors, std::size_t count) {
    std::string all;
    for (std::size_t i = 0; i < errors.size() && i < count; ++i) all += (i ? "; " : "") + errors[i];
    return all;
}

namespace {
std::string first_or(const std::vector<std::string>& v, const char* fallback) { return v.empty() ? fallback : v.front(); }
bool looks_like_json(const std::string& t) {
    auto p = t.find_first_not_of(" \t\r\n");
    return p != std::string::npos && t[p] == '{';
}
std::string slug(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "scenario" : out.substr(0, 60);
}
}  // namespace

std::string cut_text(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 character
    return text.substr(0, n) + "\xE2\x80\xA6";
}

static std::string describe_bytes(double bytes) {
    char buf[64];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%.0f bytes", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f KiB", bytes / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1024 * 1024));
    return buf;
}

static std::string describe_chars(double chars) {
    char buf[64];
    if (chars < 1e6) std::snprintf(buf, sizeof buf, "%.0f characters", chars);
    else std::snprintf(buf, sizeof buf, "%.1f million characters", chars / 1e6);
    return buf;
}

const char* action_label(Notice::Action action) {
    switch (action) {
        case Notice::Action::None: return "";
        case Notice::Action::OpenLibrary: return "Library";
        case Notice::Action::Undo: return "Undo";
    }
    return "";
}

std::string Notice::shown() const {
    return repeats > 1 ? text + " (\xC3\x97" + std::to_string(repeats) + ")" : text;
}

void Sharing::notify(Notice::Kind kind, std::string text, double seconds, Notice::Action action) {
    Notice n;
    n.kind = kind;
    // A notice may quote a link, a file name or a decoder's message about
    // pasted text: never more than a few lines (a megabyte of it slowed
    // drawing to two frames a second).
    n.text = cut_text(text, kMaxNoticeBytes);
    n.expires = kind == Notice::Kind::Error || seconds <= 0 ? 0 : now_ + seconds;
    n.action = action;
    n.serial = ++notices_posted_;
    const auto same = std::find_if(notices_.begin(), notices_.end(), [&n](const Notice& shown) {
        return shown.action == Notice::Action::None && n.action == Notice::Action::None && shown.kind == n.kind &&
               shown.text == n.text;
    });
    if (same != notices_.end()) {
        n.repeats = same->repeats + 1;
        n.refusal = same->refusal;
        notices_.erase(same);  // the newest goes last, with a fresh expiry
    }
    notices_.push_back(std::move(n));
    if (notices_.size() > 4) notices_.erase(notices_.begin());
}

void Sharing::drop_refusals(std::string_view keep) {
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(),
                                  [keep](const Notice& n) { return n.refusal && (keep.empty() || n.text != keep); }),
                   notices_.end());
}

void Sharing::notify_refused(std::string text) {
    // A different refusal replaces the last one; the same one again is counted (notify).
    drop_refusals(cut_text(text, kMaxNoticeBytes));
    notify(Notice::Kind::Error, std::move(text), 0);
    notices_.back().refusal = true;
}

bool Sharing::apply_code(const std::string& code, const std::string& source, const std::string& new_entry) {
    tl::ShareDecodeResult r = tl::decode_share_code(code);
    if (!r.ok) {
        const std::string why = cut_text(first_or(r.errors, "unreadable"), kMaxQuoteBytes);
        last_load_ = cut_text("error: " + why, kMaxNoticeBytes);
        notify_refused("The " + source + " could not be opened: " + why + ". Your current scenario is unchanged.");
        return false;
    }
    if (!new_entry.empty()) begin_entry(new_entry);
    state_.set_scenario(r.scenario);
    drop_refusals();  // a link opened in this entry too (Back/Forward): what was refused before is out of date
    last_load_ = "ok: " + source;
    for (const auto& n : r.notices) notify(Notice::Kind::Warning, n, 0);
    return true;
}

void Sharing::refuse(const std::string& source, const std::string& reason, double size) {
    last_load_ = reason == "binary" || reason == "nul" ? "error: binary" : "error: too large";
    const bool file = source.rfind("file ", 0) == 0;
    if (reason == "nul") {  // size: the line that holds the first NUL
        notify_refused("The " + source + " holds a NUL character (line " + std::to_string(static_cast<long long>(size)) +
                       "), which no link, scenario or guide holds. Nothing was changed.");
    } else if (reason == "unreadable") {
        last_load_ = "error: unreadable";
        notify_refused("The browser could not read the " + source + " (" + describe_bytes(size) +
                                        "). Nothing was changed.");
    } else if (reason == "binary") {
        notify_refused("The " + source + " is not a scenario: it holds binary data, not UTF-8 text (" +
                                        describe_bytes(size) + "). Nothing was changed.");
    } else {
        notify_refused("The " + source + " is " + (file ? describe_bytes(size) : describe_chars(size)) +
                                        ", larger than a scenario or a guide may be (" +
                                        std::to_string(tl::kMaxScenarioBytes / 1024) + " KiB). Nothing was changed.");
    }
}

// [SECTION] The library entry this tab edits

void Sharing::adopt(const LibraryEntry& e) {
    drop_refusals();  // another entry is open: what was refused before is out of date
    entry_id_ = e.id;
    entry_kind_ = e.kind;
    entry_created_ = e.created;
    entry_dirty_ = false;
    browser::session_set(kTabEntryKey, e.id);
    browser::claim(e.id);
    state_.set_scenario(e.scenario);
}

void Sharing::begin_entry(const std::string& kind) {
    drop_refusals();  // a link, file or guide opened as a new entry: what was refused before is out of date
    entry_id_.clear();
    entry_kind_ = kind;
    entry_dirty_ = true;
}

void Sharing::remember_code(const std::string& code) {
    if (own_code(code)) return;
    own_codes_.push_back(code);
    if (own_codes_.size() > 200) own_codes_.erase(own_codes_.begin());
    std::string all;
    for (const auto& c : own_codes_) all += c + "\n";
    browser::session_set(kTabCodesKey, all);
}

void Sharing::write_history() const {
    const History& h = state_.history();
    std::string text;
    const auto put = [&](const std::deque<tl::Scenario>& steps, const char* tag) {
        const std::size_t first = steps.size() > kKeptHistorySteps ? steps.size() - kKeptHistorySteps : 0;
        for (std::size_t i = first; i < steps.size(); ++i) text += tag + tl::encode_share_code(steps[i]) + "\n";
    };
    put(h.undo, "u ");
    put(h.redo, "r ");
    browser::session_set(kTabHistoryKey, text);
}

// Written by this tab (write_history); a line that does not read drops the
// whole history rather than leave Undo a step that was never taken.
void Sharing::restore_history() {
    const std::string text = browser::session_get(kTabHistoryKey);
    History h;
    std::size_t p = 0;
    while (p < text.size()) {
        std::size_t q = text.find('\n', p);
        if (q == std::string::npos) q = text.size();
        const std::string_view line(text.data() + p, q - p);
        p = q + 1;
        if (line.empty()) continue;
        const bool undo = line.rfind("u ", 0) == 0, redo = line.rfind("r ", 0) == 0;
        tl::ShareDecodeResult r = (undo || redo) ? tl::decode_share_code(line.substr(2)) : tl::ShareDecodeResult{};
        if (!r.ok || !r.notices.empty()) return;
        (undo ? h.undo : h.redo).push_back(std::move(r.scenario));
    }
    state_.restore_history(std::move(h));
}

bool Sharing::own_code(const std::string& code) const {
    return std::find(own_codes_.begin(), own_codes_.end(), code) != own_codes_.end();
}

void Sharing::write_entry() {
    if (!entry_id_.empty() && browser::claimed_elsewhere(entry_id_)) {
        // Another tab took this entry over (this one was hidden long enough
        // for its claim to lapse): carry on in a new one, never over its work.
        const LibraryEntry* other = library_.find(entry_id_);
        notify(Notice::Kind::Warning, "Another tab is now editing \xE2\x80\x9C" + (other ? entry_label(*other) : std::string("this scenario")) +
                                          "\xE2\x80\x9D; this tab's changes continue in a new library entry.", 10);
        entry_id_.clear();
        entry_kind_ = "mine";
    }
    LibraryEntry e;
    if (entry_id_.empty()) {
        e = library_.make(entry_kind_, state_.scenario());
    } else {
        e.id = entry_id_;
        e.kind = entry_kind_;
        e.created = entry_created_;
        e.scenario = state_.scenario();
    }
    if (!library_.save(e)) {
        entry_dirty_ = true;  // tried again at the next change
        if (!storage_full_)
            notify(Notice::Kind::Error,
                   "The browser's storage is full: this change is not saved. Delete or export old entries in the "
                   "library, or save this scenario as a file.",
                   0, Notice::Action::OpenLibrary);
        storage_full_ = true;
        return;
    }
    if (storage_full_) notify(Notice::Kind::Info, "Saved again: the browser's storage has room.", 5);
    storage_full_ = false;
    entry_dirty_ = false;
    if (entry_id_ != e.id) {
        entry_id_ = e.id;
        entry_created_ = e.created;
        browser::session_set(kTabEntryKey, e.id);
        browser::claim(e.id);
    }
}

void Sharing::sync() {
    if (state_.editing() || state_.replay.active) return;
    const bool first = synced_history_ == ~0ull;
    const bool changed = state_.history_revision() != synced_history_;
    if (!changed && !entry_dirty_) return;
    synced_history_ = state_.history_revision();
    // The entry first, then the URL: a reload that catches the old URL still
    // finds the change in the entry (start() prefers this tab's entry).
    if ((changed && !first) || entry_dirty_) write_entry();
    if (changed) write_history();
    const std::string code = share_code();
    remember_code(code);
    browser::set_fragment("s=" + code, /*push=*/!first && !from_history_);
    const std::string name(tl::own_name(state_.scenario()));
    browser::set_title(name.empty() ? "Trilemma Lab" : cut_text(name, 80) + " \xC2\xB7 Trilemma Lab");
    from_history_ = false;
}

bool Sharing::open_entry(const std::string& id) {
    std::string problem;
    auto e = library_.load(id, &problem);
    if (!e) {
        notify_refused("This library entry could not be opened: " + problem + ".");
        return false;
    }
    if (id == entry_id_) return false;
    if (browser::claimed_elsewhere(id)) {
        begin_entry("mine");
        state_.set_scenario(e->scenario);
        notify(Notice::Kind::Info, "Another tab is editing \xE2\x80\x9C" + entry_label(*e) +
                                       "\xE2\x80\x9D: this tab continues with a copy of it.", 8);
        return true;
    }
    adopt(*e);
    notify(Notice::Kind::Info, "Opened \xE2\x80\x9C" + entry_label(*e) + "\xE2\x80\x9D from the library.", 4);
    return true;
}

void Sharing::duplicate_entry(const std::string& id) {
    auto e = library_.load(id);
    if (!e) return;
    LibraryEntry copy = library_.make("mine", e->scenario);
    copy.scenario.name = cut_text(entry_label(*e), 100) + " (copy)";
    if (!library_.save(copy)) notify(Notice::Kind::Error, "The browser's storage is full: the copy was not made.");
}

void Sharing::rename_entry(const std::string& id, const std::string& name) {
    if (id == entry_id_) {
        tl::Scenario s = state_.scenario();
        s.name = name;
        state_.set_scenario(s);  // written by the next sync, with the URL
        return;
    }
    auto e = library_.load(id);
    if (!e) return;
    e->scenario.name = name;
    e->updated = 0;
    if (!library_.save(*e)) notify(Notice::Kind::Error, "The browser's storage is full: the name was not changed.");
}

void Sharing::delete_entry(const std::string& id) {
    library_.remove(id);
    if (id == entry_id_) begin_entry("mine");  // what is on screen is kept again at once, as a new entry
}

void Sharing::export_entry(const std::string& id) {
    auto e = library_.load(id);
    if (!e) return;
    browser::download(slug(entry_label(*e)) + ".trilemma.json", "application/json", tl::scenario_to_json(e->scenario) + "\n");
}

void Sharing::export_library() {
    library_.refresh();
    browser::download("trilemma-lab-library.json", "application/json", library_.export_all());
}

// [SECTION] Start-up and page events

void Sharing::open_fragment(const browser::Fragment& f, bool at_start) {
    if (!f.problem.empty()) {
        last_load_ = "error: " + f.problem;
        notify_refused("The link could not be opened: " + f.problem + ". Your saved work is unchanged.");
        show_own_fragment();
        return;
    }
    if (f.text.rfind("s=", 0) != 0) return;
    const std::string code = f.text.substr(2);
    if (!at_start && code == share_code()) return;  // the address bar already shows what is open
    if (!at_start && own_code(code)) {  // Back/Forward through this tab's own changes
        from_history_ = true;
        if (!apply_code(code, "link", "")) show_own_fragment();
        return;
    }
    const bool had_work = !library_.entries().empty();
    if (!apply_code(code, at_start ? "shared link" : "link", "link")) show_own_fragment();
    else if (had_work)
        notify(Notice::Kind::Info, "Opened a shared scenario as a new entry in your library; your previous work is kept there.",
               12, Notice::Action::OpenLibrary);
}

void Sharing::show_own_fragment() {
    // A refused link leaves the address showing what is open, so that a copy
    // of the address is never the broken link (the notice quotes it).
    from_history_ = false;
    const std::string code = share_code();
    remember_code(code);
    browser::set_fragment("s=" + code, /*push=*/false);
}

void Sharing::flush() {
    // A slider still held (its release not yet seen by the app) is committed
    // with the value on screen.
    if (!state_.replay.active) state_.commit_edit();
    sync();
}

std::optional<browser::Fragment> Sharing::start(double now) {
    now_ = now;
    {
        std::string codes = browser::session_get(kTabCodesKey);
        std::size_t p = 0;
        while (p < codes.size()) {
            std::size_t q = codes.find('\n', p);
            if (q == std::string::npos) q = codes.size();
            if (q > p) own_codes_.push_back(codes.substr(p, q - p));
            p = q + 1;
        }
    }
    library_.refresh();
    const browser::Fragment fragment = browser::read_fragment();

    // Work autosaved by an older version: imported once as an entry (then
    // its key is freed), whatever this tab shows; adopted below when this
    // tab has nothing of its own, being the most recent entry.
    {
        browser::Stored legacy = browser::storage_read(Library::kLegacyAutosaveKey, Library::kMaxEntryChars);
        if (legacy.present) {
            auto r = legacy.too_large ? tl::ScenarioReadResult{} : tl::scenario_from_json(legacy.text);
            if (r.ok) {
                LibraryEntry e = library_.make("mine", r.scenario);
                if (library_.save(e)) browser::storage_remove(Library::kLegacyAutosaveKey);
                for (const auto& n : r.notices) notify(Notice::Kind::Warning, n, 0);
            } else {
                notify(Notice::Kind::Warning, "Your autosaved work could not be restored (" +
                                                  (legacy.too_large ? std::string("too large to be a scenario") : first_or(r.errors, "?")) +
                                                  "). It is kept unchanged in the browser; the library can download or delete it.",
                       0, Notice::Action::OpenLibrary);
            }
        }
    }
    // The address is this tab's own (a reload, or a share code it wrote)
    // rather than a link being opened: it is not opened as a new entry.
    const bool own_url = fragment.text.rfind("s=", 0) == 0 &&
                         (browser::navigation_type() == "reload" || own_code(fragment.text.substr(2)));
    // 1. The work this tab was doing (a reload), else what its own address
    //    shows, else the most recent work no other open tab is editing, else
    //    a copy of the most recent work.
    bool restored = false, own_entry = false;
    const std::string tab_entry = browser::session_get(kTabEntryKey);
    if (!tab_entry.empty()) {
        std::string problem;
        if (auto e = library_.load(tab_entry, &problem)) {
            if (browser::claimed_elsewhere(e->id)) {
                // A duplicated tab (it copies session storage) while the
                // original is open: carry on with a copy, never in its entry.
                state_.set_scenario(e->scenario);
                begin_entry("mine");
                entry_dirty_ = false;
            } else {
                adopt(*e);
                own_entry = true;
            }
            restored = true;
        } else if (problem != "not in the library") {
            notify(Notice::Kind::Warning, "This tab's work could not be read (" + problem +
                                              "). It is kept unchanged in the browser; the library can download or "
                                              "delete it.", 0, Notice::Action::OpenLibrary);
        }
    }
    if (!restored && own_url) {
        // A reload of a tab that had not changed anything yet: what it showed
        // comes back, kept as a new entry at the first change.
        from_history_ = true;
        if (apply_code(fragment.text.substr(2), "link", "")) {
            last_load_.clear();
            restored = true;
            begin_entry("mine");
            entry_dirty_ = false;
        }
    }
    if (!restored) {
        for (const auto& e : library_.entries()) {
            if (browser::claimed_elsewhere(e.id)) continue;
            adopt(e);
            restored = true;
            break;
        }
    }
    if (!restored && !library_.entries().empty()) {
        // Every entry is open in another tab: start from a copy of the most
        // recent, kept as a new entry at the first change.
        state_.set_scenario(library_.entries().front().scenario);
        begin_entry("mine");
        entry_dirty_ = false;
    }
    // Undo starts at what start-up brought back, not at the blank app before
    // it: this tab's own entry brings its Undo and Redo back with it.
    if (own_entry) restore_history();
    else state_.clear_history();
    const bool legacy_reported = !notices_.empty();
    if (!library_.unreadable().empty() && tab_entry.empty() && !legacy_reported)
        notify(Notice::Kind::Warning, std::to_string(library_.unreadable().size()) +
                                          " saved value(s) could not be read; they are kept unchanged (see the library).",
               0, Notice::Action::OpenLibrary);

    // 2. A link in the address: opened as a new entry, unless it is this
    //    tab's own URL (a reload: the entry already holds it, and may be a
    //    change newer than the URL the browser reloaded).
    if (!own_url && !(fragment.text.empty() && fragment.problem.empty())) return fragment;
    return std::nullopt;
}

void Sharing::frame(double now) {
    now_ = now;
    browser::dispatch_pending();
    sync();
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(),
                                  [&](const Notice& n) { return n.expires > 0 && n.expires < now_; }),
                   notices_.end());
}

// [SECTION] Files and exports

std::string Sharing::share_code() const { return tl::encode_share_code(state_.scenario()); }
std::string Sharing::share_link() const { return share_link(state_.scenario()); }
std::string Sharing::share_link(const tl::Scenario& s) const { return browser::url_with_fragment("s=" + tl::encode_share_code(s)); }

void Sharing::save_file() {
    const tl::Scenario& s = state_.scenario();
    browser::download(slug(s.name) + ".trilemma.json", "application/json", tl::scenario_to_json(s) + "\n");
    notify(Notice::Kind::Info, "Scenario saved as a file.", 4);
}

void Sharing::open_file() { browser::open_file_picker(); }

void Sharing::export_csv() {
    const ModelView& v = state_.view();
    std::vector<const tl::Bands*> bands;
    if (v.bands_ready && v.bands.bloc == state_.scenario().seat) bands.push_back(&v.bands);
    browser::download(slug(state_.scenario().name) + "-results.csv", "text/csv",
                      // What was set first (comment lines), so the numbers can be traced and reopened.
                      tl::scenario_csv_comments(state_.scenario(), share_link()) + tl::story_csv_comments(v.story) +
                          tl::results_csv(v.scenario, v.baseline, {state_.scenario().seat}, bands));
    notify(Notice::Kind::Info, "Results exported as CSV.", 4);
}

void Sharing::export_png(float x, float y, float w, float h) {
    std::string name = slug(state_.scenario().name) + "-charts.png";
    platform::request_capture(x, y, w, h, [name](int width, int height, const unsigned char* rgba) {
        browser::download_png(name, width, height, rgba);
    });
    notify(Notice::Kind::Info, "Image exported as PNG.", 4);
}

void Sharing::export_summary() {
    std::string name = slug(state_.scenario().name) + "-summary.html";
    std::string html = tl::summary_html(state_.scenario(), state_.view().story, share_link());
    const platform::FrameInfo& f = platform::frame_info();
    platform::request_capture(0, 0, f.width, f.height, [name, html](int width, int height, const unsigned char* rgba) {
        browser::download_html_with_image(name, html, width, height, rgba);
    });
    notify(Notice::Kind::Info, "Summary saved as a page: open it and print it.", 6);
}

void Sharing::new_scenario() {
    tl::Scenario s = tl::scenario_from_preset(tl::presets().front(), state_.scenario().seat);
    s.horizon = state_.scenario().horizon;
    state_.set_scenario(s);
    notify(Notice::Kind::Info, "New scenario from the 2024 status quo. Undo brings the previous one back.", 8, Notice::Action::Undo);
}

// [SECTION] Pasted and dropped text

// What a JSON text is when it is not an object ("not a scenario: it is ...").
static const char* json_non_object(const std::string& t) {
    auto p = t.find_first_not_of(" \t\r\n");
    if (p == std::string::npos) return nullptr;
    const std::string_view v = std::string_view(t).substr(p, t.find_last_not_of(" \t\r\n") + 1 - p);
    if (v == "null") return "JSON null";
    if (v == "true" || v == "false") return "a JSON true or false";
    if (v.front() == '[') return "a JSON list";
    if (v.front() == '"' && v.size() >= 2 && v.back() == '"') return "a JSON string";
    if (v.find_first_not_of("0123456789+-.eE") == std::string_view::npos) return "a number";
    return nullptr;
}

bool Sharing::open_text(const std::string& source, const std::string& text) {
    if (text.size() > tl::kMaxScenarioBytes) {
        refuse(source, "too-large", static_cast<double>(text.size()));
        return false;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        last_load_ = "error: empty";
        notify_refused("The " + source + " is empty: there is nothing to open. Your current scenario is unchanged.");
        return false;
    }
    if (const char* what = json_non_object(text)) {
        last_load_ = std::string("error: not a scenario (") + what + ")";
        notify_refused("The " + source + " is not a scenario: it is " + what +
                                        ". Paste a share link or a scenario file's text. Your current scenario is unchanged.");
        return false;
    }
    if (looks_like_json(text)) {
        auto r = tl::scenario_from_json(text);
        if (!r.ok) {
            const std::string all = cut_text(first_errors(r.errors), kMaxQuoteBytes);
            last_load_ = cut_text("error: " + all, kMaxNoticeBytes);
            notify_refused("The " + source + " could not be opened: " + all + ". Your current scenario is unchanged.");
            return false;
        }
        begin_entry("file");
        state_.set_scenario(r.scenario);
        last_load_ = "ok: " + source;
        notify(Notice::Kind::Info, "Opened " + source + ".", 5);
        for (const auto& n : r.notices) notify(Notice::Kind::Warning, n, 0);
        return true;
    }
    // Text with a link in it (a chat message, a phone's share text: "Team Red:
    // http://…#s=…") opens its link; prose with none says so, rather than
    // reporting its first comma as a bad share-code character.
    std::vector<std::string_view> links;
    const std::string_view all(text);
    for (std::size_t begin = 0; begin <= all.size() && links.size() < 2;) {
        const std::size_t end = std::min(all.find('\n', begin), all.size());
        const std::string_view line = all.substr(begin, end - begin);
        for (const auto& span : tl::find_share_links(line, 2)) links.push_back(line.substr(span.begin, span.end - span.begin));
        begin = end + 1;
    }
    const std::size_t first = text.find_first_not_of(" \t\r\n"), last = text.find_last_not_of(" \t\r\n");
    const bool one_word = text.find_first_of(" \t\r\n", first) > last;
    if (links.empty() && one_word) return apply_code(text, source, "link");  // a damaged code: the decoder says where
    if (links.empty()) {
        last_load_ = "error: no share link";
        notify_refused("The " + source + " holds no share link, share code or scenario file (a share link "
                                    "ends in #s= and its code). Your current scenario is unchanged.");
        return false;
    }
    if (links.size() > 1) {
        last_load_ = "error: several share links";
        notify_refused("The " + source + " holds several share links: paste one at a time, or open "
                                    "Trainer > Room view to compare them. Your current scenario is unchanged.");
        return false;
    }
    return apply_code(std::string(links.front()), source, "link");
}

}  // namespace app

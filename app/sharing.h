#pragma once
// Scenarios that travel: share links (#s=<code> in the URL), QR codes,
// scenario files, results CSV, chart PNG, autosave to local storage, and the
// browser's Back button through URL history. Every input is checked by the
// core's decoders; a bad one is reported and the current work stays as it is.
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"

namespace app {

// The first few of a decoder's errors, for a notice ("a; b; c").
std::string first_errors(const std::vector<std::string>& errors, std::size_t count = 3);

// Messages shown at the top of the screen; errors stay until dismissed.
struct Notice {
    enum class Kind { Info, Warning, Error } kind = Kind::Info;
    std::string text;
    double expires = 0;  // 0: until dismissed
    std::string action_label;
    std::function<void()> action;
};

class Sharing {
public:
    explicit Sharing(AppState& state) : state_(state) {}

    // At start-up: a link in the URL wins; otherwise the autosaved work.
    void start(double now);
    // Once per frame: page events (files, paste, Back/Forward), autosave, URL.
    void frame(double now);

    // What the File menu and the Share dialog do.
    std::string share_code() const;
    std::string share_link() const;
    void save_file();
    void open_file();
    void export_csv();
    void export_png(float x, float y, float w, float h);
    void export_summary();  // the printable one-page summary: scores, story, the screen, the link
    void new_scenario();  // status quo for the same seat; undoable

    // Reads a pasted or dropped text: a share link/code or a scenario file.
    // Returns false (and reports why) when it is neither or is invalid.
    bool open_text(const std::string& source, const std::string& text);

    void notify(Notice::Kind kind, std::string text, double seconds = 6.0, std::string action_label = {},
                std::function<void()> action = {});
    std::vector<Notice>& notices() { return notices_; }
    double now() const { return now_; }

    // Guides and room links go to the trainer (set by main): returns true
    // when it took the text.
    std::function<bool(const std::string& source, const std::string& text)> route_text;
    std::function<bool(const std::string& fragment)> route_fragment;

    // Where the last load ended (for the test hook): "ok: <source>" or "error: <message>".
    const std::string& last_load() const { return last_load_; }

    static constexpr const char* kAutosaveKey = "trilemma-lab.autosave.v1";
    static constexpr const char* kPreviousKey = "trilemma-lab.autosave.previous";
    static constexpr const char* kUnreadableKey = "trilemma-lab.autosave.unreadable";

private:
    void sync_url_and_autosave();
    bool apply_code(const std::string& code, const std::string& source);

    AppState& state_;
    std::vector<Notice> notices_;
    std::uint64_t synced_history_ = ~0ull;
    bool from_history_ = false;  // the change came from Back/Forward: replace, don't push
    double now_ = 0;
    std::string last_load_;
};

}  // namespace app

namespace ui {
// Toolbar's File menu, the Share dialog with its QR code, the New-scenario
// confirmation and the notices.
void draw_file_menu(app::Sharing& sharing, app::AppState& state);
void draw_share_dialog(app::Sharing& sharing, app::AppState& state);
void draw_notices(app::Sharing& sharing, float top, float width);
void open_share_dialog();
}  // namespace ui

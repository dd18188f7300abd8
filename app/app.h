#pragma once
// The app: the one object main() makes, holding everything that lives from
// frame to frame, and passed by reference to whatever needs it.
//   state     the scenario, its undo history and the model cache (app_state.h)
//   sharing   links, files, the library entry this tab edits, notices (sharing.h)
//   trainer   the guided scenario being played and the room's links (trainer.h)
//   ui_state  what the screen remembers: tab, dialogs asked for... (ui_state.h)
// Text and links arriving from the page go through here, since only the App
// knows both where a scenario goes (sharing) and where a guide or a room's
// links go (the trainer).
#include <string>

#include "app/app_state.h"
#include "app/browser.h"
#include "app/sharing.h"
#include "app/trainer.h"
#include "app/ui_state.h"

namespace app {

class App {
public:
    AppState state;
    Sharing sharing{state};
    Trainer trainer{state, sharing};
    ui::UiState ui_state;

    App() = default;
    App(const App&) = delete;  // sharing and trainer hold references into it
    App& operator=(const App&) = delete;

    // At start-up: the page's events come here; this tab's work is restored,
    // then a link in the address is opened.
    void start(double now);
    // Before drawing each frame: page events, autosave, the model, the guide's goal.
    void begin_frame(double now);
    // After drawing: a change committed while drawing is stored before the next
    // frame; the page learns whether a text field is being edited.
    void end_frame();

    // A pasted or dropped text: a guide file goes to the trainer, links to
    // the room while its window is open, anything else to sharing (a share
    // link or a scenario file). False (with a notice) when it was refused.
    bool open_text(const std::string& source, const std::string& text);
    // The address's fragment: "#guide=..." to the trainer, "#s=..." to sharing.
    void open_fragment(const browser::Fragment& fragment, bool at_start);
    // Switches to a library entry; a guide being played is left (its closed
    // levers belong to its own entry).
    void open_entry(const std::string& id);

    // View settings the toolbar and the test hook both change. They are kept
    // in the browser's local storage (kDisplayKey), so a projector's text
    // size and a dark room's theme survive a reload; start() restores them.
    void set_theme(Theme choice);
    static constexpr float kMinFontScale = 0.8f, kMaxFontScale = 2.0f, kFontScaleStep = 0.15f;
    void set_font_scale(float scale);  // clamped to the limits above
    static constexpr const char* kDisplayKey = "trilemma-lab.display";

private:
    void apply_theme(Theme choice);
    void apply_font_scale(float scale);
    void store_display() const;
    void restore_display();  // applies what was stored, without storing it again
};

}  // namespace app

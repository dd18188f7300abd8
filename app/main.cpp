// Trilemma Lab app entry: the explorer drawn every frame (app/layout.cpp and
// the panels), on top of the platform layer (app/platform.h) that owns the
// window, GL and the frame loop. The scenario and everything computed from it
// live in app::AppState.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/app_state.h"
#include "app/sharing.h"
#include "app/trainer.h"
#include "app/layout.h"
#include "app/platform.h"
#include "app/panels.h"
#include "app/screen_audit.h"
#include "app/theme.h"
#include "imgui.h"

namespace app {
AppState& the_state() {
    static AppState state;
    return state;
}
Sharing& the_sharing() {
    static Sharing sharing(the_state());
    return sharing;
}
Trainer& the_trainer() {
    static Trainer trainer(the_state(), the_sharing());
    return trainer;
}
}  // namespace app

int main(int argc, char** argv) {
    platform::Options options;
    options.title = "Trilemma Lab";
    std::copy(std::begin(theme::kBackground), std::end(theme::kBackground), options.clear_color);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            options.max_frames = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: %s [--frames N]\n", argv[0]);
            return 2;
        }
    }
    if (!platform::init(options)) return 1;
    theme::apply_light();
    ui::audit::enable();
    app::AppState& state = app::the_state();
    app::Sharing& sharing = app::the_sharing();
    app::Trainer& trainer = app::the_trainer();
    // Guide files and links, and links pasted while the room view is open, go to the trainer.
    sharing.route_text = [&trainer](const std::string& source, const std::string& text) {
        if (text.find("\"trilemma-lab/guide\"") != std::string::npos) {
            trainer.open_guide(text, source);
            return true;
        }
        if (trainer.room_open && text.find('{') == std::string::npos) {
            trainer.room_add(text);
            return true;
        }
        return false;
    };
    sharing.route_fragment = [&trainer](const std::string& fragment) {
        if (fragment.rfind("guide=", 0) != 0) return false;
        trainer.open_guide(fragment.substr(6), "link");  // refused: a notice says why, the work is kept
        return true;
    };
    sharing.on_open_entry = [&trainer] { trainer.leave(); };  // the guide's closed levers belong to its own entry
    sharing.start(0.0);
    // A first visit opens with the introduction, unless a guide leads the way.
    state.settings.intro_open = !ui::intro_hidden_for_good() && !trainer.session();
    state.update(0.0);
    platform::run([&state, &sharing, &trainer] {
        const double now = platform::frame_info().time;
        sharing.frame(now);
        state.update(now);
        trainer.frame(now);
        ui::audit::begin_frame();
        ui::draw_app(state, sharing, trainer);
        ui::audit::end_frame();
        sharing.end_frame();  // a change committed while drawing is stored before the next frame
    });
    platform::shutdown();
    return 0;
}

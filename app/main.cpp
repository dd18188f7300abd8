// Trilemma Lab app entry: the explorer drawn every frame (app/layout.cpp and
// the panels), on top of the platform layer (app/platform.h) that owns the
// window, GL and the frame loop. The scenario and everything computed from it
// live in app::AppState.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/app_state.h"
#include "app/layout.h"
#include "app/platform.h"
#include "app/theme.h"
#include "imgui.h"

namespace app {
AppState& the_state() {
    static AppState state;
    return state;
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
    app::AppState& state = app::the_state();
    state.update(0.0);
    platform::run([&state] {
        state.update(platform::frame_info().time);
        ui::draw_app(state);
    });
    platform::shutdown();
    return 0;
}

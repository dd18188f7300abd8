// Trilemma Lab app entry: the explorer drawn every frame (app/layout.cpp and
// the panels), on top of the platform layer (app/platform.h) that owns the
// window, GL and the frame loop. Everything that lives from frame to frame is
// in the one app::App made here (app/app.h).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/app.h"
#include "app/layout.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/screen_audit.h"
#include "app/test_hook.h"
#include "app/theme.h"

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
    static app::App app;  // static: it outlives the frame loop, which Emscripten never returns from
    install_test_hook(app);
    app.start(0.0);
    // A first visit opens with the introduction, unless a guide leads the way.
    app.state.settings.intro_open = !ui::intro_hidden_for_good() && !app.trainer.session();
    app.state.update(0.0);
    platform::run([] {
        app.begin_frame(platform::frame_info().time);
        ui::audit::begin_frame();
        ui::draw_app(app);
        ui::audit::end_frame();
        app.end_frame();
    });
    platform::shutdown();
    return 0;
}

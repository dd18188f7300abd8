#pragma once
// Test hook: lets the browser tests (tests/browser/) read the app's state and
// drive it, since ImGui draws to a canvas with no DOM to query.
//
// JS side (web/glue.js): window.trilemma.state() / window.trilemma.command(obj)
// call the exported C functions trilemma_state_json() / trilemma_command(json)
// (app/test_hook.cpp), which forward to the two functions below, for the App
// given to install_test_hook().
#include <string>
#include <string_view>

namespace app {
class App;
}

// The App the exported functions read and drive (main calls it once).
void install_test_hook(app::App& app);

// The app's current state as a JSON object.
std::string app_state_json(app::App& app);

// Applies a command given as a JSON object; returns a JSON object with the result
// ({"ok":true,...} or {"ok":false,"error":"..."}).
std::string app_command(app::App& app, std::string_view json);

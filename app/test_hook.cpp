// C exports behind window.trilemma (web/glue.js). See test_hook.h. They are
// kept by the link's EXPORTED_FUNCTIONS (CMakeLists.txt), so this file needs
// nothing of Emscripten (only platform.cpp and browser.cpp know it).
#include "app/test_hook.h"

#include <exception>
#include <string>

namespace {
app::App* hooked_app = nullptr;  // a C export has no other way to reach it
}  // namespace

void install_test_hook(app::App& app) { hooked_app = &app; }

extern "C" {

// Returned pointers stay valid until the next call of the same function
// (the JS side copies the string at once).
const char* trilemma_state_json() {
    static std::string result;
    try {
        result = hooked_app ? app_state_json(*hooked_app) : std::string(R"({"error":"no app yet"})");
    } catch (const std::exception&) {
        result = std::string(R"({"error":"state failed"})");
    }
    return result.c_str();
}

const char* trilemma_command(const char* json) {
    static std::string result;
    try {
        result = hooked_app ? app_command(*hooked_app, json ? std::string_view(json) : std::string_view())
                            : std::string(R"({"ok":false,"error":"no app yet"})");
    } catch (const std::exception&) {
        result = std::string(R"({"ok":false,"error":"command failed with an exception"})");
    }
    return result.c_str();
}

}  // extern "C"

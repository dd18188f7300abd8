// C exports behind window.trilemma (web/glue.js). See test_hook.h.
#include "app/test_hook.h"

#include <exception>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define TL_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define TL_EXPORT
#endif

extern "C" {

// Returned pointers stay valid until the next call of the same function
// (the JS side copies the string at once).
TL_EXPORT const char* trilemma_state_json() {
    static std::string result;
    try {
        result = app_state_json();
    } catch (const std::exception&) {
        result = std::string(R"({"error":"state failed"})");
    }
    return result.c_str();
}

TL_EXPORT const char* trilemma_command(const char* json) {
    static std::string result;
    try {
        result = app_command(json ? std::string_view(json) : std::string_view());
    } catch (const std::exception&) {
        result = std::string(R"({"ok":false,"error":"command failed with an exception"})");
    }
    return result.c_str();
}

}  // extern "C"

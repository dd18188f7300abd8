#pragma once
// The platform layer: the only place that knows about SDL2, OpenGL and
// Emscripten. Everything else in app/ draws with ImGui inside the frame
// callback and reads sizes from frame_info().
//
// Coordinates: ImGui works in logical pixels (CSS pixels in the browser). The
// framebuffer has dpr × as many pixels; fonts are rasterised at size × dpr and
// drawn at 1/dpr, so text stays crisp on high-DPI screens and under browser zoom.
#include <cstdint>
#include <functional>

struct ImFont;

namespace platform {

struct Options {
    const char* title = "Trilemma Lab";
    int width = 1280;        // native window size; in the browser the canvas fills the page
    int height = 800;
    float font_size = 17.0f; // body text, logical pixels
    float heading_size = 24.0f;
    float clear_color[3] = {0.953f, 0.957f, 0.969f};
    int max_frames = 0;      // native only: quit after this many frames (0: run until closed)
};

struct FrameInfo {
    std::uint64_t frame = 0;     // frames rendered so far
    double time = 0.0;           // seconds since init()
    float width = 0, height = 0; // logical pixels (ImGui coordinates)
    int fb_width = 0, fb_height = 0; // framebuffer (canvas backing store) pixels
    float dpr = 1.0f;            // device pixel ratio: framebuffer / logical
    double cpu_ms = 0.0;         // CPU time of the last frame: events, app update, UI, GL submission
    // The last press was a finger's, or no press yet on a device whose main
    // pointer is a finger (a phone, a tablet): targets grow to finger size
    // from the first frame, so the first tap does not move what it hits.
    bool touch = false;
};

// Creates the window (canvas), GL context (WebGL2 / GL 3.0), ImGui context and
// fonts. Returns false on failure after reporting it (stderr; in the browser
// also on the page).
bool init(const Options& options);

// Runs `frame` once per display frame, between ImGui::NewFrame() and Render().
// Natively returns when the window is closed (or after Options::max_frames);
// in the browser it hands control to the browser's animation loop and never
// returns.
void run(std::function<void()> frame);

// Releases ImGui, GL and SDL (native; no-op need in the browser).
void shutdown();

const FrameInfo& frame_info();

// Fonts of the current atlas (they change when the pixel ratio does: don't cache them).
ImFont* font_regular();
ImFont* font_bold();
ImFont* font_heading();

// Reads back a rectangle of the next rendered frame (logical pixels) as RGBA,
// top row first, and hands it to `done` (e.g. to save a PNG).
void request_capture(float x, float y, float w, float h,
                     std::function<void(int width, int height, const unsigned char* rgba)> done);

// Text size multiplier (projectors): rebuilds the font atlas at the new size.
void set_font_scale(float scale);
void set_clear_color(const float rgb[3]);

// Asks the native loop to end after this frame.
void request_quit();

bool is_browser();

}  // namespace platform

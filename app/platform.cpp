// Platform layer: SDL2 window + GL context, ImGui backends, fonts, frame loop.
// Native: desktop window with an OpenGL 3.0 context. Browser (Emscripten):
// the page's <canvas id="canvas"> with a WebGL2 (OpenGL ES 3.0) context.
//
// Index:
//   [SECTION] State
//   [SECTION] Browser glue (ready / error signals to web/glue.js)
//   [SECTION] Sizes and pixel ratio
//   [SECTION] Fonts
//   [SECTION] Pointer input: mouse and touch as ImGui sees them
//   [SECTION] Init / frame / run / shutdown
#include "app/platform.h"

#include "app/font_data.h"

#define SDL_MAIN_HANDLED  // main() is ours (app/main.cpp), no SDL_main wrapper
#include <SDL.h>

#include "imgui.h"
#include "imgui_internal.h"  // scrolling the window under a swipe (ImGuiWindow)
#include "imgui_impl_opengl3.h"
#if __has_include("imgui_impl_sdl2.h")
#include "imgui_impl_sdl2.h"
#else
#include "imgui_impl_sdl.h"  // ImGui 1.86 name of the SDL2 backend
#endif

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#else
#include <SDL_opengl.h>
#endif

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <utility>
#include <vector>

namespace platform {

//-----------------------------------------------------------------------------
// [SECTION] State
//-----------------------------------------------------------------------------

namespace {

struct State {
    Options options;
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::function<void()> frame;
    FrameInfo info;
    Uint64 start_ticks = 0;
    float font_dpr = 0.0f;  // pixel ratio the font atlas was built for
    float font_scale = 1.0f, built_scale = 1.0f;
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    bool quit = false;
    struct Capture {
        float x, y, w, h;
        std::function<void(int, int, const unsigned char*)> done;
    };
    std::vector<Capture> captures;
    std::vector<SDL_Event> held_key_releases;  // see frame_once()
};

State g;

#ifdef __EMSCRIPTEN__
constexpr const char* kCanvas = "#canvas";
#endif

//-----------------------------------------------------------------------------
// [SECTION] Browser glue (ready / error signals to web/glue.js)
//-----------------------------------------------------------------------------

void report_error(const char* what) {
    std::fprintf(stderr, "trilemma: %s: %s\n", what, SDL_GetError());
#ifdef __EMSCRIPTEN__
    EM_ASM({ if (Module.onAppError) Module.onAppError(UTF8ToString($0) + ': ' + UTF8ToString($1)); },
           what, SDL_GetError());
#endif
}

void report_ready() {
#ifdef __EMSCRIPTEN__
    EM_ASM({ if (Module.onAppReady) Module.onAppReady(); });
#endif
}

//-----------------------------------------------------------------------------
// [SECTION] Sizes and pixel ratio
//-----------------------------------------------------------------------------

// Updates g.info sizes. In the browser SDL only reacts to window resize events,
// not to zoom or devicePixelRatio changes, so we read the canvas CSS size and
// the ratio every frame and size the canvas backing store to CSS × ratio.
void update_sizes() {
#ifdef __EMSCRIPTEN__
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    double dpr = emscripten_get_device_pixel_ratio();
    if (!(dpr > 0)) dpr = 1.0;
    if (css_w < 1) css_w = 1;
    if (css_h < 1) css_h = 1;
    const int fb_w = static_cast<int>(std::lround(css_w * dpr));
    const int fb_h = static_cast<int>(std::lround(css_h * dpr));
    // SDL maps mouse positions to its window size, so keep that at the CSS size.
    const int win_w = static_cast<int>(std::lround(css_w));
    const int win_h = static_cast<int>(std::lround(css_h));
    int sdl_w = 0, sdl_h = 0;
    SDL_GetWindowSize(g.window, &sdl_w, &sdl_h);
    if (sdl_w != win_w || sdl_h != win_h) SDL_SetWindowSize(g.window, win_w, win_h);
    // (SDL_SetWindowSize also resizes the canvas, with its own rounding: set ours after.)
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &cur_w, &cur_h);
    if (cur_w != fb_w || cur_h != fb_h) emscripten_set_canvas_element_size(kCanvas, fb_w, fb_h);
    g.info.width = static_cast<float>(css_w);
    g.info.height = static_cast<float>(css_h);
    g.info.fb_width = fb_w;
    g.info.fb_height = fb_h;
    g.info.dpr = static_cast<float>(dpr);
#else
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(g.window, &w, &h);
    SDL_GL_GetDrawableSize(g.window, &fb_w, &fb_h);
    g.info.width = static_cast<float>(w);
    g.info.height = static_cast<float>(h);
    g.info.fb_width = fb_w;
    g.info.fb_height = fb_h;
    g.info.dpr = (w > 0 && fb_w > 0) ? static_cast<float>(fb_w) / static_cast<float>(w) : 1.0f;
#endif
}

//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

// Latin, Latin-1, Latin Extended-A, punctuation (dashes, quotes, ellipsis,
// bullet), €, arrows, math signs, a few shapes (▲▼●) and ✓.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x017F,
    0x2010, 0x2027,
    0x2030, 0x203A,
    0x20AC, 0x20AC,
    0x2190, 0x2199,
    0x2212, 0x2212,
    0x2248, 0x2248,
    0x2260, 0x2265,
    0x25B2, 0x25BC,
    0x25CF, 0x25CF,
    0x2713, 0x2713,
    0,
};

ImFont* add_font(const unsigned char* data, unsigned int size, float px) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // static data from font_data.h
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    // ImGui takes void* but does not write to the data when it doesn't own it.
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data),
                                                      static_cast<int>(size), px, &cfg,
                                                      kGlyphRanges);
}

// (Re)builds the atlas at the current pixel ratio: glyphs rasterised at
// size × dpr, displayed at 1/dpr (FontGlobalScale), so one glyph pixel is one
// screen pixel.
void build_fonts(bool upload) {
    ImGuiIO& io = ImGui::GetIO();
    const float dpr = g.info.dpr > 0 ? g.info.dpr : 1.0f;
    io.Fonts->Clear();
    const float px = dpr * g.font_scale;
    g.regular = add_font(kUiFontTtf, kUiFontTtfSize, std::round(g.options.font_size * px));
    g.bold = add_font(kUiFontBoldTtf, kUiFontBoldTtfSize, std::round(g.options.font_size * px));
    g.heading = add_font(kUiFontBoldTtf, kUiFontBoldTtfSize, std::round(g.options.heading_size * px));
    g.built_scale = g.font_scale;
    io.Fonts->Build();
    io.FontDefault = g.regular;
    io.FontGlobalScale = 1.0f / dpr;
    g.font_dpr = dpr;
    if (upload) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Pointer input: mouse and touch as ImGui sees them
//-----------------------------------------------------------------------------
// ImGui 1.86 reads the pointer once per frame (position and buttons), so a
// press and a release in the same frame are lost, and a finger that lifts and
// leaves in one frame is never seen releasing on the button. Like ImGui 1.87's
// input queue, events wait here and at most one button change reaches ImGui
// per frame; the position moves only up to that change.
//
// Touch is turned into that pointer by gestures, as a phone's native widgets
// do: a tap is a click (press and release in successive frames, then the
// pointer leaves so nothing stays hovered); a drag that starts sideways is a
// mouse drag (sliders); a drag that starts vertically scrolls the window
// under the finger (even from a slider), with momentum after the finger
// lifts; a finger held still for kLongPressSeconds hovers, so the item's
// tooltip shows, and it stays until the next touch (a drag after the long
// press follows the same rule as one without).

namespace {

struct PointerEvent {
    enum Kind { Move, Down, Up, Leave } kind;
    ImVec2 pos;
    int button = 0;
};

// Touch gesture thresholds (logical pixels, seconds). The slop is about a
// finger's jitter on a tap; 0.5 s is the usual long-press time on phones.
constexpr float kTouchSlop = 8.0f;
constexpr double kLongPressSeconds = 0.5;
// Momentum: the speed falls by e every kMomentumDecaySeconds, and stops below
// kMomentumMinSpeed (px/s).
constexpr double kMomentumDecaySeconds = 0.33;
constexpr float kMomentumMinSpeed = 30.0f;

struct Touch {
    enum Mode { None, Undecided, Press, Swipe, LongPress } mode = None;
    SDL_FingerID finger = 0;
    ImVec2 start, pos;
    double start_time = 0, last_time = 0;
    ImGuiID scroll_window = 0;  // the window a swipe scrolls
    float velocity = 0;         // px/s of the swipe (positive: content moves up)
};

struct Pointer {
    std::deque<PointerEvent> queue;
    ImVec2 pos{-FLT_MAX, -FLT_MAX};
    bool down[3] = {false, false, false};
    Touch touch;
    ImGuiID momentum_window = 0;
    float momentum_speed = 0;
    float pending_scroll = 0;         // px to scroll touch.scroll_window by this frame
    ImGuiID pending_scroll_window = 0;
};

Pointer pointer;

double now_seconds() { return static_cast<double>(SDL_GetTicks64()) / 1000.0; }

void queue_event(PointerEvent::Kind kind, ImVec2 pos, int button = 0) { pointer.queue.push_back({kind, pos, button}); }

// The top-most window under `p` that can scroll vertically (ImGui's own rule
// for the mouse wheel: a child that cannot scroll passes it to its parent).
// Called before NewFrame, so `Active` still describes the last frame.
ImGuiID scrollable_window_at(ImVec2 p) {
    ImGuiContext& ctx = *GImGui;
    for (int i = ctx.Windows.Size - 1; i >= 0; --i) {
        ImGuiWindow* w = ctx.Windows[i];
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (!w->OuterRectClipped.Contains(p)) continue;
        while (w && (w->ScrollMax.y <= 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) &&
               (w->Flags & ImGuiWindowFlags_ChildWindow))
            w = w->ParentWindow;
        if (w && w->ScrollMax.y > 0.0f && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return w->ID;
        return 0;  // the top-most window under the finger does not scroll: nor do those behind it
    }
    return 0;
}

void scroll_by(ImGuiID id, float dy) {
    if (!id || dy == 0.0f) return;
    if (pointer.pending_scroll_window != id) pointer.pending_scroll = 0;
    pointer.pending_scroll_window = id;
    pointer.pending_scroll += dy;
}

ImVec2 finger_pos(const SDL_TouchFingerEvent& e) { return ImVec2(e.x * g.info.width, e.y * g.info.height); }

void on_finger_down(const SDL_TouchFingerEvent& e) {
    Touch& t = pointer.touch;
    if (t.mode != Touch::None) return;  // a second finger: ignored (no pinch in the canvas)
    g.info.touch = true;
    pointer.momentum_speed = 0;         // a touch stops a fling, as on a phone
    if (pointer.pos.x != -FLT_MAX) queue_event(PointerEvent::Leave, pointer.pos);  // hide a long-press tooltip
    t = Touch{};
    t.mode = Touch::Undecided;
    t.finger = e.fingerId;
    t.start = t.pos = finger_pos(e);
    t.start_time = t.last_time = now_seconds();
}

void on_finger_motion(const SDL_TouchFingerEvent& e) {
    Touch& t = pointer.touch;
    if (t.mode == Touch::None || e.fingerId != t.finger) return;
    const ImVec2 p = finger_pos(e);
    const double now = now_seconds();
    const float dx = p.x - t.start.x, dy = p.y - t.start.y;
    if (t.mode == Touch::Undecided || t.mode == Touch::LongPress) {
        if (std::max(std::fabs(dx), std::fabs(dy)) < kTouchSlop) return;  // still a tap or a long press
        if (std::fabs(dy) > std::fabs(dx)) {
            if (t.mode == Touch::LongPress) queue_event(PointerEvent::Leave, t.start);  // the tooltip goes
            t.mode = Touch::Swipe;
            t.scroll_window = scrollable_window_at(t.start);
            // Nothing to scroll here: behave like a mouse drag instead.
            if (!t.scroll_window) t.mode = Touch::Press;
        } else {
            t.mode = Touch::Press;
        }
        if (t.mode == Touch::Press) {
            queue_event(PointerEvent::Move, t.start);
            queue_event(PointerEvent::Down, t.start);
        } else {
            scroll_by(t.scroll_window, t.start.y - p.y);  // the slop too: the content follows the finger
        }
    } else if (t.mode == Touch::Swipe) {
        const float step = t.pos.y - p.y;
        scroll_by(t.scroll_window, step);
        const double dt = std::max(1e-3, now - t.last_time);
        t.velocity = 0.7f * t.velocity + 0.3f * static_cast<float>(step / dt);
    }
    if (t.mode == Touch::Press) queue_event(PointerEvent::Move, p);
    t.pos = p;
    t.last_time = now;
}

void on_finger_up(const SDL_TouchFingerEvent& e) {
    Touch& t = pointer.touch;
    if (t.mode == Touch::None || e.fingerId != t.finger) return;
    switch (t.mode) {
        case Touch::Undecided:  // a tap: a click where the finger went down
            queue_event(PointerEvent::Move, t.start);
            queue_event(PointerEvent::Down, t.start);
            queue_event(PointerEvent::Up, t.start);
            queue_event(PointerEvent::Leave, t.start);
            break;
        case Touch::Press:
            queue_event(PointerEvent::Up, finger_pos(e));
            queue_event(PointerEvent::Leave, finger_pos(e));
            break;
        case Touch::Swipe:
            // A finger that stopped before lifting does not fling.
            if (now_seconds() - t.last_time < 0.1 && std::fabs(t.velocity) > kMomentumMinSpeed) {
                pointer.momentum_window = t.scroll_window;
                pointer.momentum_speed = t.velocity;
            }
            break;
        case Touch::LongPress:  // the tooltip stays readable until the next touch
        case Touch::None:
            break;
    }
    t.mode = Touch::None;
}

// Feeds one SDL event to the pointer; returns whether it was a pointer event
// (the ImGui backend must not see those: it would apply them at once).
bool pointer_event(const SDL_Event& e) {
    switch (e.type) {
        case SDL_FINGERDOWN: on_finger_down(e.tfinger); return true;
        case SDL_FINGERMOTION: on_finger_motion(e.tfinger); return true;
        case SDL_FINGERUP: on_finger_up(e.tfinger); return true;
        case SDL_MOUSEMOTION:
            // SDL also reports touches as a mouse (SDL_TOUCH_MOUSEID): the gestures above handle them.
            if (e.motion.which != SDL_TOUCH_MOUSEID)
                queue_event(PointerEvent::Move, ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)));
            return true;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: {
            if (e.button.which == SDL_TOUCH_MOUSEID) return true;
            if (e.type == SDL_MOUSEBUTTONDOWN) g.info.touch = false;
            const int button = e.button.button == SDL_BUTTON_LEFT ? 0 : e.button.button == SDL_BUTTON_RIGHT ? 1
                             : e.button.button == SDL_BUTTON_MIDDLE ? 2 : -1;
            if (button >= 0)
                queue_event(e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Down : PointerEvent::Up,
                            ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y)), button);
            return true;
        }
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_LEAVE && pointer.touch.mode == Touch::None)
                queue_event(PointerEvent::Leave, pointer.pos);
            return false;
        default: return false;
    }
}

// Before NewFrame: the long press, the fling, and the scroll of this frame.
void update_gestures(double dt) {
    Touch& t = pointer.touch;
    if (t.mode == Touch::Undecided && now_seconds() - t.start_time >= kLongPressSeconds) {
        t.mode = Touch::LongPress;
        queue_event(PointerEvent::Move, t.start);  // hover: the item's tooltip shows
    }
    if (pointer.momentum_speed != 0.0f) {
        ImGuiWindow* w = ImGui::FindWindowByID(pointer.momentum_window);
        const bool at_end = !w || (pointer.momentum_speed > 0 ? w->Scroll.y >= w->ScrollMax.y : w->Scroll.y <= 0.0f);
        scroll_by(pointer.momentum_window, pointer.momentum_speed * static_cast<float>(dt));
        pointer.momentum_speed *= static_cast<float>(std::exp(-dt / kMomentumDecaySeconds));
        if (at_end || std::fabs(pointer.momentum_speed) < kMomentumMinSpeed) pointer.momentum_speed = 0;
    }
    if (pointer.pending_scroll != 0.0f) {
        if (ImGuiWindow* w = ImGui::FindWindowByID(pointer.pending_scroll_window)) {
            const float from = w->ScrollTarget.y < FLT_MAX ? w->ScrollTarget.y : w->Scroll.y;
            ImGui::SetScrollY(w, std::clamp(from + pointer.pending_scroll, 0.0f, w->ScrollMax.y));
        }
        pointer.pending_scroll = 0;
    }
}

// After the backend's NewFrame: applies queued events up to the first button
// change, then hands ImGui the pointer (replacing what the backend polled).
void apply_pointer() {
    while (!pointer.queue.empty()) {
        const PointerEvent e = pointer.queue.front();
        if (e.kind == PointerEvent::Move) {
            pointer.pos = e.pos;
        } else if (e.kind == PointerEvent::Leave) {
            pointer.pos = ImVec2(-FLT_MAX, -FLT_MAX);
        } else {
            pointer.pos = e.pos;
            pointer.down[e.button] = e.kind == PointerEvent::Down;
            pointer.queue.pop_front();
            break;  // one button change per frame; what follows waits for the next
        }
        pointer.queue.pop_front();
    }
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pointer.pos;
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = pointer.down[b];
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Init / frame / run / shutdown
//-----------------------------------------------------------------------------

void frame_once() {
    const Uint64 frame_start = SDL_GetPerformanceCounter();
    // Keys have the same trouble as the pointer: ImGui 1.86 sees a key as down
    // or up per frame, so a key released in the frame it went down (a quick
    // tap, an automated press) is never seen pressed. Such releases wait a frame.
    std::vector<SDL_Event> key_releases;
    key_releases.swap(g.held_key_releases);
    for (SDL_Event& e : key_releases) ImGui_ImplSDL2_ProcessEvent(&e);
    std::vector<SDL_Scancode> pressed_this_frame;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (event.type == SDL_KEYDOWN) pressed_this_frame.push_back(event.key.keysym.scancode);
        if (event.type == SDL_KEYUP && std::find(pressed_this_frame.begin(), pressed_this_frame.end(),
                                                 event.key.keysym.scancode) != pressed_this_frame.end()) {
            g.held_key_releases.push_back(event);
            continue;
        }
        if (!pointer_event(event)) ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) g.quit = true;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
            event.window.windowID == SDL_GetWindowID(g.window))
            g.quit = true;
    }

    update_sizes();
    // The backend creates the font texture on its first NewFrame; later atlas
    // rebuilds (pixel ratio changed: zoom, another screen) upload it themselves.
    if (g.info.dpr != g.font_dpr || g.font_scale != g.built_scale) build_fonts(/*upload=*/g.info.frame > 0);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    update_gestures(g.info.frame > 0 ? io.DeltaTime : 0.0);
    // ImGui repeats a key held past 0.275 s: one slow frame (software
    // rendering, a busy machine) made a single press of an arrow two steps.
    io.DeltaTime = std::min(io.DeltaTime, 0.1f);
    apply_pointer();
    io.DisplaySize = ImVec2(g.info.width, g.info.height);
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(g.info.fb_width) / g.info.width,
                                        static_cast<float>(g.info.fb_height) / g.info.height);
    g.info.time = static_cast<double>(SDL_GetTicks64() - g.start_ticks) / 1000.0;
    ImGui::NewFrame();

    if (g.frame) g.frame();

    ImGui::Render();
    glViewport(0, 0, g.info.fb_width, g.info.fb_height);
    const float* c = g.options.clear_color;
    glClearColor(c[0], c[1], c[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g.info.cpu_ms = static_cast<double>(SDL_GetPerformanceCounter() - frame_start) * 1000.0 /
                    static_cast<double>(SDL_GetPerformanceFrequency());
    for (auto& c : g.captures) {  // read back before the swap, while the frame is in the back buffer
        const float s = g.info.dpr;
        const int x = std::clamp(static_cast<int>(c.x * s), 0, g.info.fb_width - 1);
        const int y = std::clamp(static_cast<int>(c.y * s), 0, g.info.fb_height - 1);
        const int w = std::clamp(static_cast<int>(c.w * s), 1, g.info.fb_width - x);
        const int h = std::clamp(static_cast<int>(c.h * s), 1, g.info.fb_height - y);
        std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4), flipped(px.size());
        glReadPixels(x, g.info.fb_height - y - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
        for (int row = 0; row < h; ++row)  // GL's rows run bottom-up
            std::copy_n(&px[static_cast<std::size_t>(h - 1 - row) * w * 4], w * 4, &flipped[static_cast<std::size_t>(row) * w * 4]);
        c.done(w, h, flipped.data());
    }
    g.captures.clear();
    SDL_GL_SwapWindow(g.window);

    ++g.info.frame;
    if (g.info.frame == 1) report_ready();
}

#ifdef __EMSCRIPTEN__
void browser_frame(void*) { frame_once(); }
#endif

}  // namespace

#ifdef __EMSCRIPTEN__
// Typing that reaches the page's hidden textarea rather than the canvas (a
// phone's keyboard, an IME, dead keys: app/browser.h) enters the frame loop as
// SDL's own keyboard events, so key releases are held as theirs are.
extern "C" {
EMSCRIPTEN_KEEPALIVE void trilemma_on_text(const char* text) {
    const std::size_t n = text ? std::strlen(text) : 0;
    constexpr std::size_t kRoom = sizeof(SDL_TextInputEvent::text) - 1;
    for (std::size_t a = 0; a < n;) {
        std::size_t e = std::min(n, a + kRoom);
        while (e < n && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;  // not inside a character
        SDL_Event ev{};
        ev.type = SDL_TEXTINPUT;
        std::memcpy(ev.text.text, text + a, e - a);
        SDL_PushEvent(&ev);
        a = e;
    }
}
EMSCRIPTEN_KEEPALIVE void trilemma_on_key(int scancode, int down, int modifiers) {
    if (scancode <= SDL_SCANCODE_UNKNOWN || scancode >= SDL_NUM_SCANCODES) return;
    SDL_SetModState(static_cast<SDL_Keymod>(modifiers));  // the backend reads Ctrl and Shift from here
    SDL_Event ev{};
    ev.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    ev.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    ev.key.keysym.scancode = static_cast<SDL_Scancode>(scancode);
    ev.key.keysym.sym = SDL_GetKeyFromScancode(ev.key.keysym.scancode);
    ev.key.keysym.mod = static_cast<Uint16>(modifiers);
    SDL_PushEvent(&ev);
}
}
#endif

bool init(const Options& options) {
    g.options = options;
#ifdef __EMSCRIPTEN__
    g.info.touch = EM_ASM_INT({ return window.matchMedia && matchMedia('(pointer: coarse)').matches ? 1 : 0; }) != 0;
#endif

#ifdef __EMSCRIPTEN__
    // Keyboard events go to the canvas (focused by web/glue.js), not the whole
    // window, so the page's own keys (reload, zoom, devtools) keep working.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, kCanvas);
#endif
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        report_error("SDL_Init failed");
        return false;
    }

#ifdef __EMSCRIPTEN__
    // WebGL2 = OpenGL ES 3.0.
    const char* glsl_version = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    const char* glsl_version = "#version 130";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    g.window = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                options.width, options.height, flags);
    if (!g.window) {
        report_error("cannot create the window");
        return false;
    }
    g.gl = SDL_GL_CreateContext(g.window);
    if (!g.gl) {
        report_error("cannot create an OpenGL (WebGL2) context");
        return false;
    }
    SDL_GL_MakeCurrent(g.window, g.gl);
    SDL_GL_SetSwapInterval(1);  // vsync natively; the browser paces frames itself

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: layout comes from code, state from the core
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Only a title bar moves a window (the room, a library): a finger on its
    // body is a tap or a swipe. (Menus have no title bar and are NoMove.)
    io.ConfigWindowsMoveFromTitleBarOnly = true;

    ImGui_ImplSDL2_InitForOpenGL(g.window, g.gl);
    ImGui_ImplOpenGL3_Init(glsl_version);

    update_sizes();
    build_fonts(/*upload=*/false);
    g.start_ticks = SDL_GetTicks64();
    return true;
}

void run(std::function<void()> frame) {
    g.frame = std::move(frame);
#ifdef __EMSCRIPTEN__
    // fps 0: requestAnimationFrame. simulate_infinite_loop: main() does not return.
    emscripten_set_main_loop_arg(browser_frame, nullptr, 0, true);
#else
    while (!g.quit) {
        frame_once();
        if (g.options.max_frames > 0 && g.info.frame >= static_cast<std::uint64_t>(g.options.max_frames))
            break;
    }
#endif
}

void shutdown() {
    if (ImGui::GetCurrentContext()) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (g.gl) SDL_GL_DeleteContext(g.gl);
    if (g.window) SDL_DestroyWindow(g.window);
    g.gl = nullptr;
    g.window = nullptr;
    SDL_Quit();
}

const FrameInfo& frame_info() { return g.info; }
ImFont* font_regular() { return g.regular; }
ImFont* font_bold() { return g.bold; }
ImFont* font_heading() { return g.heading; }
void request_quit() { g.quit = true; }
void request_capture(float x, float y, float w, float h,
                     std::function<void(int width, int height, const unsigned char* rgba)> done) {
    g.captures.push_back({x, y, w, h, std::move(done)});
}
void set_font_scale(float scale) { g.font_scale = scale > 0.5f ? scale : 0.5f; }
void set_clear_color(const float rgb[3]) {
    for (int i = 0; i < 3; ++i) g.options.clear_color[i] = rgb[i];
}

bool is_browser() {
#ifdef __EMSCRIPTEN__
    return true;
#else
    return false;
#endif
}

}  // namespace platform

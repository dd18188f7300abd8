#pragma once
// What the last frame drew where, for the test hook (app/hook.cpp): the
// clickable items by their label, and the text that was drawn clipped or on
// top of other text. ImGui reports its items through its test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE, cmake/Imgui.cmake); text drawn straight into a
// draw list (chart axes) is reported with drawn_text().
#include <string>
#include <vector>

#include "imgui.h"

namespace ui::audit {

struct Item {
    std::string label;  // the visible label ("Share"), or the whole ID label for hidden ones ("##seat")
    std::string window; // the window it was drawn in
    ImVec4 rect;        // x, y, w, h of the part inside its window (logical pixels)
};

struct Problem {
    std::string what;   // e.g. "clipped: 'Pin to compare' in ##options" (for the test's message)
};

struct Report {
    std::vector<Item> items;
    std::vector<Item> texts;  // text drawn with drawn_text (chart axes), in drawing order
    std::vector<Problem> clipped, overlapping;
    bool tooltip = false;
    ImVec4 tooltip_rect{0, 0, 0, 0};
};

// Turns the hooks on (after ImGui::CreateContext) .
void enable();
// Call at the start of a frame (before drawing) and at its end (before ImGui::Render).
void begin_frame();
void end_frame();
// The last complete frame.
const Report& last_frame();

// Names the item just drawn, for widgets ImGui does not report with their
// label (combos: "Seat", "Preset", and text that other items must not cover:
// the app's title); `shown` is the text drawn in it, which
// must fit in its width less `reserved` (a combo's arrow).
void name_last_item(const char* label, const char* shown = nullptr, float reserved = 0.0f);

// Text drawn with ImDrawList::AddText: `rect` is where it went, `bounds` the
// area it must stay inside (a chart's plot and axis area).
void drawn_text(const ImVec2& min, const ImVec2& max, const char* text, const ImVec2& bounds_min,
                const ImVec2& bounds_max);

}  // namespace ui::audit

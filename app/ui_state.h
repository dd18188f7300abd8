#pragma once
// What the screen remembers from one frame to the next that is not the
// scenario: the tab shown, how tall the toolbar wrapped, which dialog was
// asked for, the triangle's trail, the room's paste box, the library window's
// edits, and where each lever's slider was drawn (for the test hook). It is
// part of app::App (app/app.h) and handed to the panels that need it, so no
// panel keeps state of its own in statics.
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/trilemma.h"
#include "imgui.h"

namespace ui {

// The tab shown in the tablet and phone layouts.
enum class Tab { Guide, Levers, Charts, Triangle, Story, Why, More };
// The tabs of the phone and tablet layouts, in the order they are shown.
inline constexpr Tab kTabs[] = {Tab::Guide, Tab::Levers, Tab::Charts, Tab::Triangle, Tab::Story, Tab::Why, Tab::More};
const char* tab_name(Tab t);                            // its button's label ("Why?")
std::optional<Tab> tab_named(std::string_view name);  // the tab with that label

// The last few positions of the scenario in the explorer's triangle.
struct TriangleTrail {
    std::deque<tl::TrilemmaScores> points;
    std::uint64_t revision = 0;  // the AppState revision last recorded
    tl::TrilemmaId trilemma = tl::TrilemmaId::EconomicSecurity;  // the trail restarts when the triangle changes
};

// The scenario library window (app/panel_library.cpp).
struct LibraryWindow {
    bool open_request = false;
    std::string renaming;          // id of the entry whose name is being edited
    bool focus_rename = false;     // put the cursor in the name field when it appears
    char rename_buf[128] = {};
    std::string confirm_delete;    // id (or storage key) awaiting "Delete?"
    int filter = 0;                // 0 all, then one kind of entry
};

struct UiState {
    Tab tab = Tab::Levers;
    bool guide_shown = false;  // a guide was running last frame (a new one opens its tab on a phone or tablet)
    float header_height = 120.0f;  // the toolbar wraps: the header is sized to last frame's content
    // The desktop guide box is sized to its content when a step opens (or the
    // width or text size changes), then held, so that a goal's status changing
    // under a drag never moves the levers below it.
    struct GuideBoxFit {
        int step = -1;  // the step measured (-2: the debrief)
        float width = 0, font_scale = 0;
        float height = 0;
        int measured = 0;  // frames measured since then
    } guide_box;
    int guide_panel_step = -3;  // the step the guide's panel last showed (-2: the debrief): a new one opens at its top
    // Dialogs asked for this frame, opened by the code that draws them.
    bool share_dialog_request = false;
    std::string share_dialog_link;  // the link the open Share dialog shows (the name as typed so far)
    double link_copied_at = -1e9;  // when the Share dialog last copied its link (it says so beside the link)
    bool new_scenario_confirm_request = false;
    bool guide_library_request = false;
    bool room_open = false;  // the room window; while it is open, pasted links go to the room
    std::string room_links = std::string(16 * 1024, '\0');  // the room's paste box (ImGui edits it in place)
    TriangleTrail trail;
    LibraryWindow library;
    ImGuiTextFilter assumption_filter;  // the Assumptions panel's filter by name
    // Slider rectangles of the last frame, by "BLOC.lever.sector" key: the
    // browser tests drag the real sliders with the mouse.
    std::map<std::string, ImVec4> lever_rects;
    ImVec4 lever_list_visible{};  // the part of the screen the lever list shows (x, y, w, h)
    // The guide's step and the levers it closed when the list was last
    // drawn: a new step's list opens at its top, at "Open in this step".
    int lever_list_step = -1;
    std::array<bool, tl::kSlotCount> lever_list_locks{};
    // A guide step's open levers: the height from the Levers tab to their end, and the step measured.
    float open_levers_need = 0;
    int open_levers_step = -1;
};

}  // namespace ui

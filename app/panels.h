#pragma once
// The panels and windows of the app, one file each (panel_*.cpp,
// sharing_dialogs.cpp). Each draws into the current ImGui window or child;
// none holds model logic. Those that only show the scenario take the
// AppState; those that act on links, guides or the screen's state take the App.
#include <map>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/ui_state.h"
#include "imgui.h"

namespace app {
class App;
}

namespace ui {

// The explorer (panel_levers.cpp ... panel_intro.cpp).
// Records in `ui` where each lever's slider was drawn, by "BLOC.lever.sector"
// (test hook), and the closed levers it drew. `hint`: the line naming the
// seat and what the ticks mark (a short screen drops it).
struct LeverListView {
    ImVec4 visible{};          // the part of the screen the list shows (x, y, w, h): a slider is in view when its rectangle lies within it
    float open_rows_end = 0;   // during a guide, where the step's open levers end (content y): the room they need
};
// During a guide, its step and the step's goal: the goal is shown beside
// "Open in this step" ("goal 1/2", "goal met ✓"), each condition's status in
// its tooltip; a new step opens the list at its top.
struct GuideStepNote {
    int step = -1;                        // the step shown (-1: no guide; -2: its debrief)
    std::string progress;                 // "1/2" or "met ✓"; empty: no goal
    bool met = false;
    std::vector<std::string> conditions;  // one line each
};
LeverListView draw_levers(app::AppState& state, UiState& ui, bool hint = true, const GuideStepNote& guide = {});
void draw_assumptions(app::AppState& state, ImGuiTextFilter& filter);  // filter: by name, kept between frames
void draw_charts(app::AppState& state, int columns);
void draw_triangle(app::AppState& state, TriangleTrail& trail, float size);
// The largest triangle size (at most `width`) whose drawing, selector, legend
// and reach line fit in `height` (draw_triangle keeps a legible minimum).
float triangle_size_to_fit(float width, float height);
void draw_why(app::AppState& state);
void draw_matrix(app::AppState& state);
void draw_story(app::AppState& state);  // the scenario in words (core/story.h)
void draw_intro(app::AppState& state);  // the first-minute introduction, while settings.intro_open
void draw_about(app::AppState& state);  // "About the model", while settings.about_open
bool intro_hidden_for_good();           // the user ticked "Don't show this again"
// The pillar scores in one row (phone header, triangle caption); where the
// full names would wrap to more rows, `abbreviate` shortens them ("Prot. 50")
// so a phone's header keeps one row.
void draw_score_strip(app::AppState& state, bool abbreviate = true);
float score_strip_row_width();  // the least width that holds the abbreviated strip in one row

// Trainer mode (panel_guide.cpp, panel_presenter.cpp, panel_room.cpp).
void draw_trainer_menu(app::App& app);
void draw_guide_library(app::App& app);
// Returns the height its open folds (hints, facilitator notes) add: the
// presenter places the QR code as if they were closed, so opening them does
// not move it.
float draw_guide_panel(app::App& app, bool large);
void draw_presenter(app::App& app);
void draw_room_window(app::App& app);

// Sharing (sharing_dialogs.cpp): the toolbar's File menu and Share button,
// the Share dialog with its QR code, the New-scenario confirmation, the notices.
void draw_file_menu(app::App& app);
void draw_share_dialog(app::App& app);
// `presenting`: on the projector only warnings and errors show (an info
// notice would cover the brief the room is reading).
void draw_notices(app::App& app, float width, bool presenting = false);
// The scenario library window (panel_library.cpp), opened from the File menu.
void draw_scenario_library(app::App& app);

}  // namespace ui

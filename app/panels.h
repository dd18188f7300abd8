#pragma once
// The panels of the explorer, one file each (panel_*.cpp). Each draws into
// the current ImGui window or child from the AppState; none holds model logic.
#include "app/app_state.h"

namespace ui {

void draw_levers(app::AppState& state);
void draw_assumptions(app::AppState& state);
void draw_charts(app::AppState& state, int columns);
void draw_triangle(app::AppState& state, float size);
void draw_why(app::AppState& state);
void draw_matrix(app::AppState& state);
void draw_score_strip(app::AppState& state);  // the pillar scores in one row (phone header, triangle caption)

}  // namespace ui

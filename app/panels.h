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
void draw_story(app::AppState& state);  // the scenario in words (core/story.h)
void draw_intro(app::AppState& state);  // the first-minute introduction, while settings.intro_open
void draw_about(app::AppState& state);  // "About the model", while settings.about_open
bool intro_hidden_for_good();           // the user ticked "Don't show this again"
void draw_score_strip(app::AppState& state);  // the pillar scores in one row (phone header, triangle caption)

}  // namespace ui

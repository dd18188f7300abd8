#pragma once
// The whole screen, arranged for the window's size: desktop (levers left,
// charts middle, triangle and "Why?" right), tablet (levers left, tabs right)
// and phone (one column with tabs, pillar scores always in the header).
#include "app/app.h"
#include "app/ui_state.h"

namespace ui {

enum class Layout { Desktop, Tablet, Phone };
// The layout for a window this wide; larger text counts as a narrower window.
Layout layout_for(float width, float font_scale = 1.0f);
const char* layout_name(Layout l);
// A short screen (a phone held sideways, 844x390): the header and the
// levers' panel give up what they can so that levers show without a swipe.
bool is_short_screen(Layout layout, float font_scale);

void draw_app(app::App& app);

}  // namespace ui

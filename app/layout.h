#pragma once
// The whole screen, arranged for the window's size: desktop (levers left,
// charts middle, triangle and "Why?" right), tablet (levers left, tabs right)
// and phone (one column with tabs, pillar scores always in the header).
#include "app/app_state.h"
#include "app/sharing.h"
#include "app/trainer.h"

namespace ui {

enum class Layout { Desktop, Tablet, Phone };
// The layout for a window of this size; larger text counts as a narrower window.
Layout layout_for(float width, float height, float font_scale = 1.0f);
const char* layout_name(Layout l);

// The tab shown in the tablet and phone layouts (the test hook can set it).
enum class Tab { Guide, Levers, Charts, Triangle, Story, Why, More };
// The tabs of the phone and tablet layouts, in the order they are shown.
inline constexpr Tab kTabs[] = {Tab::Guide, Tab::Levers, Tab::Charts, Tab::Triangle, Tab::Story, Tab::Why, Tab::More};
Tab& current_tab();
bool& force_tab();
void select_tab(Tab t);
const char* tab_name(Tab t);

void draw_app(app::AppState& state, app::Sharing& sharing, app::Trainer& trainer);

}  // namespace ui

#pragma once
// Small presentation helpers shared by the panels: pillar colours, lever
// value formatting, section headings, wrapped text, tooltips.
#include <string>
#include <string_view>

#include "core/levers.h"
#include "core/outcomes.h"
#include "core/scenario.h"
#include "imgui.h"

namespace ui {

ImU32 pillar_color(tl::Pillar p, float alpha = 1.0f);
// (The pillar an indicator belongs to is the core's: tl::indicator_pillar.)
// The pinned scenario's colour (Okabe–Ito reddish purple, shaded for the theme).
ImU32 compare_color();
ImU32 baseline_color();

// "60%", "$15bn/yr", "$200M/yr" — a lever value with its unit, short.
std::string lever_value_text(const tl::LeverDef& d, double v);

// The app's dialogs stay where they open (centred): a swipe on a phone
// scrolls them, it never drags them off the screen.
inline constexpr ImGuiWindowFlags kDialogFlags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove;

void section_heading(const char* text, ImU32 color);
// A paragraph wrapped at the window's edge; muted: in the disabled-text colour.
// A slider's value, drawn after a SliderScalar with an empty format between
// its corners a and b, at position t (0..1): centred, unless the grab is
// there; then in the wider side beside the grab ("4|0%" otherwise).
void draw_slider_value(ImVec2 a, ImVec2 b, float t, const std::string& text, ImU32 color);

void wrapped_text(const std::string& text);
// Text drawn so that a wrap never splits a number at its decimal point (the
// caller sets the wrap position).
void text_wrapped_whole_numbers(std::string_view text);
void muted_wrapped_text(const std::string& text);
void help_marker(const char* text);  // a "(?)" with a wrapped tooltip
// A tooltip with a paragraph and, muted below it, where it comes from
// ("Source: 001:L81"), wrapped to fit the screen.
void tooltip_with_source(const std::string& text, const char* label, const std::string& source);
float tooltip_wrap_width();
// ImGui::SetTooltip, wrapped to fit the screen (a phone).
void wrapped_tooltip(const char* fmt, ...) IM_FMTARGS(1);

// Whether a combo of this width shows `text` whole; fit_preview() shortens it
// with "…" when not (the combo's tooltip or list shows it whole).
bool preview_fits(const char* text, float combo_width);
std::string fit_preview(const std::string& text, float combo_width);
// `text` shortened with "…" to at most `width` pixels (whole if it fits).
std::string fit_text(const std::string& text, float width);

// Keyboard navigation: the focus ring on the item just drawn, for the
// invisible buttons that stand for a chart, the triangle or a bar (ImGui
// draws rings only for its own widgets); and a tooltip about to open for the
// focused item placed beside it rather than over the items below.
void keyboard_ring_on_last_item();
void place_tooltip_beside_focus();

// A small button for a mouse; after a touch, as tall as any other button,
// so a finger can hit it (theme::kFingerTarget).
bool small_button(const char* label);
// An entry of a menu or list (ImGui::Selectable): one text line for a mouse;
// after a touch as tall as a finger's target (theme::kFingerTarget).
bool list_entry(const char* label, bool selected = false);
// Flags that make a tree node (a folding row) as tall as a button after a touch.
ImGuiTreeNodeFlags tree_node_touch_flags();

// ImGui::BeginCombo, known to the test hook by `name` ("Seat"); the preview
// must fit (the audit of app/screen_audit.h counts it otherwise). Its list
// shows eight entries, finger-tall after a touch.
bool begin_combo(const char* name, const char* id, const char* preview, ImGuiComboFlags flags = 0);

// A pillar's name short enough for a narrow table column, and still
// distinct: "Prot.", "Prom.", "Part.".
const char* pillar_abbreviation(tl::Pillar p);

// Puts the next item (`width` wide) beside the last one, `spacing` apart (the
// style's by default), if it fits before the window's right edge, else on the next row.
void same_line_if_fits(float width, float spacing = -1.0f);
// Whether an item `width` wide fits after the last one on its line (spacing: as above).
bool fits_on_line(float width, float spacing = -1.0f);
// A dialog's size in text heights (ems), so that it grows with the text size
// (a projector at 1.6), within the screen; a height of 0 fits the content.
ImVec2 dialog_size(float width_em, float height_em = 0);
// The width of a button labelled `label` (Button and SmallButton alike), and
// same_line_if_fits for such a button (`extra`: what comes with it, e.g. a radio's circle).
float button_width(const char* label);
void same_line_if_button_fits(const char* label, float extra = 0);

// A button that opens a menu (BeginPopup `popup_id`; true while it is open:
// call EndPopup). The menu opens under the button (right-aligned in the
// screen's right half), not at the pointer, where a tap on the button's lower
// half would be on the menu's first row. `tooltip`: shown on hover, or null.
bool begin_menu_button(const char* label, const char* popup_id, const char* tooltip = nullptr);

// Call after an editable text field (InputText...): a tap on it brings up a
// phone's keyboard (app/browser.h).
void note_text_field();

// What a scenario changed from its preset, for a label: "Export controls
// (Chips) 90%, +2 more", or the preset's name when no lever moved.
std::string changes_summary(const tl::Scenario& s);

}  // namespace ui

// The screen's arrangement (app/layout.h).
//
// Index of this file:
//   [SECTION] Layouts and tabs
//   [SECTION] The header: title, menus, seat, preset, horizon, undo
//   [SECTION] The screen: desktop, tablet, phone
#include "app/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/panels.h"
#include "app/platform.h"
#include "app/screen_audit.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "imgui.h"
#include "imgui_internal.h"  // the open popup stack (Escape closes popups), the panels for Tab

namespace ui {

// [SECTION] Layouts and tabs

Layout layout_for(float width, float font_scale) {
    width /= std::max(0.5f, font_scale);
    if (width >= 1100) return Layout::Desktop;
    if (width >= 700) return Layout::Tablet;
    return Layout::Phone;
}
bool is_short_screen(Layout layout, float font_scale) {
    return layout != Layout::Desktop && ImGui::GetIO().DisplaySize.y < 480.0f * font_scale;
}
const char* layout_name(Layout l) { return l == Layout::Desktop ? "desktop" : l == Layout::Tablet ? "tablet" : "phone"; }

const char* tab_name(Tab t) {
    switch (t) {
        case Tab::Guide: return "Guide";
        case Tab::Levers: return "Levers";
        case Tab::Charts: return "Charts";
        case Tab::Triangle: return "Triangle";
        case Tab::Why: return "Why?";
        case Tab::Story: return "Story";
        case Tab::More: return "More";
    }
    return "";
}

std::optional<Tab> tab_named(std::string_view name) {
    for (Tab t : kTabs)
        if (name == tab_name(t)) return t;
    return std::nullopt;
}

namespace {

// A scrolling area inside a panel: the arrow keys go straight into its items
// (without it, the area itself is one item to be entered with Space).
constexpr ImGuiWindowFlags kScrollFlags = ImGuiWindowFlags_NavFlattened;

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// A fixed panel of the layout; `scroll`: it scrolls its content (with a
// scrollbar that touch can drag), otherwise its children do.
void begin_panel(const char* id, ImVec2 pos, ImVec2 size, bool scroll = true) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    // A panel that appears under an open menu (A+ switched the layout) must
    // not take the focus: that closes the menu mid-way through the sizes.
    const ImGuiWindowFlags under_menu = GImGui->OpenPopupStack.empty() ? 0 : ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::Begin(id, nullptr,
                 kPanelFlags | under_menu | (scroll ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse));
}

// [SECTION] The header: title, menus, seat, preset, horizon, undo

// Keyboard-only use: Tab and Shift+Tab move between the panels in reading
// order (the header, the levers, the charts, the side panel, the notices),
// the arrow keys between the items of one, and Space or Enter press a button
// or take hold of a slider, which the arrows then move. ImGui 1.86 tabs only
// between text fields, and its Ctrl+Tab for windows is the browser's own.
bool g_pointer_used = false;  // a click or tap has chosen a panel since the page loaded

void tab_between_panels() {
    ImGuiContext& g = *GImGui;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) g_pointer_used = true;
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab)) || g.IO.KeyCtrl || g.IO.KeyAlt) return;
    if (!g.OpenPopupStack.empty()) return;  // a menu or dialog: ImGui's own (between its text fields)
    // A slider held with Space is let go (not turned, with every slider after
    // it, into a text field one by one); text fields never get here.
    if (g.ActiveId != 0) ImGui::ClearActiveID();
    std::vector<ImGuiWindow*> panels;
    for (ImGuiWindow* w : g.Windows) {
        const ImGuiWindowFlags not_panel = ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Popup |
                                           ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_NoNavInputs;
        if (w->WasActive && !w->Hidden && !(w->Flags & not_panel) && std::strncmp(w->Name, "Debug##", 7) != 0)
            panels.push_back(w);
    }
    if (panels.empty()) return;
    ImGui::NavMoveRequestCancel();  // ImGui's tabbing request of this frame (to the next text field)
    // Reading order: rows (a few pixels apart count as one), then left to right.
    std::sort(panels.begin(), panels.end(), [](const ImGuiWindow* a, const ImGuiWindow* b) {
        const float ay = std::floor(a->Pos.y / 16), by = std::floor(b->Pos.y / 16);
        return ay != by ? ay < by : a->Pos.x < b->Pos.x;
    });
    const int n = static_cast<int>(panels.size());
    // From the panel last clicked or tabbed to; on a fresh page (where the
    // last panel to appear holds ImGui's focus) from the start, the header.
    const bool fresh = !g_pointer_used && g.NavDisableHighlight;
    const auto at = fresh ? panels.end()
                          : std::find(panels.begin(), panels.end(), g.NavWindow ? g.NavWindow->RootWindow : nullptr);
    const int step = g.IO.KeyShift ? -1 : 1;
    const int next = at == panels.end() ? (step > 0 ? 0 : n - 1) : (static_cast<int>(at - panels.begin()) + step + n) % n;
    ImGui::FocusWindow(panels[next]);
    ImGui::NavInitWindow(panels[next], true);  // its first item, with the focus ring
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
}

// Enter presses a button, opens a menu or picks an entry, as Space does:
// ImGui 1.86 gives Enter only to text input (on a slider it still types a value).
void enter_activates() {
    ImGuiContext& g = *GImGui;
    if (g.NavActivateInputId != 0 && g.NavActivateId == 0 && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))
        g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = g.NavActivateInputId;
}

void keyboard_shortcuts(app::AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    tab_between_panels();
    enter_activates();
    // Escape closes the open popups, menus and dialogs, whichever has the focus
    // (ImGui's own handling needs the popup focused for keyboard navigation).
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !GImGui->OpenPopupStack.empty())
        ImGui::ClosePopupToLevel(0, true);
    const bool mod = io.KeyCtrl || io.KeySuper;
    if (mod && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) state.redo();
        else state.undo();
    }
    if (mod && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) state.redo();
}

// A combo as wide as its widest entry, with the frame's padding and arrow.
float combo_width(float text_width) {
    return text_width + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight() + 4;
}
float combo_width(const char* widest) { return combo_width(ImGui::CalcTextSize(widest).x); }
float preset_combo_width() {
    float widest = 0;
    for (const auto& p : tl::presets()) widest = std::max(widest, ImGui::CalcTextSize(p.name.c_str()).x);
    return combo_width(widest);
}

void seat_combo(app::AppState& state, float width) {
    const tl::Scenario& s = state.scenario();
    ImGui::SetNextItemWidth(width);
    std::string label = "Seat: " + std::string(tl::kBlocShortNames[tl::idx(s.seat)]);
    if (!preview_fits(label.c_str(), width)) label = fit_preview(std::string(tl::kBlocShortNames[tl::idx(s.seat)]), width);
    if (begin_combo("Seat", "##seat", label.c_str())) {
        for (int b = 0; b < tl::kBlocCount; ++b)
            if (list_entry(std::string(tl::kBlocNames[b]).c_str(), tl::idx(s.seat) == b)) state.set_seat(tl::Bloc(b));
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) wrapped_tooltip("The bloc you play. The others follow their preset policy%s.",
                                                  s.reactions ? " and react by rules drawn from the sources" : "");
}

void preset_combo(app::AppState& state, float width) {
    const tl::Scenario& s = state.scenario();
    const tl::Preset* current = tl::find_preset(s.preset);
    ImGui::SetNextItemWidth(width);
    const std::string preview = fit_preview(current ? current->name : std::string("Preset"), width);
    if (begin_combo("Preset", "##preset", preview.c_str())) {
        for (const auto& p : tl::presets()) {
            if (list_entry(p.name.c_str(), p.id == s.preset)) state.load_preset(p.id);
            if (ImGui::IsItemHovered()) tooltip_with_source(p.description, "Sources", p.sources);
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered() && current)
        tooltip_with_source("Baseline: " + current->name + ". " + current->description, "Sources", current->sources);
}

// A combo of years from..to showing "<prefix> <value>"; returns the year
// picked this frame, or 0.
int year_combo(const char* name, const char* id, const char* prefix, int value, int from, int to, float width,
               int start_year = 0) {
    ImGui::SetNextItemWidth(width);
    char label[48];
    std::snprintf(label, sizeof label, "%s %d", prefix, value);
    int picked = 0;
    if (begin_combo(name, id, label)) {
        for (int y = from; y <= to; ++y) {
            // A horizon before the start year pulls the start back with it: said before it is picked.
            if (y < start_year) std::snprintf(label, sizeof label, "%d (start moves to %d)", y, y);
            else std::snprintf(label, sizeof label, "%d", y);
            if (list_entry(label, y == value)) picked = y;
            if (y == value && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();  // the list opens at the year chosen
        }
        ImGui::EndCombo();
    }
    return picked;
}

void horizon_slider(app::AppState& state, float width) {
    if (int y = year_combo("Horizon", "##horizon", "Horizon", state.scenario().horizon, tl::kMinHorizon,
                           tl::kMaxHorizon, width, state.scenario().start_year))
        state.set_horizon(y);
    if (ImGui::IsItemHovered()) wrapped_tooltip("The last year of the run (from the 2024 base year)");
}

// When the user's lever changes start to act: the years before are the same
// for every scenario (2024 is the calibration point).
void start_year_combo(app::AppState& state, float width) {
    if (int y = year_combo("Start year", "##start_year", "From", state.scenario().start_year, tl::kBaseYear + 1,
                           state.scenario().horizon, width))
        state.set_start_year(y);
    if (ImGui::IsItemHovered())
        wrapped_tooltip("The year your lever changes start to act; they phase in over the following years. Before "
                        "it, every scenario follows the same course.");
}

void history_buttons(app::AppState& state) {
    ImGui::BeginDisabled(!state.can_undo());
    if (ImGui::Button("Undo")) state.undo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) wrapped_tooltip("Undo (Ctrl+Z)");
    ImGui::SameLine();
    ImGui::BeginDisabled(!state.can_redo());
    if (ImGui::Button("Redo")) state.redo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) wrapped_tooltip("Redo (Ctrl+Shift+Z)");
}

// Lays out toolbar items left to right, wrapping to a new row when the next
// item would not fit.
struct Flow {
    float right;  // screen x where the row ends
    bool first = true;
    void next(float width) {
        // Decided before SameLine: a SameLine undone by NewLine would count the
        // spacing past the row's end as content (and the window as overflowing).
        if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
        first = false;
    }
};

// Popups size themselves to their content: on a phone their rows wrap at the screen's edge.
float popup_right() { return ImGui::GetIO().DisplaySize.x - ImGui::GetStyle().WindowPadding.x - 10; }

void scenario_actions(app::AppState& state, float right) {
    Flow flow{right};
    flow.next(button_width("Reset levers"));
    ImGui::BeginDisabled(state.resettable_lever_count() == 0);
    if (ImGui::Button("Reset levers")) state.reset_policies();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        wrapped_tooltip(state.guide_locks_levers()
                            ? "The levers open in this step back to the baseline (the guide's earlier steps keep theirs). Undo brings them back."
                            : "Every lever back to the baseline (assumptions stay). Undo brings them back.");
    flow.next(button_width("Replay last move"));
    ImGui::BeginDisabled(!state.replay.active && !state.can_replay());
    if (ImGui::Button(state.replay.active ? "Replaying\xE2\x80\xA6" : "Replay last move"))
        state.start_replay(platform::frame_info().time);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        wrapped_tooltip(state.replay.active || state.can_replay()
                            ? "Animate your last lever move so the room can watch the charts respond"
                            : "Move a lever first: this animates your last move so the room can watch the charts respond");
    flow.next(button_width("Pin to compare"));
    if (!state.pinned) {
        if (ImGui::Button("Pin to compare")) state.pin_current();
        if (ImGui::IsItemHovered()) wrapped_tooltip("Keep this scenario beside the one you go on to change");
    } else {
        if (ImGui::Button("Unpin")) state.unpin();
        if (ImGui::IsItemHovered()) wrapped_tooltip("Stop comparing with the pinned scenario (purple)");
    }
}

void view_options(app::App& app) {
    app::AppState& state = app.state;
    auto& st = state.settings;
    Flow flow{popup_right()};
    flow.next(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("Reactions").x);
    bool reactions = state.scenario().reactions;
    if (ImGui::Checkbox("Reactions", &reactions)) state.set_reactions(reactions);
    if (ImGui::IsItemHovered())
        wrapped_tooltip("Other blocs react: China designs out controls and retaliates; allies follow as far as their "
                          "costs are met (001:L32, 001:L114)");
    char size[32];
    std::snprintf(size, sizeof size, "Text %.0f%%", st.font_scale * 100.0f);
    flow.next(button_width("A-") + button_width("A+") + ImGui::CalcTextSize("Text 160%").x + 12);
    if (ImGui::Button("A-")) app.set_font_scale(st.font_scale - app::App::kFontScaleStep);
    if (ImGui::IsItemHovered()) wrapped_tooltip("Smaller text");
    ImGui::SameLine(0, 6);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(size);  // the size chosen, for a trainer setting up a projector
    ImGui::SameLine(0, 6);
    if (ImGui::Button("A+")) app.set_font_scale(st.font_scale + app::App::kFontScaleStep);
    if (ImGui::IsItemHovered()) wrapped_tooltip("Larger text, for a projector");
    flow.next(button_width("Light"));
    if (ImGui::Button(st.theme == app::Theme::Light ? "Dark" : "Light"))
        app.set_theme(st.theme == app::Theme::Light ? app::Theme::Dark : app::Theme::Light);
    flow.next(button_width("Introduction"));
    if (ImGui::Button("Introduction")) {
        st.intro_open = true;
        ImGui::CloseCurrentPopup();
    }
    if (ImGui::IsItemHovered()) wrapped_tooltip("The three pillars, what 50 means, and what to try first");
    flow.next(button_width("About the model"));
    if (ImGui::Button("About the model")) {
        st.about_open = true;
        ImGui::CloseCurrentPopup();
    }
    if (ImGui::IsItemHovered()) wrapped_tooltip("What the model is for, what it leaves out, how it was calibrated");
}

void view_popup(app::App& app) {
    if (begin_menu_button("View", "##view", "Text size, light or dark, reactions")) {
        view_options(app);
        ImGui::EndPopup();
    }
}

float draw_header(app::App& app, Layout layout, bool short_screen, float width) {
    app::AppState& state = app.state;
    const float font = ImGui::GetFontSize();
    const bool phone = layout == Layout::Phone;
    // A short screen: no title row, and the horizon, start year and scenario
    // actions in Options, as on a phone, so the header keeps to two rows.
    const bool compact = phone || short_screen;
    // A guide sets the seat, the baseline, the horizon and the start year (its
    // goals are measured in them): they wait until the guide is left.
    const bool guided = app.trainer.session().has_value();
    const auto set_by_guide = [guided](auto draw) {
        ImGui::BeginDisabled(guided);
        draw();
        ImGui::EndDisabled();
        if (guided && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            wrapped_tooltip("Set by the guide. Leave the guide (Trainer menu) to change it.");
    };
    float& last_height = app.ui_state.header_height;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(phone ? 10 : 20, 8));
    begin_panel("##header", ImVec2(0, 0), ImVec2(width, last_height), false);
    const float right = ImGui::GetWindowPos().x + width - (phone ? 10 : 20);

    if (!short_screen) {
        ImGui::PushFont(platform::font_heading());
        ImGui::TextUnformatted("Trilemma Lab");
        ImGui::PopFont();
        audit::name_last_item("Trilemma Lab");
        const float title_right = ImGui::GetItemRectMax().x;
        // Beside the title: the scenario's own name once it has one (given in
        // Share or the library: a participant looks for "Team Red"), else
        // what the app is for.
        const std::string name(tl::own_name(state.scenario()));
        const bool named = !name.empty();
        const float buttons = button_width("Trainer") + button_width("File") + button_width("Share") + button_width("View") + 60;
        const float room = width - (ImGui::GetCursorPosX() + ImGui::GetItemRectSize().x + buttons);
        const std::string subtitle = named ? fit_text(name, room)
                                           : "What each technology-policy mix costs in security, prosperity and partnership";
        if (!phone && (named ? room > 4 * ImGui::GetFontSize() : ImGui::CalcTextSize(subtitle.c_str()).x < room)) {
            ImGui::SameLine(0, 14);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
            if (named) ImGui::TextUnformatted(subtitle.c_str());
            else ImGui::TextDisabled("%s", subtitle.c_str());
            if (named) audit::name_last_item("scenario name");
        }
        const float menu_w = (phone ? 0.0f : button_width("Trainer") + 10) + button_width("File") + button_width("Share") +
                             button_width(phone ? "Options" : "View") + 20;
        // Right-aligned beside the title, or on a row of their own below it when
        // they would cover it (a phone at large text).
        if (title_right + ImGui::GetStyle().ItemSpacing.x + menu_w <= right) ImGui::SameLine();
        ImGui::SetCursorScreenPos(ImVec2(right - menu_w, ImGui::GetCursorScreenPos().y));
    }
    if (!compact) {
        draw_trainer_menu(app);
        ImGui::SameLine();
    }
    draw_file_menu(app);
    ImGui::SameLine();
    if (compact) {
        if (begin_menu_button("Options", "##options")) {
            // No wider than the screen: at large text 12 em ran off a phone.
            const float combo_w = std::min(font * 12, popup_right() - 2 * ImGui::GetStyle().WindowPadding.x);
            set_by_guide([&] { horizon_slider(state, combo_w); });
            set_by_guide([&] { start_year_combo(state, combo_w); });
            scenario_actions(state, popup_right());
            view_options(app);
            draw_trainer_menu(app);
            ImGui::EndPopup();
        }
    } else {
        view_popup(app);
    }

    // On a laptop or projector the combos are as wide as their entries; the
    // preset's takes what the row leaves, up to its longest name, so a name
    // shows whole wherever the row has room.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // A short screen goes on along the menus' row where the seat fits there;
    // else (a phone upright, or a narrow one at large text) the seat and the
    // preset share a row of their own.
    const float menus_end = ImGui::GetItemRectMax().x + spacing;
    const bool beside_menus = short_screen && right - menus_end >= font * 8.5f;
    Flow flow{right};
    flow.first = !beside_menus;
    const bool full_width_combos = phone && !beside_menus;
    // "Seat: Allies"; the Global South drops "Seat:". On a phone the seat
    // takes what "Global South" needs, up to half the row.
    const float seat_w = full_width_combos ? std::clamp(combo_width("Global South"), (width - 30) * 0.38f, (width - 30) * 0.5f)
                                           : font * 8.5f;
    const float horizon_w = combo_width("Horizon 2040"), start_w = combo_width("From 2040");
    // Undo and Redo, and on a compact header Reset: they wrap together.
    const float history_w = button_width("Undo") + button_width("Redo") + 10 + (compact ? button_width("Reset") + spacing : 0.0f);
    const float actions_w = button_width("Reset levers") + button_width("Replay last move") + button_width("Pin to compare") + 20;
    // (A compact header keeps the horizon, the start year and the actions in Options.)
    // (A short screen's row goes on after the menus.)
    const float row_start = beside_menus ? menus_end : ImGui::GetCursorScreenPos().x;
    const float row_room = right - row_start -
                           (seat_w + (compact ? 0.0f : horizon_w + start_w) + history_w + 5 * spacing);
    // When the scenario actions must wrap to a second row anyway, the preset takes their room.
    const float preset_room = !compact && row_room - actions_w - spacing >= font * 15 ? row_room - actions_w - spacing : row_room;
    // (A short screen's preset gives up width, its name shortened with "…",
    // so that it goes on the menus' row and the scores beside the history:
    // two rows, not three, on a phone held sideways at large text.)
    float preset_w = full_width_combos ? width - 30 - seat_w : std::min(std::max(preset_room, font * (short_screen ? 9.0f : 15.0f)), preset_combo_width());
    if (beside_menus) {
        // The rest of the menus' row: shared with the history buttons where
        // they fit there too, else the preset's.
        const float after_seat = right - (menus_end + seat_w + spacing);
        const float beside_history = after_seat - history_w - spacing;
        if (beside_history >= font * 9.0f) preset_w = std::min(beside_history, preset_combo_width());
        else if (after_seat >= font * 9.0f) preset_w = std::min(after_seat, preset_combo_width());
    }
    flow.next(seat_w);
    set_by_guide([&] { seat_combo(state, seat_w); });
    flow.next(preset_w);
    set_by_guide([&] { preset_combo(state, preset_w); });
    if (!compact) {
        flow.next(horizon_w);
        set_by_guide([&] { horizon_slider(state, horizon_w); });
        flow.next(start_w);
        set_by_guide([&] { start_year_combo(state, start_w); });
    }
    flow.next(history_w);
    history_buttons(state);
    if (compact) {
        flow.next(button_width("Reset"));
        ImGui::BeginDisabled(state.resettable_lever_count() == 0);
        if (ImGui::Button("Reset")) state.reset_policies();
        ImGui::EndDisabled();
        // A short screen keeps the scores on the history's row where they fit
        // (the levers need the height), level with the buttons' text.
        const ImVec2 reset_min = ImGui::GetItemRectMin(), reset_max = ImGui::GetItemRectMax();
        // (A pixel to spare: the strip measures its one row again.)
        const bool beside = short_screen && right - reset_max.x - 2 * spacing >= score_strip_row_width() + 1;
        if (beside) ImGui::SetCursorScreenPos(ImVec2(reset_max.x + 2 * spacing, reset_min.y + ImGui::GetStyle().FramePadding.y));
        draw_score_strip(state);
        if (beside) {
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, reset_max.y));
            ImGui::Dummy(ImVec2(0, 0));  // the row's spacing below the buttons
        }
    } else {
        flow.next(actions_w);
        scenario_actions(state, right);
        // A tablet shows the triangle only on its tab: the scores stay in view here.
        if (layout == Layout::Tablet) draw_score_strip(state);
    }
    last_height = ImGui::GetCursorPosY() + 6;
    ImGui::End();
    ImGui::PopStyleVar(2);
    return last_height;
}

// The step's goal in brief, for the Guide tab's label and the lever list:
// "1/2" conditions met, or "met ✓"; empty when no guide step with a goal runs.
GuideStepNote guide_step_note(app::App& app) {
    GuideStepNote note;
    const auto& g = app.trainer.session();
    if (g) note.step = g->finished ? -2 : g->step;
    if (!g || g->finished || g->status.conditions.empty()) return note;
    note.met = g->status.met;
    note.progress = g->status.met ? "met \xE2\x9C\x93"
                                  : std::to_string(g->status.conditions_met) + "/" + std::to_string(g->status.conditions.size());
    for (const auto& c : g->status.conditions) note.conditions.push_back((c.met ? "\xE2\x9C\x93 " : "\xE2\x97\x8F ") + c.short_text);
    return note;
}

void levers_and_assumptions(app::App& app, bool hint = true) {
    app::AppState& state = app.state;
    const float tabs_top = ImGui::GetCursorPosY();
    if (ImGui::BeginTabBar("##left")) {
        if (ImGui::BeginTabItem("Levers")) {
            const float list_top = ImGui::GetCursorPosY();
            ImGui::BeginChild("##levers_scroll", ImVec2(0, 0), false, kScrollFlags);
            const LeverListView view = draw_levers(state, app.ui_state, hint, guide_step_note(app));
            ImGui::EndChild();
            app.ui_state.lever_list_visible = view.visible;
            app.ui_state.open_levers_need = view.open_rows_end > 0 ? list_top - tabs_top + view.open_rows_end : 0;
            app.ui_state.open_levers_step = app.trainer.session() ? app.trainer.session()->step : -1;
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Assumptions")) {
            ImGui::BeginChild("##assumptions_scroll", ImVec2(0, 0), false, kScrollFlags);
            draw_assumptions(state, app.ui_state.assumption_filter);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void titled(const char* title) {
    ImGui::PushFont(platform::font_bold());
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

}  // namespace

// [SECTION] The screen: desktop, tablet, phone

void draw_app(app::App& app) {
    app::AppState& state = app.state;
    app::Trainer& trainer = app.trainer;
    keyboard_shortcuts(state);
    app.ui_state.lever_rects.clear();
    app.ui_state.lever_list_visible = ImVec4();
    const platform::FrameInfo& f = platform::frame_info();
    theme::fit_targets(f.touch);
    const Layout layout = layout_for(f.width, state.settings.font_scale);
    if (trainer.session() && trainer.session()->presenter) {
        draw_presenter(app);
        draw_notices(app, f.width, /*presenting=*/true);
        return;
    }
    const bool short_screen = is_short_screen(layout, state.settings.font_scale);
    const float top = draw_header(app, layout, short_screen, f.width);
    draw_intro(state);
    draw_about(state);
    draw_share_dialog(app);
    draw_scenario_library(app);
    draw_guide_library(app);
    draw_room_window(app);
    const bool guiding = trainer.session().has_value();
    const bool guide_started = guiding && !app.ui_state.guide_shown;
    app.ui_state.guide_shown = guiding;
    const float gap = 10.0f;
    const float h = f.height - top - gap;

    if (layout == Layout::Desktop) {
        // Side panels widen with the text size (projectors), within limits.
        const float fs = state.settings.font_scale;
        // A guide's column holds its goal above the levers: a little wider on
        // a laptop, so that the goal and its status wrap into fewer lines.
        const float left_share = guiding ? 0.30f : 0.27f;
        float left_w = std::min(std::clamp(f.width * left_share, 330.0f * fs, 430.0f * fs), f.width * 0.36f);
        float right_w = std::min(std::clamp(f.width * 0.28f, 340.0f * fs, 460.0f * fs), f.width * 0.34f);
        float mid_w = f.width - left_w - right_w - gap * 4;
        begin_panel("##left_panel", ImVec2(gap, top + gap * 0.5f), ImVec2(left_w, h), false);
        if (guiding) {
            // As tall as the step's goal and briefing, so a laptop shows the
            // briefing without scrolling; the levers keep at least half of the
            // column. Measured over the step's first frames, then held.
            auto& fit = app.ui_state.guide_box;
            const auto& session = *app.trainer.session();
            const int step = session.finished ? -2 : session.step;
            if (fit.step != step || fit.width != left_w || fit.font_scale != fs) fit = {step, left_w, fs, fit.height, 0};
            // It gives up height, down to 35% of the column, where the step's
            // open levers would not all show below it (measured last frame).
            const ImGuiStyle& style = ImGui::GetStyle();
            const float need = app.ui_state.open_levers_step == session.step ? app.ui_state.open_levers_need : 0.0f;
            const float levers_room = h - 2 * style.WindowPadding.y - style.ItemSpacing.y - need;
            const float tallest = std::max(h * 0.35f, std::min(h * 0.5f, levers_room));
            ImGui::BeginChild("##guide", ImVec2(0, std::clamp(fit.height, h * 0.35f, tallest)), true, kScrollFlags);
            draw_guide_panel(app, false);
            if (fit.measured < 3) {
                fit.height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
                ++fit.measured;
            }
            ImGui::EndChild();
        }
        levers_and_assumptions(app, !guiding);  // a guide says what to do: its open levers get the line
        ImGui::End();
        begin_panel("##charts_panel", ImVec2(gap * 2 + left_w, top + gap * 0.5f), ImVec2(mid_w, h));
        draw_charts(state, mid_w > 760 ? 2 : 1);
        ImGui::End();
        begin_panel("##right_panel", ImVec2(gap * 3 + left_w + mid_w, top + gap * 0.5f), ImVec2(right_w, h));
        titled("The trade-off");
        draw_triangle(state, app.ui_state.trail, ImGui::GetContentRegionAvail().x);
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("The story", ImGuiTreeNodeFlags_DefaultOpen)) draw_story(state);
        if (ImGui::CollapsingHeader("Why did it move?", ImGuiTreeNodeFlags_DefaultOpen)) draw_why(state);
        if (ImGui::CollapsingHeader("Sector \xC3\x97 bloc", ImGuiTreeNodeFlags_DefaultOpen)) draw_matrix(state);
        ImGui::End();
        draw_notices(app, f.width);
        return;
    }

    Tab& tab = app.ui_state.tab;
    // Levers are always visible on a tablet; a guide's briefing comes first
    // when one runs (A+ during a guide moves a laptop to this layout).
    if (layout == Layout::Tablet && tab == Tab::Levers) tab = guiding ? Tab::Guide : Tab::Charts;
    if (tab == Tab::Guide && !guiding) tab = layout == Layout::Tablet ? Tab::Charts : Tab::Levers;
    // A guide just started (from the Trainer menu, a link, a file): show its
    // briefing and goal, not the tab that was open.
    if (guide_started) tab = Tab::Guide;
    float content_x = gap, content_w = f.width - gap * 2;
    if (layout == Layout::Tablet) {
        float left_w = std::clamp(f.width * 0.4f, 300.0f, 420.0f);
        begin_panel("##left_panel", ImVec2(gap, top + gap * 0.5f), ImVec2(left_w, h), false);
        levers_and_assumptions(app, !short_screen);
        ImGui::End();
        content_x = gap * 2 + left_w;
        content_w = f.width - content_x - gap;
    }
    // A short screen's panel pads less above and below: the first slider needs the height.
    if (short_screen) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 6.0f));
    begin_panel("##tabs_panel", ImVec2(content_x, top + gap * 0.5f), ImVec2(content_w, h), false);
    if (short_screen) ImGui::PopStyleVar();
    // The tabs are buttons that wrap to a second row when they do not fit (a
    // phone at large text), rather than an ImGui tab bar that scrolls them away.
    const GuideStepNote guide_note = guide_step_note(app);  // the Guide tab's label and the Levers tab
    {
        Flow flow{ImGui::GetWindowPos().x + content_w - ImGui::GetStyle().WindowPadding.x};
        if (layout == Layout::Phone) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, ImGui::GetStyle().FramePadding.y));
        for (Tab t : kTabs) {
            if (layout == Layout::Tablet && t == Tab::Levers) continue;
            if (t == Tab::Guide && !guiding) continue;
            // The Guide tab carries the step's goal ("Guide 1/2", "Guide ✓"):
            // a participant on the levers sees when it is met.
            std::string shown = tab_name(t);
            if (t == Tab::Guide && !guide_note.progress.empty()) shown += guide_note.met ? " \xE2\x9C\x93" : " " + guide_note.progress;
            const std::string label = shown + "###" + tab_name(t);
            flow.next(button_width(label.c_str()));
            const bool selected = tab == t;
            if (selected) {
                ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_HeaderActive));
                ImGui::PushStyleColor(ImGuiCol_Text, theme::ink().accent);
            }
            if (ImGui::Button(label.c_str())) tab = t;
            audit::name_last_item(tab_name(t), shown.c_str());
            if (selected) ImGui::PopStyleColor(2);
        }
        if (layout == Layout::Phone) ImGui::PopStyleVar();
    }
    // One scrolling child per tab: each keeps its own place, and a tab opens
    // at its top the first time (not scrolled to where the last tab was).
    ImGui::PushID(static_cast<int>(tab));
    ImGui::BeginChild("##tab_scroll", ImVec2(0, 0), false, kScrollFlags);
    switch (tab) {
        case Tab::Guide: draw_guide_panel(app, false); break;
        case Tab::Levers:
            // A short screen drops the hint: the seat and the preset are in the header.
            app.ui_state.lever_list_visible = draw_levers(state, app.ui_state, !short_screen, guide_note).visible;
            break;
        case Tab::Charts: draw_charts(state, content_w > 900 ? 2 : 1); break;
        case Tab::Triangle:
            // Fitted to the panel's height, so the legend and what is
            // reachable stay in view on a tablet and at a projector's text size.
            draw_triangle(state, app.ui_state.trail,
                          triangle_size_to_fit(std::min(ImGui::GetContentRegionAvail().x, 560.0f),
                                               ImGui::GetContentRegionAvail().y));
            break;
        case Tab::Why: draw_why(state); break;
        case Tab::Story: draw_story(state); break;
        case Tab::More:
            if (ImGui::CollapsingHeader("Sector \xC3\x97 bloc", ImGuiTreeNodeFlags_DefaultOpen)) draw_matrix(state);
            if (layout == Layout::Phone && ImGui::CollapsingHeader("Assumptions")) draw_assumptions(state, app.ui_state.assumption_filter);
            break;
    }
    ImGui::EndChild();
    ImGui::PopID();
    ImGui::End();
    draw_notices(app, f.width);
}

}  // namespace ui

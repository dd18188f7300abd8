#include "app/layout.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/panels.h"
#include "app/platform.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

Layout layout_for(float width, float height, float font_scale) {
    (void)height;
    width /= std::max(0.5f, font_scale);
    if (width >= 1100) return Layout::Desktop;
    if (width >= 700) return Layout::Tablet;
    return Layout::Phone;
}
const char* layout_name(Layout l) { return l == Layout::Desktop ? "desktop" : l == Layout::Tablet ? "tablet" : "phone"; }

Tab& current_tab() {
    static Tab tab = Tab::Levers;
    return tab;
}
bool& force_tab() {
    static bool force = false;
    return force;
}
void select_tab(Tab t) {
    current_tab() = t;
    force_tab() = true;
}
const char* tab_name(Tab t) {
    switch (t) {
        case Tab::Guide: return "Guide";
        case Tab::Levers: return "Levers";
        case Tab::Charts: return "Charts";
        case Tab::Triangle: return "Triangle";
        case Tab::Why: return "Why?";
        case Tab::More: return "More";
    }
    return "";
}

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// A fixed panel of the layout; `scroll`: it scrolls its content (with a
// scrollbar that touch can drag), otherwise its children do.
void begin_panel(const char* id, ImVec2 pos, ImVec2 size, bool scroll = true) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(id, nullptr, kPanelFlags | (scroll ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse));
}

void keyboard_shortcuts(app::AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const bool mod = io.KeyCtrl || io.KeySuper;
    if (mod && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) state.redo();
        else state.undo();
    }
    if (mod && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) state.redo();
}

void seat_combo(app::AppState& state, float width) {
    const tl::Scenario& s = state.scenario();
    ImGui::SetNextItemWidth(width);
    std::string label = "Seat: " + std::string(tl::kBlocShortNames[tl::idx(s.seat)]);
    if (ImGui::BeginCombo("##seat", label.c_str())) {
        for (int b = 0; b < tl::kBlocCount; ++b)
            if (ImGui::Selectable(std::string(tl::kBlocNames[b]).c_str(), tl::idx(s.seat) == b)) state.set_seat(tl::Bloc(b));
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The bloc you play. The others follow their preset policy%s.",
                                                  s.reactions ? " and react by rules drawn from the sources" : "");
}

void preset_combo(app::AppState& state, float width) {
    const tl::Scenario& s = state.scenario();
    const tl::Preset* current = tl::find_preset(s.preset);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##preset", current ? current->name.c_str() : "Preset")) {
        for (const auto& p : tl::presets()) {
            if (ImGui::Selectable(p.name.c_str(), p.id == s.preset)) state.load_preset(p.id);
            if (ImGui::IsItemHovered()) tooltip_with_source(p.description, "Sources", p.sources);
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered() && current)
        tooltip_with_source("Baseline: " + current->name + ". " + current->description, "Sources", current->sources);
}

void horizon_slider(app::AppState& state, float width) {
    const int h = state.scenario().horizon;
    ImGui::SetNextItemWidth(width);
    char label[32];
    std::snprintf(label, sizeof label, "Horizon %d", h);
    if (ImGui::BeginCombo("##horizon", label)) {
        for (int y = tl::kMinHorizon; y <= tl::kMaxHorizon; ++y) {
            std::snprintf(label, sizeof label, "%d", y);
            if (ImGui::Selectable(label, y == h)) state.set_horizon(y);
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The last year of the run (from the 2024 base year)");
}

void history_buttons(app::AppState& state) {
    ImGui::BeginDisabled(!state.can_undo());
    if (ImGui::Button("Undo")) state.undo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Undo (Ctrl+Z)");
    ImGui::SameLine();
    ImGui::BeginDisabled(!state.can_redo());
    if (ImGui::Button("Redo")) state.redo();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Redo (Ctrl+Shift+Z)");
}

void scenario_actions(app::AppState& state) {
    ImGui::BeginDisabled(state.changed_lever_count() == 0);
    if (ImGui::Button("Reset levers")) state.reset_policies();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Every lever back to the baseline (assumptions stay). Undo brings them back.");
    ImGui::SameLine();
    if (ImGui::Button(state.replay.active ? "Replaying\xE2\x80\xA6" : "Replay last move"))
        state.start_replay(platform::frame_info().time);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Animate your last lever move so the room can watch the charts respond");
    ImGui::SameLine();
    if (!state.pinned) {
        if (ImGui::Button("Pin to compare")) state.pin_current();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keep this scenario beside the one you go on to change");
    } else {
        if (ImGui::Button("Unpin")) state.unpin();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stop comparing with the pinned scenario (purple)");
    }
}

void view_options(app::AppState& state) {
    auto& st = state.settings;
    bool reactions = state.scenario().reactions;
    if (ImGui::Checkbox("Reactions", &reactions)) state.set_reactions(reactions);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Other blocs react: China designs out controls and retaliates; allies follow as far as their "
                          "costs are met (001:L32, 001:L114)");
    ImGui::SameLine();
    if (ImGui::Button("A-")) platform::set_font_scale(st.font_scale = std::max(0.8f, st.font_scale - 0.15f));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Smaller text");
    ImGui::SameLine(0, 2);
    if (ImGui::Button("A+")) platform::set_font_scale(st.font_scale = std::min(2.0f, st.font_scale + 0.15f));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Larger text, for a projector");
    ImGui::SameLine();
    if (ImGui::Button(st.theme == app::Theme::Light ? "Dark" : "Light")) {
        st.theme = st.theme == app::Theme::Light ? app::Theme::Dark : app::Theme::Light;
        if (st.theme == app::Theme::Light) theme::apply_light(), platform::set_clear_color(theme::kBackground);
        else theme::apply_dark(), platform::set_clear_color(theme::kBackgroundDark);
    }
}

// Lays out toolbar items left to right, wrapping to a new row when the next
// item would not fit.
struct Flow {
    float right;  // screen x where the row ends
    bool first = true;
    void next(float width) {
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        first = false;
    }
};

float button_width(const char* label) {
    return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
}

void view_popup(app::AppState& state) {
    if (ImGui::Button("View")) ImGui::OpenPopup("##view");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Text size, light or dark, reactions");
    if (ImGui::BeginPopup("##view")) {
        view_options(state);
        ImGui::EndPopup();
    }
}

float draw_header(app::AppState& state, app::Sharing& sharing, app::Trainer& trainer, Layout layout, float width) {
    const float font = ImGui::GetFontSize();
    const bool phone = layout == Layout::Phone;
    static float last_height = 120.0f;  // the toolbar wraps; size the window to last frame's content
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(phone ? 10 : 20, 8));
    begin_panel("##header", ImVec2(0, 0), ImVec2(width, last_height), false);
    const float right = ImGui::GetWindowPos().x + width - (phone ? 10 : 20);

    ImGui::PushFont(platform::font_heading());
    ImGui::TextUnformatted("Trilemma Lab");
    ImGui::PopFont();
    const char* subtitle = "What each technology-policy mix costs in security, prosperity and partnership";
    const float buttons = button_width("Trainer") + button_width("File") + button_width("Share") + button_width("View") + 60;
    if (!phone && ImGui::GetCursorPosX() + ImGui::CalcTextSize("Trilemma Lab").x * 0 + ImGui::CalcTextSize(subtitle).x +
                          ImGui::GetItemRectSize().x + buttons < width) {
        ImGui::SameLine(0, 14);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
        ImGui::TextDisabled("%s", subtitle);
    }
    ImGui::SameLine();
    const float menu_w = (phone ? 0.0f : button_width("Trainer") + 10) + button_width("File") + button_width("Share") +
                         button_width(phone ? "Options" : "View") + 20;
    ImGui::SetCursorScreenPos(ImVec2(right - menu_w, ImGui::GetCursorScreenPos().y));
    if (!phone) {
        draw_trainer_menu(trainer);
        ImGui::SameLine();
    }
    draw_file_menu(sharing, state);
    ImGui::SameLine();
    if (phone) {
        if (ImGui::Button("Options")) ImGui::OpenPopup("##options");
        if (ImGui::BeginPopup("##options")) {
            horizon_slider(state, font * 12);
            scenario_actions(state);
            view_options(state);
            draw_trainer_menu(trainer);
            ImGui::EndPopup();
        }
    } else {
        view_popup(state);
    }

    Flow flow{right};
    flow.next(font * 8.5f);
    seat_combo(state, phone ? (width - 30) * 0.38f : font * 8.5f);
    flow.next(phone ? (width - 30) * 0.62f : font * 15);
    preset_combo(state, phone ? (width - 30) * 0.62f : font * 15);
    if (!phone) {
        flow.next(font * 9);
        horizon_slider(state, font * 9);
    }
    flow.next(button_width("Undo") + button_width("Redo") + 10);
    history_buttons(state);
    if (phone) {
        ImGui::SameLine();
        ImGui::BeginDisabled(state.changed_lever_count() == 0);
        if (ImGui::Button("Reset")) state.reset_policies();
        ImGui::EndDisabled();
        draw_score_strip(state);
    } else {
        flow.next(button_width("Reset levers") + button_width("Replay last move") + button_width("Pin to compare") + 20);
        scenario_actions(state);
    }
    last_height = ImGui::GetCursorPosY() + 6;
    ImGui::End();
    ImGui::PopStyleVar(2);
    return last_height;
}

void levers_and_assumptions(app::AppState& state) {
    if (ImGui::BeginTabBar("##left")) {
        if (ImGui::BeginTabItem("Levers")) {
            ImGui::BeginChild("##levers_scroll");
            draw_levers(state);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Assumptions")) {
            ImGui::BeginChild("##assumptions_scroll");
            draw_assumptions(state);
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

void draw_app(app::AppState& state, app::Sharing& sharing, app::Trainer& trainer) {
    keyboard_shortcuts(state);
    lever_rects().clear();
    const platform::FrameInfo& f = platform::frame_info();
    const Layout layout = layout_for(f.width, f.height, state.settings.font_scale);
    if (trainer.session() && trainer.session()->presenter) {
        draw_presenter(trainer, state);
        draw_notices(sharing, 0, f.width);
        return;
    }
    const float top = draw_header(state, sharing, trainer, layout, f.width);
    draw_share_dialog(sharing, state);
    draw_scenario_library(sharing, state);
    draw_guide_library(trainer);
    draw_room_window(trainer, state);
    const bool guiding = trainer.session().has_value();
    const float gap = 10.0f;
    const float h = f.height - top - gap;

    if (layout == Layout::Desktop) {
        // Side panels widen with the text size (projectors), within limits.
        const float fs = state.settings.font_scale;
        float left_w = std::min(std::clamp(f.width * 0.27f, 330.0f * fs, 430.0f * fs), f.width * 0.36f);
        float right_w = std::min(std::clamp(f.width * 0.28f, 340.0f * fs, 460.0f * fs), f.width * 0.34f);
        float mid_w = f.width - left_w - right_w - gap * 4;
        begin_panel("##left_panel", ImVec2(gap, top + gap * 0.5f), ImVec2(left_w, h), false);
        if (guiding) {
            ImGui::BeginChild("##guide", ImVec2(0, h * 0.45f), true);
            draw_guide_panel(trainer, state, false);
            ImGui::EndChild();
        }
        levers_and_assumptions(state);
        ImGui::End();
        begin_panel("##charts_panel", ImVec2(gap * 2 + left_w, top + gap * 0.5f), ImVec2(mid_w, h));
        draw_charts(state, mid_w > 760 ? 2 : 1);
        ImGui::End();
        begin_panel("##right_panel", ImVec2(gap * 3 + left_w + mid_w, top + gap * 0.5f), ImVec2(right_w, h));
        titled("The trade-off");
        draw_triangle(state, right_w - 30);
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("Why did it move?", ImGuiTreeNodeFlags_DefaultOpen)) draw_why(state);
        if (ImGui::CollapsingHeader("Sector \xC3\x97 bloc", ImGuiTreeNodeFlags_DefaultOpen)) draw_matrix(state);
        ImGui::End();
        draw_notices(sharing, top, f.width);
        return;
    }

    Tab& tab = current_tab();
    if (layout == Layout::Tablet && tab == Tab::Levers) tab = Tab::Charts;  // levers are always visible on a tablet
    if (tab == Tab::Guide && !guiding) tab = layout == Layout::Tablet ? Tab::Charts : Tab::Levers;
    float content_x = gap, content_w = f.width - gap * 2;
    if (layout == Layout::Tablet) {
        float left_w = std::clamp(f.width * 0.4f, 300.0f, 420.0f);
        begin_panel("##left_panel", ImVec2(gap, top + gap * 0.5f), ImVec2(left_w, h), false);
        levers_and_assumptions(state);
        ImGui::End();
        content_x = gap * 2 + left_w;
        content_w = f.width - content_x - gap;
    }
    begin_panel("##tabs_panel", ImVec2(content_x, top + gap * 0.5f), ImVec2(content_w, h), false);
    if (layout == Layout::Phone) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6, 6));
    const bool tabs = ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll);
    if (layout == Layout::Phone) ImGui::PopStyleVar();
    if (tabs) {
        const bool forced = force_tab();
        for (Tab t : {Tab::Guide, Tab::Levers, Tab::Charts, Tab::Triangle, Tab::Why, Tab::More}) {
            if (layout == Layout::Tablet && t == Tab::Levers) continue;
            if (t == Tab::Guide && !guiding) continue;
            ImGuiTabItemFlags flags = forced && tab == t ? ImGuiTabItemFlags_SetSelected : 0;
            if (!ImGui::BeginTabItem(tab_name(t), nullptr, flags)) continue;
            if (!forced) tab = t;
            ImGui::BeginChild("##tab_scroll");
            switch (t) {
                case Tab::Guide: draw_guide_panel(trainer, state, false); break;
                case Tab::Levers: draw_levers(state); break;
                case Tab::Charts: draw_charts(state, content_w > 900 ? 2 : 1); break;
                case Tab::Triangle: draw_triangle(state, std::min(content_w - 20, 560.0f)); break;
                case Tab::Why: draw_why(state); break;
                case Tab::More:
                    if (ImGui::CollapsingHeader("Sector \xC3\x97 bloc", ImGuiTreeNodeFlags_DefaultOpen)) draw_matrix(state);
                    if (layout == Layout::Phone && ImGui::CollapsingHeader("Assumptions")) draw_assumptions(state);
                    break;
            }
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        force_tab() = false;
        ImGui::EndTabBar();
    }
    ImGui::End();
    draw_notices(sharing, top, f.width);
}

}  // namespace ui

#include "app/ui_common.h"

#include <algorithm>
#include <cfloat>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "app/browser.h"
#include "app/platform.h"
#include "app/screen_audit.h"
#include "app/theme.h"
#include "imgui_internal.h"  // the keyboard focus: its ring and where its tooltip goes

namespace ui {

ImU32 pillar_color(tl::Pillar p, float alpha) {
    ImU32 c = theme::ink().pillar[static_cast<int>(p)];
    return (c & 0x00FFFFFF) | (static_cast<ImU32>(alpha * 255.0f) << 24);
}

ImU32 compare_color() { return theme::ink().compare; }

ImU32 baseline_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }

std::string lever_value_text(const tl::LeverDef& d, double v) { return tl::format_lever_value(d, v); }

void section_heading(const char* text, ImU32 color) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFontSize();
    dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + 4, p.y + h), color, 2.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

float tooltip_wrap_width() {
    return std::min(ImGui::GetFontSize() * 26.0f, ImGui::GetIO().DisplaySize.x - 40.0f);
}

namespace {
std::string unbreakable_numbers(std::string_view text) {
    // ImGui wraps after any '.', so "23.8%" could end a line at "23."; a
    // decimal point between digits is drawn as U+2024 ONE DOT LEADER, the
    // same dot in the UI font, which ImGui does not break after.
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
        if (text[i] == '.' && i > 0 && digit(i - 1) && digit(i + 1)) out += "\xE2\x80\xA4";
        else out += text[i];
    }
    return out;
}
}  // namespace

void text_wrapped_whole_numbers(std::string_view text) {
    const std::string shown = unbreakable_numbers(text);
    ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
}

namespace {
bool keyboard_navigating() {
    const ImGuiContext& g = *GImGui;
    return g.NavDisableMouseHover && !g.NavDisableHighlight;
}
}  // namespace

void keyboard_ring_on_last_item() {
    if (keyboard_navigating())
        ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID());
}

void place_tooltip_beside_focus() {
    if (!keyboard_navigating()) return;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float w = tooltip_wrap_width() + ImGui::GetStyle().WindowPadding.x * 2, gap = 8;
    const float display_w = ImGui::GetIO().DisplaySize.x;
    if (max.x + gap + w <= display_w) ImGui::SetNextWindowPos(ImVec2(max.x + gap, min.y));
    else if (min.x - gap - w >= 0) ImGui::SetNextWindowPos(ImVec2(min.x - gap, min.y), ImGuiCond_Always, ImVec2(1, 0));
    // else: no side has room (a phone); ImGui's own place, below the item
}

void wrapped_tooltip(const char* fmt, ...) {
    char buf[2048];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    place_tooltip_beside_focus();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(tooltip_wrap_width());
    text_wrapped_whole_numbers(buf);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void tooltip_with_source(const std::string& text, const char* label, const std::string& source) {
    place_tooltip_beside_focus();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(tooltip_wrap_width());
    text_wrapped_whole_numbers(text);
    if (!source.empty()) ImGui::TextDisabled("%s: %s", label, source.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void help_marker(const char* text) {
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(tooltip_wrap_width());
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void wrapped_text(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    text_wrapped_whole_numbers(text);
    ImGui::PopTextWrapPos();
}

void muted_wrapped_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    wrapped_text(text);
    ImGui::PopStyleColor();
}

const char* pillar_abbreviation(tl::Pillar p) {
    return p == tl::Pillar::Protect ? "Prot." : p == tl::Pillar::Promote ? "Prom." : "Part.";
}

bool fits_on_line(float width, float spacing) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
    return ImGui::GetItemRectMax().x + gap + width <= right;
}

void same_line_if_fits(float width, float spacing) {
    if (fits_on_line(width, spacing)) ImGui::SameLine(0, spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing);
}

ImVec2 dialog_size(float width_em, float height_em) {
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    const float em = ImGui::GetFontSize();
    return ImVec2(std::min(em * width_em, screen.x - 20), height_em > 0 ? std::min(em * height_em, screen.y - 40) : 0.0f);
}

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

void same_line_if_button_fits(const char* label, float extra) { same_line_if_fits(button_width(label) + extra); }

void note_text_field() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    browser::note_text_field(min.x, min.y, max.x, max.y);
}

bool small_button(const char* label) {
    return platform::frame_info().touch ? ImGui::Button(label) : ImGui::SmallButton(label);
}

bool list_entry(const char* label, bool selected) {
    const ImVec2 size(0, theme::list_entry_height(platform::frame_info().touch));
    // A popup as wide as its longest entry runs off a phone at large text
    // (ImGui moves a popup left until it fits, but not past the screen's
    // edge): an entry wider than the screen is shortened, whole in its tooltip.
    // (The window's own padding: a combo's popup pads less than a window; a
    // scrollbar's width when the list scrolls.)
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float room = ImGui::GetIO().DisplaySize.x - 2 * style.DisplaySafeAreaPadding.x - window->WindowPadding.x -
                       ImGui::GetCursorPosX() - (window->ScrollbarY ? style.ScrollbarSize : 0.0f);
    bool chosen = false;
    if (std::strstr(label, "##") || ImGui::CalcTextSize(label).x <= room) {
        chosen = ImGui::Selectable(label, selected, 0, size);
    } else {
        chosen = ImGui::Selectable((fit_text(label, room) + "###" + label).c_str(), selected, 0, size);
        if (ImGui::IsItemHovered()) wrapped_tooltip("%s", label);
    }
    // A long list opens with its current entry in the middle, not at its
    // top (the pillar scores sit in the middle of 25 indicators). Again on
    // the next frame: a popup's first frame is hidden and has no height yet,
    // so the entry would sit at the top with the entries before it unseen.
    static ImGuiID centre_again = 0;
    if (selected && ImGui::IsWindowAppearing()) {
        ImGui::SetScrollHereY(0.5f);
        ImGui::SetItemDefaultFocus();
        centre_again = window->ID;
    } else if (selected && centre_again == window->ID) {
        ImGui::SetScrollHereY(0.5f);
        centre_again = 0;
    }
    return chosen;
}

ImGuiTreeNodeFlags tree_node_touch_flags() {
    return platform::frame_info().touch ? ImGuiTreeNodeFlags_FramePadding : ImGuiTreeNodeFlags_None;
}

bool begin_menu_button(const char* label, const char* popup_id, const char* tooltip) {
    if (ImGui::Button(label)) ImGui::OpenPopup(popup_id);
    if (tooltip && ImGui::IsItemHovered()) wrapped_tooltip("%s", tooltip);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float screen = ImGui::GetIO().DisplaySize.x, margin = 4.0f;
    // A narrow screen (a phone, or large text) opens a menu from its left
    // edge, as wide as the screen at most: one hung from a button on the
    // right ran off the left edge at large text.
    const bool narrow = screen < 30 * ImGui::GetFontSize();
    const bool right_half = !narrow && (min.x + max.x) * 0.5f > screen * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(narrow ? margin : right_half ? max.x : min.x, max.y + 2), ImGuiCond_Appearing,
                            ImVec2(right_half ? 1.0f : 0.0f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(screen - 2 * margin, FLT_MAX));
    // A finger's drag on the menu must not carry it off the screen.
    return ImGui::BeginPopup(popup_id, ImGuiWindowFlags_NoMove);
}

std::string changes_summary(const tl::Scenario& s) {
    const tl::Scenario base = tl::baseline_of(s);
    const tl::Preset* preset = tl::find_preset(s.preset);
    std::string first;
    int changed = 0;
    for (int b = 0; b < tl::kBlocCount; ++b)
        for (int slot = 0; slot < tl::kSlotCount; ++slot) {
            if (s.policy[b][slot] == base.policy[b][slot]) continue;
            if (changed++ > 0) continue;
            const tl::SlotInfo info = tl::slot_info(slot);
            const tl::LeverDef& d = tl::lever_def(info.lever);
            first = (b == tl::idx(s.seat) ? "" : std::string(tl::kBlocShortNames[b]) + " ") + d.name +
                    (info.sector >= 0 ? " (" + std::string(tl::kSectorShortNames[info.sector]) + ")" : "") + " " +
                    lever_value_text(d, s.policy[b][slot]);
        }
    if (changed == 0) return preset ? preset->name : s.preset;
    return changed == 1 ? first : first + ", +" + std::to_string(changed - 1) + " more";
}

namespace {
float preview_room(float combo_width) {
    return combo_width - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x;
}
}  // namespace

bool preview_fits(const char* text, float combo_width) {
    return ImGui::CalcTextSize(text).x <= preview_room(combo_width);
}

std::string fit_preview(const std::string& text, float combo_width) {
    return fit_text(text, preview_room(combo_width));
}

std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float room = width - ImGui::CalcTextSize("\xE2\x80\xA6").x;
    std::string shown = text;
    while (!shown.empty() && ImGui::CalcTextSize(shown.c_str()).x > room) {
        // One whole UTF-8 character: its continuation bytes, then its first byte.
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
        if (!shown.empty()) shown.pop_back();
    }
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    return shown + "\xE2\x80\xA6";
}

bool begin_combo(const char* name, const char* id, const char* preview, ImGuiComboFlags flags) {
    // Eight entries in view, as ImGui's default shows eight text lines, when
    // the entries are finger-tall.
    const float entry = theme::list_entry_height(platform::frame_info().touch);
    if (entry > 0)
        ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::CalcItemWidth(), 0.0f),
                                            ImVec2(FLT_MAX, 8 * theme::kFingerTarget + ImGui::GetStyle().WindowPadding.y * 2));
    const bool open = ImGui::BeginCombo(id, preview, flags);
    const ImGuiStyle& style = ImGui::GetStyle();
    audit::name_last_item(name, preview, ImGui::GetFrameHeight() + style.FramePadding.x);
    return open;
}

void draw_slider_value(ImVec2 a, ImVec2 b, float t, const std::string& text, ImU32 color) {
    const float grab = ImGui::GetStyle().GrabMinSize, grab_pad = 2.0f;  // as app/theme.cpp sets them
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float grab_x = a.x + grab_pad + t * (b.x - a.x - 2 * grab_pad - grab);  // the grab's left edge
    float x = (a.x + b.x - size.x) * 0.5f;
    const float gap = 4.0f;
    if (x < grab_x + grab + gap && x + size.x > grab_x - gap) {
        const bool right_side = (b.x - (grab_x + grab)) > (grab_x - a.x);
        x = right_side ? grab_x + grab + gap + std::max(0.0f, (b.x - grab_x - grab - gap - size.x) * 0.5f)
                       : grab_x - gap - size.x - std::max(0.0f, (grab_x - gap - a.x - size.x) * 0.5f);
    }
    ImGui::GetWindowDrawList()->AddText(ImVec2(x, (a.y + b.y - size.y) * 0.5f), color, text.c_str());
}

}  // namespace ui

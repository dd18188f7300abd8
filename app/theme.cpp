#include "app/theme.h"

#include <algorithm>
#include <cmath>

namespace theme {

namespace {
Ink current_ink;
ImVec4 current_text, current_muted, current_panel, current_frame, current_accent;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
}
// The colours of one theme; apply_colors() maps them onto ImGui's slots, so
// the light and dark themes differ only in these values.
struct Palette {
    ImVec4 text, muted, background, panel, border, frame, frame_hover, frame_active;
    ImVec4 accent, accent_active, accent_soft, accent_mid, accent_strong;
    ImVec4 scroll, scroll_hover, scroll_active, table_light, row_alt, highlight;
    Ink ink;
};

const ImVec2 kFramePadding(10, 6);

void apply_sizes() {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();

    s.WindowPadding = ImVec2(18, 16);
    s.FramePadding = kFramePadding;
    s.CellPadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(10, 9);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.IndentSpacing = 20;
    s.ScrollbarSize = 12;
    s.GrabMinSize = 9;  // thin grabs leave the value in the slider readable

    s.WindowBorderSize = 1;
    s.ChildBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 1;
    s.TabBorderSize = 0;

    s.WindowRounding = 10;
    s.ChildRounding = 8;
    s.FrameRounding = 7;
    s.PopupRounding = 8;
    s.ScrollbarRounding = 8;
    s.GrabRounding = 7;
    s.TabRounding = 7;
    s.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    s.SelectableTextAlign = ImVec2(0.0f, 0.5f);  // entries made finger-tall keep their text centred
    s.WindowMenuButtonPosition = ImGuiDir_None;
}

void apply_colors(const Palette& p) {
    current_ink = p.ink;
    current_text = p.text;
    current_muted = p.muted;
    current_panel = p.panel;
    current_frame = p.frame;
    current_accent = p.accent;
    ImVec4* c = ImGui::GetStyle().Colors;
    const ImVec4 clear = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.panel;
    c[ImGuiCol_ChildBg] = clear;
    c[ImGuiCol_PopupBg] = p.panel;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = clear;
    c[ImGuiCol_FrameBg] = p.frame;
    c[ImGuiCol_FrameBgHovered] = p.frame_hover;
    c[ImGuiCol_FrameBgActive] = p.frame_active;
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = p.background;
    c[ImGuiCol_MenuBarBg] = p.panel;
    c[ImGuiCol_ScrollbarBg] = clear;
    c[ImGuiCol_ScrollbarGrab] = p.scroll;
    c[ImGuiCol_ScrollbarGrabHovered] = p.scroll_hover;
    c[ImGuiCol_ScrollbarGrabActive] = p.scroll_active;
    c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent_active;
    c[ImGuiCol_Button] = p.frame;
    c[ImGuiCol_ButtonHovered] = p.accent_soft;
    c[ImGuiCol_ButtonActive] = p.accent_mid;
    c[ImGuiCol_Header] = p.accent_soft;
    c[ImGuiCol_HeaderHovered] = p.accent_mid;
    c[ImGuiCol_HeaderActive] = p.accent_strong;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent_mid;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = clear;
    c[ImGuiCol_ResizeGripHovered] = p.accent_mid;
    c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = c[ImGuiCol_TabUnfocused] = p.frame;
    c[ImGuiCol_TabHovered] = p.accent_mid;
    c[ImGuiCol_TabActive] = c[ImGuiCol_TabUnfocusedActive] = p.accent_mid;  // as the phone's tabs: the chosen one tinted
    c[ImGuiCol_PlotLines] = c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_PlotLinesHovered] = c[ImGuiCol_PlotHistogramHovered] = rgb(0xD5, 0x5E, 0x00);
    c[ImGuiCol_TableHeaderBg] = p.frame;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.table_light;
    c[ImGuiCol_TableRowBg] = clear;
    c[ImGuiCol_TableRowBgAlt] = p.row_alt;
    c[ImGuiCol_TextSelectedBg] = p.accent_mid;
    c[ImGuiCol_DragDropTarget] = p.accent;
    c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(p.ink.focus);
    c[ImGuiCol_NavWindowingHighlight] = p.highlight;
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x1F, 0x24, 0x30, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x1F, 0x24, 0x30, 0.35f);
}

}  // namespace

void apply_light() {
    apply_sizes();
    apply_colors({
        .text = rgb(0x1F, 0x24, 0x30), .muted = rgb(0x52, 0x5A, 0x69), .background = rgb(0xF3, 0xF4, 0xF7),
        .panel = rgb(0xFF, 0xFF, 0xFF), .border = rgb(0xD8, 0xDC, 0xE3), .frame = rgb(0xF1, 0xF3, 0xF6),
        .frame_hover = rgb(0xE6, 0xEA, 0xF0), .frame_active = rgb(0xDD, 0xE3, 0xEC),
        .accent = rgb(0x1F, 0x5F, 0xAD), .accent_active = rgb(0x17, 0x4A, 0x88),
        .accent_soft = rgb(0x1F, 0x5F, 0xAD, 0.14f), .accent_mid = rgb(0x1F, 0x5F, 0xAD, 0.24f),
        .accent_strong = rgb(0x1F, 0x5F, 0xAD, 0.32f), .scroll = rgb(0x7C, 0x85, 0x94),
        .scroll_hover = rgb(0x6A, 0x73, 0x82), .scroll_active = rgb(0x58, 0x61, 0x70),
        .table_light = rgb(0xE6, 0xE9, 0xEE), .row_alt = rgb(0x1F, 0x24, 0x30, 0.03f),
        .highlight = rgb(0xFF, 0xFF, 0xFF, 0.7f),
        // Okabe–Ito vermillion, bluish green and blue, darkened for text on white.
        .ink = {.pillar = {IM_COL32(0x9E, 0x42, 0x00, 0xFF), IM_COL32(0x00, 0x6B, 0x4C, 0xFF),
                           IM_COL32(0x00, 0x5F, 0x96, 0xFF)},
                .data_corner = {IM_COL32(0x00, 0x67, 0x9E, 0xFF), IM_COL32(0x8F, 0x5A, 0x00, 0xFF),
                                IM_COL32(0xA2, 0x3E, 0x79, 0xFF)},
                .better = IM_COL32(0x00, 0x6B, 0x4C, 0xFF), .worse = IM_COL32(0x9E, 0x42, 0x00, 0xFF),
                .accent = IM_COL32(0x1F, 0x5F, 0xAD, 0xFF), .compare = IM_COL32(0xA8, 0x46, 0x7E, 0xFF),
                .warning = IM_COL32(0x8A, 0x5A, 0x00, 0xFF), .focus = IM_COL32(0x1F, 0x5F, 0xAD, 0xFF),
                // Okabe–Ito blue and vermillion (darkened), Tol's green, purple, indigo, ochre, teal and wine:
                // hues apart, each 4.5:1 or more on white (a projector washes out pale ones).
                .participant = {IM_COL32(0x00, 0x72, 0xB2, 0xFF), IM_COL32(0xB0, 0x4A, 0x00, 0xFF),
                                IM_COL32(0x11, 0x77, 0x33, 0xFF), IM_COL32(0xAA, 0x33, 0x77, 0xFF),
                                IM_COL32(0x33, 0x22, 0x88, 0xFF), IM_COL32(0x80, 0x66, 0x00, 0xFF),
                                IM_COL32(0x00, 0x76, 0x86, 0xFF), IM_COL32(0x88, 0x22, 0x55, 0xFF)}}});
}

void apply_dark() {
    apply_sizes();
    apply_colors({
        .text = rgb(0xE6, 0xE8, 0xEC), .muted = rgb(0xA7, 0xB0, 0xBE), .background = rgb(0x1E, 0x22, 0x2A),
        .panel = rgb(0x1E, 0x22, 0x2A), .border = rgb(0x39, 0x40, 0x4C), .frame = rgb(0x2A, 0x30, 0x3A),
        .frame_hover = rgb(0x34, 0x3B, 0x47), .frame_active = rgb(0x3E, 0x46, 0x54),
        .accent = rgb(0x56, 0xB4, 0xE9), .accent_active = rgb(0x7F, 0xC6, 0xEF),
        .accent_soft = rgb(0x56, 0xB4, 0xE9, 0.25f), .accent_mid = rgb(0x56, 0xB4, 0xE9, 0.4f),
        .accent_strong = rgb(0x56, 0xB4, 0xE9, 0.36f), .scroll = rgb(0x6E, 0x78, 0x88),
        .scroll_hover = rgb(0x80, 0x8A, 0x9A), .scroll_active = rgb(0x92, 0x9C, 0xAC),
        .table_light = rgb(0x2E, 0x34, 0x3E), .row_alt = rgb(0xFF, 0xFF, 0xFF, 0.03f),
        .highlight = rgb(0xFF, 0xFF, 0xFF, 0.7f),
        // The same hues, lightened for text on the dark panel.
        .ink = {.pillar = {IM_COL32(0xFF, 0x9A, 0x52, 0xFF), IM_COL32(0x45, 0xD6, 0xAA, 0xFF),
                           IM_COL32(0x7C, 0xC2, 0xF5, 0xFF)},
                .data_corner = {IM_COL32(0x56, 0xB4, 0xE9, 0xFF), IM_COL32(0xE6, 0x9F, 0x00, 0xFF),
                                IM_COL32(0xCC, 0x79, 0xA7, 0xFF)},
                .better = IM_COL32(0x45, 0xD6, 0xAA, 0xFF), .worse = IM_COL32(0xFF, 0x9A, 0x52, 0xFF),
                .accent = IM_COL32(0x56, 0xB4, 0xE9, 0xFF), .compare = IM_COL32(0xE0, 0x8C, 0xC0, 0xFF),
                .warning = IM_COL32(0xF0, 0xB8, 0x40, 0xFF), .focus = IM_COL32(0x56, 0xB4, 0xE9, 0xFF),
                .participant = {IM_COL32(0x56, 0xB4, 0xE9, 0xFF), IM_COL32(0xFF, 0x9A, 0x52, 0xFF),
                                IM_COL32(0x5C, 0xD0, 0x6E, 0xFF), IM_COL32(0xE8, 0x8C, 0xC8, 0xFF),
                                IM_COL32(0xA8, 0xA4, 0xFF, 0xFF), IM_COL32(0xE6, 0xC8, 0x4A, 0xFF),
                                IM_COL32(0x4F, 0xD8, 0xE0, 0xFF), IM_COL32(0xFF, 0x8A, 0x9A, 0xFF)}}});
}

const Ink& ink() { return current_ink; }

std::vector<ContrastPair> contrast_pairs() {
    const auto v = [](ImU32 c, float alpha = 1.0f) {
        ImVec4 f = ImGui::ColorConvertU32ToFloat4(c);
        f.w *= alpha;
        return f;
    };
    const ImVec4 none(0, 0, 0, 0);
    const ImVec4 panel = current_panel;
    const Ink& k = current_ink;
    static const char* const kPillar[3] = {"Protect", "Promote", "Partner"};
    static const char* const kPillarHeader[3] = {"Protect header", "Promote header", "Partner header"};
    static const char* const kPillarHovered[3] = {"Protect header hovered", "Promote header hovered", "Partner header hovered"};
    static const char* const kPillarFrame[3] = {"Protect slider grab on its frame", "Promote slider grab on its frame",
                                                "Partner slider grab on its frame"};
    static const char* const kPillarBand[3] = {"Protect band edge", "Promote band edge", "Partner band edge"};
    static const char* const kDataCorner[3] = {"data triangle: Privacy", "data triangle: Business", "data triangle: Security"};
    std::vector<ContrastPair> pairs = {
        {"text on the panel", current_text, none, panel, true},
        {"text on a button", current_text, current_frame, panel, true},
        {"muted text on the panel", current_muted, none, panel, true},
        {"muted text on a button", current_muted, current_frame, panel, true},
        {"accent text on the panel", v(k.accent), none, panel, true},
        {"warning text on the panel", v(k.warning), none, panel, true},
        {"text on the darkest matrix cell", current_text, v(k.pillar[2], kMatrixCellTintMax), panel, true},
        {"better (up) on the darkest matrix cell", v(k.better), v(k.pillar[2], kMatrixCellTintMax), panel, true},
        {"worse (down) on the darkest matrix cell", v(k.worse), v(k.pillar[2], kMatrixCellTintMax), panel, true},
        {"pinned scenario line", v(k.compare), none, panel, false},
        {"baseline line (muted)", current_muted, none, panel, false},
        {"keyboard focus ring", v(k.focus), none, panel, false},
        {"check mark on its box", current_accent, current_frame, panel, false},
        {"scrollbar grab", ImGui::GetStyle().Colors[ImGuiCol_ScrollbarGrab], none, panel, false},
    };
    static const char* const kParticipant[Ink::kParticipantColors] = {
        "room participant 1", "room participant 2", "room participant 3", "room participant 4",
        "room participant 5", "room participant 6", "room participant 7", "room participant 8"};
    static const char* const kBadge[Ink::kParticipantColors] = {
        "number on participant 1's badge", "number on participant 2's badge", "number on participant 3's badge",
        "number on participant 4's badge", "number on participant 5's badge", "number on participant 6's badge",
        "number on participant 7's badge", "number on participant 8's badge"};
    for (int i = 0; i < Ink::kParticipantColors; ++i) {
        pairs.push_back({kParticipant[i], v(k.participant[i]), none, panel, true});
        pairs.push_back({kBadge[i], panel, v(k.participant[i]), panel, true});
    }
    for (int p = 0; p < 3; ++p) {
        pairs.push_back({kPillar[p], v(k.pillar[p]), none, panel, true});
        pairs.push_back({kPillarHeader[p], v(k.pillar[p]), v(k.pillar[p], kHeaderTint), panel, true});
        pairs.push_back({kPillarHovered[p], v(k.pillar[p]), v(k.pillar[p], kHeaderTintHovered), panel, true});
        pairs.push_back({kPillarFrame[p], v(k.pillar[p]), current_frame, panel, false});
        pairs.push_back({kPillarBand[p], v(k.pillar[p]), v(k.pillar[p], kBandOuterTint), panel, false});
        pairs.push_back({kDataCorner[p], v(k.data_corner[p]), none, panel, true});
    }
    return pairs;
}

void fit_targets(bool touch) {
    const float finger = std::ceil((kFingerTarget - ImGui::GetFontSize()) * 0.5f);
    ImGui::GetStyle().FramePadding.y = touch ? std::max(kFramePadding.y, finger) : kFramePadding.y;
}

float list_entry_height(bool touch) {
    const float height = kFingerTarget - ImGui::GetStyle().ItemSpacing.y;
    return touch && height > ImGui::GetFontSize() ? height : 0.0f;
}

}  // namespace theme

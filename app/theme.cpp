#include "app/theme.h"

namespace theme {

namespace {
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
};

void apply_sizes() {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();

    s.WindowPadding = ImVec2(18, 16);
    s.FramePadding = ImVec2(10, 6);
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
    s.WindowMenuButtonPosition = ImGuiDir_None;
}

void apply_colors(const Palette& p) {
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
    c[ImGuiCol_TabActive] = c[ImGuiCol_TabUnfocusedActive] = p.panel;
    c[ImGuiCol_PlotLines] = c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_PlotLinesHovered] = c[ImGuiCol_PlotHistogramHovered] = rgb(0xD5, 0x5E, 0x00);
    c[ImGuiCol_TableHeaderBg] = p.frame;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.table_light;
    c[ImGuiCol_TableRowBg] = clear;
    c[ImGuiCol_TableRowBgAlt] = p.row_alt;
    c[ImGuiCol_TextSelectedBg] = p.accent_mid;
    c[ImGuiCol_DragDropTarget] = c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_NavWindowingHighlight] = p.highlight;
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x1F, 0x24, 0x30, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x1F, 0x24, 0x30, 0.35f);
}

}  // namespace

void apply_light() {
    apply_sizes();
    apply_colors({
        .text = rgb(0x1F, 0x24, 0x30), .muted = rgb(0x5B, 0x63, 0x73), .background = rgb(0xF3, 0xF4, 0xF7),
        .panel = rgb(0xFF, 0xFF, 0xFF), .border = rgb(0xD8, 0xDC, 0xE3), .frame = rgb(0xF1, 0xF3, 0xF6),
        .frame_hover = rgb(0xE6, 0xEA, 0xF0), .frame_active = rgb(0xDD, 0xE3, 0xEC),
        .accent = rgb(0x1F, 0x5F, 0xAD), .accent_active = rgb(0x17, 0x4A, 0x88),
        .accent_soft = rgb(0x1F, 0x5F, 0xAD, 0.14f), .accent_mid = rgb(0x1F, 0x5F, 0xAD, 0.24f),
        .accent_strong = rgb(0x1F, 0x5F, 0xAD, 0.32f), .scroll = rgb(0xC4, 0xCA, 0xD4),
        .scroll_hover = rgb(0xA9, 0xB1, 0xBE), .scroll_active = rgb(0x8E, 0x97, 0xA6),
        .table_light = rgb(0xE6, 0xE9, 0xEE), .row_alt = rgb(0x1F, 0x24, 0x30, 0.03f),
        .highlight = rgb(0xFF, 0xFF, 0xFF, 0.7f)});
}

void apply_dark() {
    apply_sizes();
    apply_colors({
        .text = rgb(0xE6, 0xE8, 0xEC), .muted = rgb(0x9A, 0xA3, 0xB2), .background = rgb(0x1E, 0x22, 0x2A),
        .panel = rgb(0x1E, 0x22, 0x2A), .border = rgb(0x39, 0x40, 0x4C), .frame = rgb(0x2A, 0x30, 0x3A),
        .frame_hover = rgb(0x34, 0x3B, 0x47), .frame_active = rgb(0x3E, 0x46, 0x54),
        .accent = rgb(0x56, 0xB4, 0xE9), .accent_active = rgb(0x7F, 0xC6, 0xEF),
        .accent_soft = rgb(0x56, 0xB4, 0xE9, 0.25f), .accent_mid = rgb(0x56, 0xB4, 0xE9, 0.4f),
        .accent_strong = rgb(0x56, 0xB4, 0xE9, 0.36f), .scroll = rgb(0x4A, 0x52, 0x60),
        .scroll_hover = rgb(0x5A, 0x63, 0x73), .scroll_active = rgb(0x6A, 0x74, 0x86),
        .table_light = rgb(0x2E, 0x34, 0x3E), .row_alt = rgb(0xFF, 0xFF, 0xFF, 0.03f),
        .highlight = rgb(0xFF, 0xFF, 0xFF, 0.7f)});
}

}  // namespace theme

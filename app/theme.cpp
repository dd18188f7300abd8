#include "app/theme.h"

namespace theme {

namespace {
ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                  static_cast<float>(b) / 255.0f, a);
}
}  // namespace

void apply_light() {
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

    const ImVec4 text = rgb(0x1F, 0x24, 0x30);
    const ImVec4 muted = rgb(0x5B, 0x63, 0x73);
    const ImVec4 bg = rgb(0xF3, 0xF4, 0xF7);
    const ImVec4 panel = rgb(0xFF, 0xFF, 0xFF);
    const ImVec4 border = rgb(0xD8, 0xDC, 0xE3);
    const ImVec4 frame = rgb(0xF1, 0xF3, 0xF6);
    const ImVec4 frame_hover = rgb(0xE6, 0xEA, 0xF0);
    const ImVec4 accent = rgb(0x1F, 0x5F, 0xAD);
    const ImVec4 accent_soft = rgb(0x1F, 0x5F, 0xAD, 0.14f);
    const ImVec4 accent_mid = rgb(0x1F, 0x5F, 0xAD, 0.24f);

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = muted;
    c[ImGuiCol_WindowBg] = panel;
    c[ImGuiCol_ChildBg] = rgb(0xFF, 0xFF, 0xFF, 0.0f);
    c[ImGuiCol_PopupBg] = panel;
    c[ImGuiCol_Border] = border;
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_FrameBg] = frame;
    c[ImGuiCol_FrameBgHovered] = frame_hover;
    c[ImGuiCol_FrameBgActive] = rgb(0xDD, 0xE3, 0xEC);
    c[ImGuiCol_TitleBg] = bg;
    c[ImGuiCol_TitleBgActive] = bg;
    c[ImGuiCol_TitleBgCollapsed] = bg;
    c[ImGuiCol_MenuBarBg] = panel;
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xC4, 0xCA, 0xD4);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xA9, 0xB1, 0xBE);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x8E, 0x97, 0xA6);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(0x17, 0x4A, 0x88);
    c[ImGuiCol_Button] = frame;
    c[ImGuiCol_ButtonHovered] = accent_soft;
    c[ImGuiCol_ButtonActive] = accent_mid;
    c[ImGuiCol_Header] = accent_soft;
    c[ImGuiCol_HeaderHovered] = accent_mid;
    c[ImGuiCol_HeaderActive] = rgb(0x1F, 0x5F, 0xAD, 0.32f);
    c[ImGuiCol_Separator] = border;
    c[ImGuiCol_SeparatorHovered] = accent_mid;
    c[ImGuiCol_SeparatorActive] = accent;
    c[ImGuiCol_ResizeGrip] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = accent_mid;
    c[ImGuiCol_ResizeGripActive] = accent;
    c[ImGuiCol_Tab] = frame;
    c[ImGuiCol_TabHovered] = accent_mid;
    c[ImGuiCol_TabActive] = panel;
    c[ImGuiCol_TabUnfocused] = frame;
    c[ImGuiCol_TabUnfocusedActive] = panel;
    c[ImGuiCol_PlotLines] = accent;
    c[ImGuiCol_PlotLinesHovered] = rgb(0xD5, 0x5E, 0x00);
    c[ImGuiCol_PlotHistogram] = accent;
    c[ImGuiCol_PlotHistogramHovered] = rgb(0xD5, 0x5E, 0x00);
    c[ImGuiCol_TableHeaderBg] = frame;
    c[ImGuiCol_TableBorderStrong] = border;
    c[ImGuiCol_TableBorderLight] = rgb(0xE6, 0xE9, 0xEE);
    c[ImGuiCol_TableRowBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x1F, 0x24, 0x30, 0.03f);
    c[ImGuiCol_TextSelectedBg] = accent_mid;
    c[ImGuiCol_DragDropTarget] = accent;
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_NavWindowingHighlight] = rgb(0xFF, 0xFF, 0xFF, 0.7f);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x1F, 0x24, 0x30, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x1F, 0x24, 0x30, 0.35f);
}

void apply_dark() {
    apply_light();  // sizes and rounding; colours below
    ImGuiStyle& s = ImGui::GetStyle();
    const ImVec4 text = rgb(0xE6, 0xE8, 0xEC);
    const ImVec4 muted = rgb(0x9A, 0xA3, 0xB2);
    const ImVec4 panel = rgb(0x1E, 0x22, 0x2A);
    const ImVec4 border = rgb(0x39, 0x40, 0x4C);
    const ImVec4 frame = rgb(0x2A, 0x30, 0x3A);
    const ImVec4 frame_hover = rgb(0x34, 0x3B, 0x47);
    const ImVec4 accent = rgb(0x56, 0xB4, 0xE9);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = muted;
    c[ImGuiCol_WindowBg] = panel;
    c[ImGuiCol_PopupBg] = panel;
    c[ImGuiCol_Border] = border;
    c[ImGuiCol_FrameBg] = frame;
    c[ImGuiCol_FrameBgHovered] = frame_hover;
    c[ImGuiCol_FrameBgActive] = rgb(0x3E, 0x46, 0x54);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = panel;
    c[ImGuiCol_MenuBarBg] = panel;
    c[ImGuiCol_ScrollbarGrab] = rgb(0x4A, 0x52, 0x60);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x5A, 0x63, 0x73);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x6A, 0x74, 0x86);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_Button] = frame;
    c[ImGuiCol_ButtonHovered] = rgb(0x56, 0xB4, 0xE9, 0.25f);
    c[ImGuiCol_ButtonActive] = rgb(0x56, 0xB4, 0xE9, 0.4f);
    c[ImGuiCol_Header] = rgb(0x56, 0xB4, 0xE9, 0.18f);
    c[ImGuiCol_HeaderHovered] = rgb(0x56, 0xB4, 0xE9, 0.28f);
    c[ImGuiCol_HeaderActive] = rgb(0x56, 0xB4, 0xE9, 0.36f);
    c[ImGuiCol_Separator] = border;
    c[ImGuiCol_Tab] = frame;
    c[ImGuiCol_TabHovered] = rgb(0x56, 0xB4, 0xE9, 0.3f);
    c[ImGuiCol_TabActive] = panel;
    c[ImGuiCol_TabUnfocused] = frame;
    c[ImGuiCol_TabUnfocusedActive] = panel;
    c[ImGuiCol_TableHeaderBg] = frame;
    c[ImGuiCol_TableBorderStrong] = border;
    c[ImGuiCol_TableBorderLight] = rgb(0x2E, 0x34, 0x3E);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xFF, 0xFF, 0xFF, 0.03f);
    c[ImGuiCol_NavHighlight] = accent;
}

}  // namespace theme

// Trilemma Lab app entry: the UI drawn every frame, on top of the platform
// layer (app/platform.h) that owns the window, GL and the frame loop.
// For now: a title bar and a placeholder while the model is being built.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "app/platform.h"
#include "app/test_hook.h"
#include "app/theme.h"
#include "imgui.h"

namespace {

constexpr float kTitleBarHeight = 64.0f;

void draw_title_bar(const platform::FrameInfo& f) {
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(f.width, kTitleBarHeight));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 0));
    ImGui::Begin("##title_bar", nullptr, flags);

    ImFont* heading = platform::font_heading();
    const float heading_h = heading->FontSize * ImGui::GetIO().FontGlobalScale;
    ImGui::SetCursorPosY((kTitleBarHeight - heading_h) * 0.5f);
    ImGui::PushFont(heading);
    ImGui::TextUnformatted("Trilemma Lab");
    ImGui::PopFont();

    // Subtitle, baseline-aligned with the title.
    ImGui::SameLine(0, 16);
    ImGui::SetCursorPosY((kTitleBarHeight - heading_h) * 0.5f + (heading_h - ImGui::GetFontSize()) * 0.7f);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kTextMuted);
    ImGui::TextUnformatted("Technology policy trade-offs");
    ImGui::PopStyleColor();

    // Pillar legend on the right: one colour per pillar, used everywhere.
    const char* names[] = {"Protect", "Promote", "Partner"};
    const ImU32 colors[] = {theme::kProtect, theme::kPromote, theme::kPartner};
    const float dot = 10.0f, gap = 8.0f, spacing = 22.0f;
    float legend_w = 0;
    for (const char* n : names) legend_w += dot + gap + ImGui::CalcTextSize(n).x + spacing;
    legend_w -= spacing;
    if (f.width > legend_w + 520) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float x = f.width - 24 - legend_w;
        const float y = (kTitleBarHeight - ImGui::GetFontSize()) * 0.5f;
        for (int i = 0; i < 3; ++i) {
            dl->AddCircleFilled(ImVec2(x + dot * 0.5f, y + ImGui::GetFontSize() * 0.5f), dot * 0.5f, colors[i], 20);
            x += dot + gap;
            dl->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), names[i]);
            x += ImGui::CalcTextSize(names[i]).x + spacing;
        }
    }

    // Bottom rule, edge to edge (the window's own clip rect is inset by its padding).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(ImVec2(0, 0), ImVec2(f.width, kTitleBarHeight), false);
    dl->AddLine(ImVec2(0, kTitleBarHeight - 0.5f), ImVec2(f.width, kTitleBarHeight - 0.5f),
                ImGui::GetColorU32(ImGuiCol_Border), 1.0f);
    dl->PopClipRect();
    ImGui::End();
    ImGui::PopStyleVar(3);
}

// An indeterminate progress bar: a segment sliding along a rounded track.
void busy_bar(float width, float height, double time) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = height * 0.5f;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), r);
    const float seg = width * 0.3f;
    const float t = static_cast<float>(std::fmod(time * 0.6, 1.0));
    const float x0 = p.x - seg + t * (width + seg);
    const float a = std::max(p.x, x0), b = std::min(p.x + width, x0 + seg);
    if (b > a) dl->AddRectFilled(ImVec2(a, p.y), ImVec2(b, p.y + height), theme::kAccent, r);
    ImGui::Dummy(ImVec2(width, height));
}

void draw_loading_card(const platform::FrameInfo& f) {
    const float w = std::min(460.0f, f.width - 32.0f);
    const ImVec2 center(f.width * 0.5f, kTitleBarHeight + (f.height - kTitleBarHeight) * 0.45f);
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));  // height: fit the content
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 24));
    ImGui::Begin("##loading", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushFont(platform::font_bold());
    ImGui::TextUnformatted("The model is loading\xE2\x80\xA6");  // …
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kTextMuted);
    ImGui::TextWrapped(
        "Levers for export controls, market access and partnerships will appear here, "
        "with what each mix costs in security, prosperity and partnership.");
    ImGui::PopStyleColor();
    ImGui::Spacing();
    busy_bar(ImGui::GetContentRegionAvail().x, 6.0f, f.time);
    ImGui::End();
    ImGui::PopStyleVar();
}

void draw_ui() {
    const platform::FrameInfo& f = platform::frame_info();
    draw_title_bar(f);
    draw_loading_card(f);
}

}  // namespace

// Test hook (app/test_hook.h): placeholder state until the real UI lands.
std::string app_state_json() {
    const platform::FrameInfo& f = platform::frame_info();
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  R"({"frame":%llu,"width":%.6g,"height":%.6g,"fb_width":%d,"fb_height":%d,"dpr":%.6g})",
                  static_cast<unsigned long long>(f.frame), f.width, f.height, f.fb_width, f.fb_height,
                  f.dpr);
    return buf;
}

std::string app_command(std::string_view /*json*/) {
    return R"({"ok":false,"error":"no commands are implemented yet"})";
}

int main(int argc, char** argv) {
    platform::Options options;
    options.title = "Trilemma Lab";
    std::copy(std::begin(theme::kBackground), std::end(theme::kBackground), options.clear_color);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            options.max_frames = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: %s [--frames N]\n", argv[0]);
            return 2;
        }
    }
    if (!platform::init(options)) return 1;
    theme::apply_light();
    platform::run(draw_ui);
    platform::shutdown();
    return 0;
}

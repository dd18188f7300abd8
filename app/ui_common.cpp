#include "app/ui_common.h"

#include <algorithm>
#include <cstdio>

#include "app/screen_audit.h"
#include "app/theme.h"

namespace ui {

ImU32 pillar_color(tl::Pillar p, float alpha) {
    ImU32 c = theme::ink().pillar[static_cast<int>(p)];
    return (c & 0x00FFFFFF) | (static_cast<ImU32>(alpha * 255.0f) << 24);
}

tl::Pillar indicator_pillar(tl::Indicator i) {
    using I = tl::Indicator;
    switch (i) {
        case I::TechLead: case I::RivalLeakage: case I::Dependence: case I::Escalation: case I::ProtectScore:
            return tl::Pillar::Protect;
        case I::GdpEffect: case I::FiscalCost: case I::CleanTechCost: case I::Innovation: case I::Capability:
        case I::PromoteScore:
            return tl::Pillar::Promote;
        default:
            return tl::Pillar::Partner;
    }
}

ImU32 compare_color() { return theme::ink().compare; }

ImU32 baseline_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }

std::string lever_value_text(const tl::LeverDef& d, double v) {
    char buf[48];
    if (d.unit.rfind("$bn", 0) == 0) std::snprintf(buf, sizeof buf, "$%.0fbn/yr", v);
    else if (d.unit.rfind("$M", 0) == 0) std::snprintf(buf, sizeof buf, "$%.0fM/yr", v);
    else std::snprintf(buf, sizeof buf, "%.0f%%", v);
    return buf;
}

std::string lever_format(const tl::LeverDef& d) {
    if (d.unit.rfind("$bn", 0) == 0) return "$%.0fbn/yr";
    if (d.unit.rfind("$M", 0) == 0) return "$%.0fM/yr";
    return "%.0f%%";
}

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

void tooltip_with_source(const std::string& text, const char* label, const std::string& source) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(tooltip_wrap_width());
    ImGui::TextUnformatted(text.c_str());
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

std::map<std::string, ImVec4>& lever_rects() {
    static std::map<std::string, ImVec4> rects;
    return rects;
}

bool begin_combo(const char* name, const char* id, const char* preview, ImGuiComboFlags flags) {
    const bool open = ImGui::BeginCombo(id, preview, flags);
    const ImGuiStyle& style = ImGui::GetStyle();
    audit::name_last_item(name, preview, ImGui::GetFrameHeight() + style.FramePadding.x);
    return open;
}

}  // namespace ui

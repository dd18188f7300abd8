// Assumptions: the model's uncertain parameters, separate from the policy
// levers. Each moves between its low, central and high value (the ranges of
// assets/parameters.json) and moves the baseline too, so the charts can show
// the default baseline and the modified one apart from the scenario.
#include <cmath>
#include <string>

#include "app/panels.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

void draw_assumptions(app::AppState& state, ImGuiTextFilter& filter) {
    const tl::Scenario& s = state.scenario();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Uncertain parameters of the model. Moving one changes the baseline as well as your scenario; "
                       "the uncertainty bands sample all of them between low and high.");
    ImGui::PopStyleColor();
    bool any = !(s.assumptions == tl::central_assumptions());
    ImGui::BeginDisabled(!any);
    if (ImGui::Button("Reset assumptions")) state.reset_assumptions();
    ImGui::EndDisabled();
    ImGui::SameLine();
    filter.Draw("##filter", -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Filter by name");
    ImGui::Separator();

    for (const auto& d : tl::param_defs()) {
        if (!d.uncertain() || !filter.PassFilter(d.name.c_str())) continue;
        int i = static_cast<int>(d.id);
        ImGui::PushID(i);
        double pos = s.assumptions[i];
        bool moved = pos != 0.0;
        ImGui::TextWrapped("%s%s", d.name.c_str(), moved ? "  \xE2\x97\x8F" : "");
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(tooltip_wrap_width());
            ImGui::Text("%s [%s]%s", d.key.c_str(), d.unit.c_str(), d.assumption ? " — an assumption" : "");
            if (!d.note.empty()) ImGui::TextUnformatted(d.note.c_str());
            ImGui::TextDisabled("Source: %s", d.source.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        char fmt[96];
        if (d.dim == 1)
            std::snprintf(fmt, sizeof fmt, "%.3g %s", tl::param_value_at(d, 0, pos), d.unit.c_str());
        else
            std::snprintf(fmt, sizeof fmt, "%s", pos == 0 ? "central" : pos < 0 ? (pos <= -1 ? "low" : "toward low")
                                                                          : (pos >= 1 ? "high" : "toward high"));
        float f = static_cast<float>(pos);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##pos", &f, -1.0f, 1.0f, fmt, ImGuiSliderFlags_AlwaysClamp)) {
            double snapped = std::round(f * 20.0) / 20.0;  // steps of 0.05 between low and high
            state.edit_assumption(i, snapped);
        }
        if (ImGui::IsItemDeactivatedAfterEdit()) state.commit_edit();
        if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && d.dim == 1)
            ImGui::SetTooltip("low %.3g · central %.3g · high %.3g %s", d.low[0], d.central[0], d.high[0], d.unit.c_str());
        ImGui::PopID();
    }
}

}  // namespace ui

// Sector × bloc matrix: one sector metric (capability, market share,
// dependence on the rival, standards influence) for every bloc and sector at
// the horizon, shaded by value, with the change vs baseline.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/panels.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

void draw_matrix(app::AppState& state) {
    const app::ModelView& view = state.view();
    auto& settings = state.settings;
    const int y = view.scenario.years - 1;
    ImGui::SetNextItemWidth(-1);
    if (begin_combo("Metric", "##metric", std::string(tl::kSectorMetricNames[settings.matrix_metric]).c_str())) {
        for (int m = 0; m < tl::kSectorMetricCount; ++m)
            if (ImGui::Selectable(std::string(tl::kSectorMetricNames[m]).c_str(), settings.matrix_metric == m))
                settings.matrix_metric = m;
        ImGui::EndCombo();
    }
    const auto& now = view.scenario.sector[settings.matrix_metric];
    const auto& base = view.baseline.sector[settings.matrix_metric];
    double hi = 1e-9;
    for (int b = 0; b < tl::kBlocCount; ++b)
        for (int s = 0; s < tl::kSectorCount; ++s) hi = std::max(hi, now[b][s][y]);

    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("##matrix", tl::kBlocCount + 1, flags)) return;
    ImGui::TableSetupColumn("Sector", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    for (int b = 0; b < tl::kBlocCount; ++b)
        ImGui::TableSetupColumn(std::string(tl::kBlocTinyNames[b]).c_str());
    ImGui::TableHeadersRow();
    for (int s = 0; s < tl::kSectorCount; ++s) {
        ImGui::TableNextRow(0, ImGui::GetFontSize() * 1.6f);
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(std::string(tl::kSectorShortNames[s]).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(tl::kSectorNames[s]).c_str());
        for (int b = 0; b < tl::kBlocCount; ++b) {
            ImGui::TableSetColumnIndex(b + 1);
            double v = now[b][s][y], d = v - base[b][s][y];
            float t = static_cast<float>(std::clamp(v / hi, 0.0, 1.0));
            // Shading light enough for the text and the ▲▼ marks on it (theme.h).
            ImU32 bg = (theme::ink().pillar[2] & 0x00FFFFFF) |
                       (static_cast<ImU32>((0.1f + 0.9f * t) * theme::kMatrixCellTintMax * 255.0f) << 24);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
            ImGui::Text("%.0f", v);
            if (std::fabs(d) >= 0.5) {
                ImGui::SameLine(0, 2);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(d > 0 ? theme::ink().better : theme::ink().worse), "%s%.0f",
                                   d > 0 ? "\xE2\x96\xB2" : "\xE2\x96\xBC", std::fabs(d));
            }
            if (ImGui::IsItemHovered() || ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()))
                ImGui::SetTooltip("%s, %s, %d: %.1f (baseline %.1f)", std::string(tl::kBlocShortNames[b]).c_str(),
                                  std::string(tl::kSectorNames[s]).c_str(), view.scenario.year(y), v, base[b][s][y]);
        }
    }
    ImGui::EndTable();
}

}  // namespace ui

// Sector × bloc matrix: one sector metric (capability, market share,
// dependence on the rival, standards influence) for every bloc and sector at
// the horizon, shaded by value, with the change vs baseline.
#include <algorithm>
#include <cmath>
#include <cstdio>
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
            if (list_entry(std::string(tl::kSectorMetricNames[m]).c_str(), settings.matrix_metric == m))
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
    // The sector column as wide as its longest name (a phone cut "Clean tech"),
    // or, where the blocs' numbers need the room (a phone at large text), as
    // its longest word, the names wrapping; the blocs share the rest.
    float name_w = ImGui::CalcTextSize("Sector").x, word_w = name_w;
    for (int s = 0; s < tl::kSectorCount; ++s) {
        const std::string name(tl::kSectorShortNames[s]);
        name_w = std::max(name_w, ImGui::CalcTextSize(name.c_str()).x);
        for (std::size_t a = 0, e; a < name.size(); a = e + 1) {
            e = std::min(name.find(' ', a), name.size());
            word_w = std::max(word_w, ImGui::CalcTextSize(name.c_str() + a, name.c_str() + e).x);
        }
    }
    const float cell_pad = ImGui::GetStyle().CellPadding.x * 2;
    const float blocs_w = tl::kBlocCount * (ImGui::CalcTextSize("100").x + cell_pad);
    const float sector_w = std::clamp(ImGui::GetContentRegionAvail().x - blocs_w - cell_pad, word_w, name_w);
    ImGui::TableSetupColumn("Sector", ImGuiTableColumnFlags_WidthFixed, sector_w);
    for (int b = 0; b < tl::kBlocCount; ++b)
        ImGui::TableSetupColumn(std::string(tl::kBlocTinyNames[b]).c_str());
    ImGui::TableHeadersRow();
    for (int s = 0; s < tl::kSectorCount; ++s) {
        ImGui::TableNextRow(0, ImGui::GetFontSize() * 1.6f);
        ImGui::TableSetColumnIndex(0);
        ImGui::TextWrapped("%s", std::string(tl::kSectorShortNames[s]).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(tl::kSectorNames[s]).c_str());
        for (int b = 0; b < tl::kBlocCount; ++b) {
            ImGui::TableSetColumnIndex(b + 1);
            double v = now[b][s][y], d = v - base[b][s][y];
            float t = static_cast<float>(std::clamp(v / hi, 0.0, 1.0));
            // Shading light enough for the text and the ▲▼ marks on it (theme.h).
            ImU32 bg = (theme::ink().pillar[2] & 0x00FFFFFF) |
                       (static_cast<ImU32>((0.1f + 0.9f * t) * theme::kMatrixCellTintMax * 255.0f) << 24);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
            const float cell_w = ImGui::GetContentRegionAvail().x;
            ImGui::Text("%.0f", v);
            if (std::fabs(d) >= 0.5) {
                // Beside the value where the cell has room, else under it.
                char change[16];
                std::snprintf(change, sizeof change, "%s%.0f", d > 0 ? "\xE2\x96\xB2" : "\xE2\x96\xBC", std::fabs(d));
                if (cell_w - ImGui::GetItemRectSize().x >= ImGui::CalcTextSize(change).x + 2)
                    ImGui::SameLine(0, 2);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(d > 0 ? theme::ink().better : theme::ink().worse), "%s", change);
            }
            if (ImGui::IsItemHovered() || ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()))
                ImGui::SetTooltip("%s, %s, %d: %.1f (baseline %.1f)", std::string(tl::kBlocShortNames[b]).c_str(),
                                  std::string(tl::kSectorNames[s]).c_str(), view.scenario.year(y), v, base[b][s][y]);
        }
    }
    ImGui::EndTable();
}

}  // namespace ui

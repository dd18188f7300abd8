// Outcome charts: the chosen indicators for the shown bloc, scenario vs
// baseline, with Monte Carlo bands (5–95% and 25–75%), the default baseline
// when assumptions were changed, and a pinned scenario to compare.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/chart.h"
#include "app/panels.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "core/history.h"
#include "imgui.h"

namespace ui {

namespace {
std::vector<double> series_of(const tl::Results& r, tl::Indicator i, tl::Bloc b) {
    std::vector<double> v(r.years);
    for (int y = 0; y < r.years; ++y) v[y] = r.at(i, b, y);
    return v;
}
// The backcast from its first year worth showing (2017 for most), joined to
// the base year where the projections start.
std::vector<double> history_of(const tl::Results& r, tl::Indicator i, tl::Bloc b) {
    std::vector<double> v;
    for (int y = tl::history_first_year(i); y <= tl::kBaseYear; ++y) v.push_back(r.at_year(i, b, y));
    return v;
}
}  // namespace

void draw_charts(app::AppState& state, int columns) {
    const app::ModelView& view = state.view();
    auto& settings = state.settings;
    const tl::Bloc bloc = settings.shown_bloc;
    const bool bands_for_bloc = view.bands_ready && view.bands.bloc == bloc && settings.show_bands;

    int remove = -1;
    columns = std::max(1, columns);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float col_w = (ImGui::GetContentRegionAvail().x - spacing * (columns - 1)) / columns;
    for (std::size_t k = 0; k < settings.charts.size(); ++k) {
        tl::Indicator ind = settings.charts[k];
        const tl::IndicatorDef& def = tl::indicator_def(ind);
        ImU32 color = pillar_color(indicator_pillar(ind));
        ChartSpec spec;
        spec.title = std::string(def.name);
        spec.unit = std::string(def.unit);
        spec.decimals = def.decimals;
        // Lever changes acting later than 2025: where the lines may part.
        if (state.scenario().start_year != tl::kDefaultStartYear) spec.policy_start_year = state.scenario().start_year;
        // Fill the panel's height when there is room (a 1080p screen), never below a readable size.
        const int rows = (static_cast<int>(settings.charts.size()) + columns - 1) / columns;
        const float fit = (ImGui::GetWindowHeight() - ImGui::GetFrameHeight() * 2.5f) / std::max(1, rows) -
                          ImGui::GetStyle().ItemSpacing.y * 2;
        spec.height = std::clamp(std::max(col_w * 0.58f, fit), 200.0f, 380.0f);
        spec.selected = settings.why_indicator == ind;
        spec.marker_year = settings.why_indicator == ind
                               ? (settings.why_year < 0 ? view.scenario.year(view.scenario.years - 1) : settings.why_year)
                               : -1;
        // The quantity's own bounds (no deals below zero): bands that follow a
        // moved line could otherwise cross them.
        const tl::Bounds bounds = tl::indicator_bounds(ind);
        if (!std::isnan(bounds.lo)) spec.floor = bounds.lo;
        if (!std::isnan(bounds.hi)) spec.ceiling = bounds.hi;
        const auto bounded = [&](double v) { return std::clamp(v, spec.floor, spec.ceiling); };
        if (bands_for_bloc && view.bands.years == view.scenario.years && view.bands_results.years == view.scenario.years) {
            ChartBand outer{"5–95% range", {}, {}, pillar_color(indicator_pillar(ind), theme::kBandOuterTint)};
            ChartBand inner{"25–75%", {}, {}, pillar_color(indicator_pillar(ind), theme::kBandInnerTint)};
            for (int y = 0; y < view.bands.years; ++y) {
                const auto& q = view.bands.q[static_cast<int>(ind)][y];
                // Bands drawn for an earlier scenario (while a slider moves)
                // follow the current line until they are redrawn.
                const double shift = view.scenario.at(ind, bloc, y) - view.bands_results.at(ind, bloc, y);
                outer.lo.push_back(bounded(q[0] + shift));
                outer.hi.push_back(bounded(q[4] + shift));
                inner.lo.push_back(bounded(q[1] + shift));
                inner.hi.push_back(bounded(q[3] + shift));
            }
            spec.bands = {outer, inner};
        }
        spec.series.push_back({view.assumptions_changed ? "Baseline (your assumptions)" : "Baseline",
                               series_of(view.baseline, ind, bloc), baseline_color(), 2.0f, true});
        if (view.assumptions_changed)
            spec.series.push_back({"Baseline (default assumptions)", series_of(view.default_baseline, ind, bloc),
                                   ImGui::GetColorU32(ImGuiCol_Text, 0.35f), 1.5f, true});
        if (state.pinned && view.pinned.years > 0)
            // Labelled by what it changed: its name is usually still the preset's.
            spec.series.push_back({"Pinned: " + changes_summary(*state.pinned),
                                   series_of(view.pinned, ind, bloc), compare_color(), 2.0f, false});
        spec.series.push_back({"Your scenario", series_of(view.scenario, ind, bloc), color, 3.0f, false});
        if (view.scenario.has_history) {
            // History first, the same for every scenario; the projections start in 2024.
            const int h = tl::kHistoryYears;
            spec.first_year = tl::kFirstYear;
            spec.history_years = h;
            for (auto& series : spec.series) series.start = h;
            for (auto& band : spec.bands) band.start = h;
            if (spec.marker_year >= 0 && spec.marker_year < tl::kBaseYear) spec.marker_year = -1;
            spec.series.insert(spec.series.begin(), ChartSeries{"History (model)", history_of(view.scenario, ind, bloc),
                                                                 ImGui::GetColorU32(ImGuiCol_Text, 0.75f), 2.0f, false});
            spec.series.front().start = tl::history_first_year(ind) - tl::kFirstYear;
            for (const auto& point : tl::observed_points())
                if (point.indicator == ind && point.bloc == bloc)
                    spec.observed.push_back({point.year, point.value, point.note});
        }

        if (k % columns != 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(k));
        ImGui::BeginGroup();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        spec.width = col_w;
        const float close_w = ImGui::CalcTextSize("\xC3\x97").x + ImGui::GetStyle().FramePadding.x * 2;
        spec.title_reserve = close_w + 8;  // the × below
        ChartResult r = chart("chart", spec);
        if (r.title_clicked) settings.why_indicator = ind;
        if (r.clicked_year >= 0) {
            settings.why_indicator = ind;
            settings.why_year = r.clicked_year;
        }
        // Remove button in the card's top-right corner (inside the group, so
        // that the next chart sits beside the card, not beside the button).
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(at.x + col_w - close_w - 6, at.y + 6));
        if (small_button("\xC3\x97")) remove = static_cast<int>(k);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this chart");
        ImGui::SetCursorScreenPos(after);
        ImGui::Dummy(ImVec2(col_w, 0));
        ImGui::EndGroup();
        ImGui::PopID();
    }
    if (remove >= 0) settings.charts.erase(settings.charts.begin() + remove);

    ImGui::Spacing();
    ImGui::SetNextItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x));
    if (begin_combo("Add a chart", "##add_chart", "+ Add a chart")) {
        for (int i = 0; i < tl::kIndicatorCount; ++i) {
            auto ind = static_cast<tl::Indicator>(i);
            if (std::find(settings.charts.begin(), settings.charts.end(), ind) != settings.charts.end()) continue;
            if (list_entry(std::string(tl::kIndicators[i].name).c_str())) settings.charts.push_back(ind);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(tl::kIndicators[i].meaning).c_str());
        }
        ImGui::EndCombo();
    }
    // Beside the combo when it fits (a phone puts it below).
    const float checkbox_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                             ImGui::CalcTextSize("Uncertainty bands").x;
    same_line_if_fits(checkbox_w);
    ImGui::Checkbox("Uncertainty bands", &settings.show_bands);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Monte Carlo over the assumptions' low–high ranges (%d draws so far)",
                          view.monte_carlo ? view.monte_carlo->completed() : 0);
}

}  // namespace ui

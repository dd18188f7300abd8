// "Why did this move?": for the selected indicator and year, each changed
// lever's contribution to the difference from the baseline, as bars that add
// up to the total (core/analysis.h attribute()).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/chart.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/ui_common.h"
#include "core/story.h"
#include "imgui.h"

namespace ui {
namespace {

// "+1.2", "-0.4", and "0" (not "+0" or "-0") for what rounds to nothing.
std::string signed_text(double value, std::string formatted) {
    if (formatted.find_first_of("123456789") == std::string::npos) {
        if (!formatted.empty() && formatted[0] == '-') formatted.erase(0, 1);
        return formatted;
    }
    return value > 0 ? "+" + formatted : formatted;
}

// The columns of a row of bars: label, bar (zero in its middle), value.
struct BarLayout {
    float width, label_w, bar_w, zero_x, row_h;
};
BarLayout bar_layout() {
    const float w = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
    const float label_w = std::min(w * 0.6f, font * 16.0f);
    const float bar_w = w - label_w - font * 4.5f;
    return {w, label_w, bar_w, label_w + bar_w * 0.5f, font * 1.35f};
}

// One labelled bar of `value` (the longest bar is `scale`), as an item the
// caller can ask IsItemHovered() of. With `note`, the row is greyed and the
// note stands where the bar and its value would be.
void draw_bar(const BarLayout& l, const std::string& label, double value, double scale, ImU32 color, int decimals,
              const std::string& id, const char* note = nullptr) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // A label too long for its column takes two lines (a phone's "Own
    // dependence on the rival"); longer still, it is cut.
    const float label_room = l.label_w - 8;
    const float wrapped_h = ImGui::CalcTextSize(label.c_str(), nullptr, false, label_room).y;
    const bool two_lines = ImGui::CalcTextSize(label.c_str()).x > label_room && wrapped_h < font * 2.5f;
    const float h = two_lines ? std::max(l.row_h, wrapped_h + 6) : l.row_h, text_y = p.y + (h - font) * 0.5f;
    const ImU32 label_color = ImGui::GetColorU32(note ? ImGuiCol_TextDisabled : ImGuiCol_Text);
    if (two_lines)
        dl->AddText(ImGui::GetFont(), font, ImVec2(p.x, p.y + (h - wrapped_h) * 0.5f), label_color, label.c_str(), nullptr,
                    label_room);
    else
        dl->AddText(ImVec2(p.x, text_y), label_color, fit_text(label, label_room).c_str());
    if (note) {
        dl->AddText(ImVec2(p.x + l.label_w, text_y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                    fit_text(note, l.width - l.label_w).c_str());
    } else {
        const float x0 = p.x + l.zero_x, x1 = x0 + static_cast<float>(value / scale) * l.bar_w * 0.5f;
        const float bar_top = p.y + (h - l.row_h) * 0.5f + 3;  // one row's height, beside a two-line label too
        dl->AddRectFilled(ImVec2(std::min(x0, x1), bar_top), ImVec2(std::max(x0, x1), bar_top + l.row_h - 6), color, 3.0f);
        dl->AddLine(ImVec2(x0, p.y), ImVec2(x0, p.y + h), ImGui::GetColorU32(ImGuiCol_Separator));
        const std::string v = format_value(value, decimals, "");
        dl->AddText(ImVec2(p.x + l.label_w + l.bar_w + 6, text_y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                    signed_text(value, v).c_str());
    }
    ImGui::InvisibleButton(id.c_str(), ImVec2(l.width, h));
    keyboard_ring_on_last_item();
}

// For a pillar score: what its components did, in score points (they add up
// to the total), each with its change in its own unit.
void draw_pillar_components(const tl::Attribution& at, const char* against, tl::Pillar pillar, tl::Bloc bloc,
                            int year_index) {
    const int p = static_cast<int>(pillar);
    const auto parts = tl::pillar_component_changes(at.scenario, at.reference, pillar, bloc, year_index);
    double scale = 1e-12;
    for (const auto& c : parts) scale = std::max(scale, std::fabs(c.points));
    ImGui::Spacing();
    section_heading("What the score is made of", pillar_color(pillar));
    const BarLayout layout = bar_layout();
    for (int k = 0; k < tl::kPillarComponentCount[p]; ++k) {
        const tl::PillarComponentDef& d = tl::kPillarComponents[p][k];
        // A component the bloc's score leaves out (weight 0) is named as such,
        // so that a moved indicator with no points does not look like a bug.
        draw_bar(layout, std::string(d.name), parts[k].points, scale, pillar_color(pillar, 0.85f), 1,
                 "##component" + std::to_string(k), parts[k].counted ? nullptr : "not counted");
        if (ImGui::IsItemHovered()) {
            if (parts[k].counted)
                wrapped_tooltip("%s: %s vs %s, %+.1f score points. %s", std::string(d.name).c_str(),
                                format_value(parts[k].value_change, 2, std::string(d.unit)).c_str(), against, parts[k].points,
                                std::string(d.meaning).c_str());
            else
                wrapped_tooltip("%s: %s vs %s. Not counted in %s's %s score: its weight for this bloc is 0 in the "
                                "parameter table (Assumptions). %s",
                                std::string(d.name).c_str(), format_value(parts[k].value_change, 2, std::string(d.unit)).c_str(),
                                against, std::string(tl::kBlocShortNames[tl::idx(bloc)]).c_str(), std::string(tl::kPillarNames[p]).c_str(),
                                std::string(d.meaning).c_str());
        }
    }
}

}  // namespace

void draw_why(app::AppState& state) {
    const app::ModelView& view = state.view();
    auto& settings = state.settings;
    const tl::Scenario& s = state.scenario();
    const tl::Bloc bloc = settings.shown_bloc;
    // With a preset loaded the baseline is the preset (the charts' dashed
    // line, the tick under each slider), while the story and the scores
    // measure from 2024: the user picks which this panel explains.
    const tl::Preset* preset = tl::preset_beyond_status_quo(s);
    const bool from_preset = preset != nullptr;
    const bool from_2024 = from_preset && settings.why_from_2024;
    const tl::Attribution& at = from_2024 ? view.story_attribution : view.attribution;
    const char* against = from_2024 ? "2024" : from_preset ? "the preset" : "baseline";
    const int years = view.scenario.years;
    int year_index = settings.why_year < 0 ? years - 1 : std::clamp(settings.why_year - tl::kBaseYear, 0, years - 1);
    const tl::IndicatorDef& def = tl::indicator_def(settings.why_indicator);

    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.62f);
    if (begin_combo("Why indicator", "##why_indicator", std::string(def.name).c_str())) {
        for (int i = 0; i < tl::kIndicatorCount; ++i)
            if (list_entry(std::string(tl::kIndicators[i].name).c_str(), settings.why_indicator == tl::Indicator(i)))
                settings.why_indicator = tl::Indicator(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    int year = tl::kBaseYear + year_index;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##why_year", &year, tl::kBaseYear, tl::kBaseYear + years - 1, "in %d"))
        settings.why_year = year;

    if (from_preset) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Against");
        ImGui::SameLine();
        const float choices_x = ImGui::GetCursorPosX();
        if (ImGui::RadioButton("the preset", !settings.why_from_2024)) settings.why_from_2024 = false;
        if (ImGui::IsItemHovered()) wrapped_tooltip("What your moves changed from %s (the tick under each slider)", preset->name.c_str());
        const char* from_2024_label = "2024 (as the story)";
        const float radio_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                              ImGui::CalcTextSize(from_2024_label).x;  // a radio: its circle and label
        if (fits_on_line(radio_w)) ImGui::SameLine();
        else ImGui::SetCursorPosX(choices_x);  // under the first choice, a column of two
        if (ImGui::RadioButton(from_2024_label, settings.why_from_2024)) settings.why_from_2024 = true;
        if (ImGui::IsItemHovered())
            wrapped_tooltip("What the preset and your moves changed from the status quo of 2024, the yardstick of the "
                            "scores and the story");
    }

    double total = at.changes.empty() ? 0.0 : at.total(settings.why_indicator, bloc, year_index);
    ImGui::PushFont(platform::font_bold());
    // Signed, and a score's change in points ("+1 point", not "1").
    const bool score = def.unit == "0-100";
    std::string change = signed_text(total, format_value(total, def.decimals, score ? "" : std::string(def.unit)));
    if (score) change += change == "+1" || change == "-1" ? " point" : " points";
    ImGui::Text("%s vs %s: %s", std::string(tl::kBlocShortNames[tl::idx(bloc)]).c_str(), against, change.c_str());
    ImGui::PopFont();
    if (at.changes.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("No lever differs from %s yet. Move a lever and this panel shows how much each change "
                           "contributed.%s",
                           from_preset ? ("the preset " + preset->name).c_str() : "the baseline",
                           from_preset ? " Choose 2024 above to see what the preset itself changed, as the story tells it."
                                       : "");
        ImGui::PopStyleColor();
        return;
    }

    struct Row {
        std::string label;
        double value;
        tl::Pillar pillar;
        const tl::StoryClaim* reason;  // the mechanism through which the lever moves this indicator's pillar
    };
    const tl::Pillar why_pillar = indicator_pillar(settings.why_indicator);
    std::vector<Row> rows;
    for (std::size_t c = 0; c < at.changes.size(); ++c) {
        const auto& ch = at.changes[c];
        const tl::SlotInfo info = tl::slot_info(ch.slot);
        std::string label = tl::lever_def(info.lever).name;
        if (info.sector >= 0) label += " (" + std::string(tl::kSectorShortNames[info.sector]) + ")";
        if (ch.bloc != tl::idx(s.seat)) label = std::string(tl::kBlocShortNames[ch.bloc]) + ": " + label;
        rows.push_back({label, at.share(c, settings.why_indicator, bloc, year_index),
                        tl::lever_def(tl::slot_info(ch.slot).lever).pillar, &tl::lever_mechanism(ch, why_pillar, bloc)});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return std::fabs(a.value) > std::fabs(b.value); });
    // Up to ten bars, and none for a change too small to show at this
    // indicator's precision (a "0" with its mechanism's paragraph under it).
    const double visible = 0.5 * std::pow(10.0, -def.decimals);
    std::size_t shown = 0;
    while (shown < std::min<std::size_t>(rows.size(), 10) && std::fabs(rows[shown].value) >= visible) ++shown;
    double scale = 1e-12;
    for (std::size_t k = 0; k < shown; ++k) scale = std::max(scale, std::fabs(rows[k].value));

    const BarLayout layout = bar_layout();
    for (std::size_t k = 0; k < shown; ++k) {
        const Row& r = rows[k];
        draw_bar(layout, r.label, r.value, scale, pillar_color(r.pillar, 0.85f), def.decimals, "##row" + std::to_string(k));
        if (ImGui::IsItemHovered())
            tooltip_with_source(r.label + ": " + format_value(r.value, def.decimals + 1, std::string(def.unit)) + ". " +
                                    r.reason->text + ".",
                                "Source", r.reason->source);
        // Why, in one line under the bar: the mechanism, in the sources' words.
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(r.reason->text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (rows.size() > shown) {
        double rest = 0;
        for (std::size_t k = shown; k < rows.size(); ++k) rest += rows[k].value;
        const std::size_t n = rows.size() - shown;
        const std::string other = shown ? " other" : "";
        const std::string what = std::to_string(n) + other + (n == 1 ? " change" : " changes");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        if (std::fabs(rest) < visible && std::fabs(rows[shown].value) < visible)
            ImGui::TextWrapped("%s: %s", what.c_str(), n == 1 ? "too small to show" : "each too small to show");
        else
            ImGui::TextWrapped("%s together: %s", what.c_str(),
                               signed_text(rest, format_value(rest, def.decimals, std::string(def.unit))).c_str());
        ImGui::PopStyleColor();
    }
    if (settings.why_indicator >= tl::Indicator::ProtectScore)
        draw_pillar_components(at, against, indicator_pillar(settings.why_indicator), bloc, year_index);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Bars add up to the total. Levers interact, so each bar is the lever's average effect when the "
                       "changes are switched on one by one, in both orders.");
    ImGui::PopStyleColor();
}

}  // namespace ui

// Assumptions: the model's uncertain parameters, separate from the policy
// levers. Each moves between its low, central and high value (the ranges of
// assets/parameters.json) and moves the baseline too, so the charts can show
// the default baseline and the modified one apart from the scenario.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/chart.h"
#include "app/panels.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {
namespace {

// "Which assumptions matter most": each uncertain parameter moved alone to
// its low and high end, ranked by how far it moves a pillar of the seat at
// the horizon (tl::tornado). Collapsed by default: it costs two runs per
// parameter when opened after a change.
void draw_tornado(app::AppState& state) {
    auto& settings = state.settings;
    if (!ImGui::CollapsingHeader("Which matter most?")) return;
    for (int p = 0; p < tl::kPillarCount; ++p) {
        const std::string name(tl::kPillarNames[p]);
        if (p)
            same_line_if_fits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                              ImGui::CalcTextSize(name.c_str()).x);
        if (ImGui::RadioButton(name.c_str(), settings.tornado_pillar == p))
            settings.tornado_pillar = p;
    }
    const tl::Pillar pillar = static_cast<tl::Pillar>(settings.tornado_pillar);
    const auto& bars = state.tornado(pillar);
    double widest = 0;
    for (const auto& b : bars) widest = std::max(widest, std::fabs(b.high - b.low));
    if (widest < 0.05) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("No assumption moves this score: the score measures your levers against the baseline, and "
                           "no lever differs from it yet. Move a lever to see which assumptions your result rests on.");
        ImGui::PopStyleColor();
        return;
    }
    const double central = bars.front().central;
    double lo = central, hi = central;
    for (const auto& b : bars) lo = std::min({lo, b.low, b.high}), hi = std::max({hi, b.low, b.high});
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s score %.1f at your assumptions. Each bar: one assumption at its low end (light) and its "
                       "high end (dark), the others unchanged.",
                       std::string(tl::kPillarNames[settings.tornado_pillar]).c_str(), central);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
    const std::size_t shown = std::min<std::size_t>(bars.size(), 8);
    // Names beside their bars where every name fits; else each name whole on
    // its own line above a bar as wide as the panel (a laptop's side panel,
    // large text: a cut name does not say which assumption it is).
    float label_w = std::min(w * 0.55f, font * 14.0f);
    for (std::size_t k = 0; k < shown; ++k)
        if (ImGui::CalcTextSize(tl::param_defs()[bars[k].param].name.c_str()).x > label_w - 8) label_w = 0;
    const float bar_w = w - label_w - (label_w > 0 ? font * 0.5f : 0.0f);
    const auto x_of = [&](double v) { return static_cast<float>((v - lo) / std::max(hi - lo, 1e-9)) * bar_w; };
    for (std::size_t k = 0; k < shown; ++k) {
        const tl::TornadoBar& b = bars[k];
        if (std::fabs(b.high - b.low) < 0.05) break;
        const tl::ParamDef& d = tl::param_defs()[b.param];
        if (label_w == 0) wrapped_text(d.name);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = font * 1.35f, x0 = p.x + label_w;
        if (label_w > 0)
            dl->AddText(ImVec2(p.x, p.y + (h - font) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), d.name.c_str());
        const float xc = x0 + x_of(central);
        for (const auto& [value, alpha] : {std::pair{b.low, 0.45f}, std::pair{b.high, 0.95f}}) {
            const float x = x0 + x_of(value);
            dl->AddRectFilled(ImVec2(std::min(xc, x), p.y + 3), ImVec2(std::max(xc, x), p.y + h - 3),
                              pillar_color(pillar, alpha), 2.0f);
        }
        dl->AddLine(ImVec2(xc, p.y), ImVec2(xc, p.y + h), ImGui::GetColorU32(ImGuiCol_Text));
        ImGui::InvisibleButton(("##tornado" + std::to_string(k)).c_str(), ImVec2(w, h));
        keyboard_ring_on_last_item();
        if (ImGui::IsItemHovered())
            wrapped_tooltip("%s: %s %.1f at its low end, %.1f at its high end (%.1f at your assumptions).",
                            d.name.c_str(), std::string(tl::kPillarNames[settings.tornado_pillar]).c_str(), b.low,
                            b.high, central);
    }
    // The scale under the bars: the score at their outer ends and at your
    // assumptions (the line), so a bar's length reads without a hover (touch).
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float x0 = p.x + label_w, xc = x0 + x_of(central);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    char low[16], mid[16], high[16];
    std::snprintf(low, sizeof low, "%.1f", lo);
    std::snprintf(mid, sizeof mid, "%.1f", central);
    std::snprintf(high, sizeof high, "%.1f", hi);
    const float low_w = ImGui::CalcTextSize(low).x, mid_w = ImGui::CalcTextSize(mid).x, high_w = ImGui::CalcTextSize(high).x;
    dl->AddText(ImVec2(x0, p.y), muted, low);
    dl->AddText(ImVec2(x0 + bar_w - high_w, p.y), muted, high);
    // The central value under its line, where it clears the two ends.
    const float mid_x = std::min(std::max(xc - mid_w * 0.5f, x0 + low_w + font * 0.5f), x0 + bar_w - high_w - mid_w - font * 0.5f);
    if (mid_x >= x0 + low_w + font * 0.5f - 0.5f && mid_x + mid_w <= x0 + bar_w - high_w - font * 0.5f + 0.5f)
        dl->AddText(ImVec2(mid_x, p.y), ImGui::GetColorU32(ImGuiCol_Text), mid);
    ImGui::Dummy(ImVec2(w, font * 1.3f));
}

}  // namespace

void draw_assumptions(app::AppState& state, ImGuiTextFilter& filter) {
    const tl::Scenario& s = state.scenario();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    // (Short: on a phone the ranking below must stay in view.) Drawn "near
    // your settings", an assumption set at an end of its range puts the line
    // at the edge of the bands, or past it.
    ImGui::TextWrapped("Uncertain parameters of the model. Moving one changes the baseline as well as your scenario; "
                       "the uncertainty bands draw all of them between low and high, most often near your settings.");
    ImGui::PopStyleColor();
    bool any = !(s.assumptions == tl::central_assumptions());
    ImGui::BeginDisabled(!any);
    if (ImGui::Button("Reset assumptions")) state.reset_assumptions();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##filter", "Filter by name", filter.InputBuf, IM_ARRAYSIZE(filter.InputBuf)))
        filter.Build();
    note_text_field();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Filter by name");
    draw_tornado(state);
    ImGui::Separator();

    for (const auto& d : tl::param_defs()) {
        if (!d.uncertain() || !filter.PassFilter(d.name.c_str())) continue;
        int i = static_cast<int>(d.id);
        ImGui::PushID(i);
        double pos = s.assumptions[i];
        bool moved = pos != 0.0;
        // The mark goes with the name's last word (no-break spaces): alone on a line it reads as a bullet.
        ImGui::TextWrapped("%s%s", d.name.c_str(), moved ? "\xC2\xA0\xC2\xA0\xE2\x97\x8F" : "");
        if (ImGui::IsItemHovered()) {
            place_tooltip_beside_focus();
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(tooltip_wrap_width());
            ImGui::Text("In %s%s", d.unit.c_str(), d.assumption ? "; an assumption, adjustable" : "");
            ImGui::TextDisabled("Command line: --assume %s=<-1 low .. 0 central .. 1 high>", d.key.c_str());
            if (!d.note.empty()) ImGui::TextUnformatted(d.note.c_str());
            ImGui::TextDisabled("Source: %s", d.source.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        char fmt[96];
        if (d.dim == 1) {
            char number[32];
            std::snprintf(number, sizeof number, "%.3g", tl::param_value_at(d, 0, pos));
            std::snprintf(fmt, sizeof fmt, "%s", with_unit(number, d.unit).c_str());  // "$400M per year"
        } else
            std::snprintf(fmt, sizeof fmt, "%s", pos == 0 ? "central" : pos < 0 ? (pos <= -1 ? "low" : "toward low")
                                                                          : (pos >= 1 ? "high" : "toward high"));
        float f = static_cast<float>(pos);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##pos", &f, -1.0f, 1.0f, "", ImGuiSliderFlags_AlwaysClamp)) {
            double snapped = std::round(f * 20.0) / 20.0;  // steps of 0.05 between low and high
            state.edit_assumption(i, snapped);
        }
        draw_slider_value(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), (f + 1.0f) * 0.5f, fmt,
                          ImGui::GetColorU32(ImGuiCol_Text));
        if (ImGui::IsItemDeactivatedAfterEdit()) state.commit_edit();
        if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && d.dim == 1)
            ImGui::SetTooltip("low %.3g · central %.3g · high %.3g %s", d.low[0], d.central[0], d.high[0], d.unit.c_str());
        ImGui::PopID();
    }
}

}  // namespace ui

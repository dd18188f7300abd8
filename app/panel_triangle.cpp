// The trilemma triangle. Each corner is one objective at 100; the centre is 0.
// A scenario is drawn as the triangle through its three scores, so a mix that
// is strong on two objectives reaches toward the edge between their corners.
// The shaded region is the feasible frontier: everything the seat's levers can
// reach (the union of the non-dominated mixes found by sampling). Top marks on
// all three — the outer triangle — stay out of reach: that is the trilemma.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "app/panels.h"
#include "app/platform.h"
#include "app/theme.h"
#include "app/triangle.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

namespace {

float cross(ImVec2 a, ImVec2 b) { return a.x * b.y - a.y * b.x; }

// Distance from the centre along direction d to the edge of the triangle
// with the given scores (relative vertices).
float ray_extent(const TriangleGeometry& g, const tl::TrilemmaScores& s, ImVec2 d) {
    float best = 0;
    for (int i = 0; i < 3; ++i) {
        ImVec2 p = g.point(i, s[i]), q = g.point((i + 1) % 3, s[(i + 1) % 3]);
        p = ImVec2(p.x - g.center.x, p.y - g.center.y);
        q = ImVec2(q.x - g.center.x, q.y - g.center.y);
        ImVec2 e(q.x - p.x, q.y - p.y);
        float den = cross(d, e);
        if (std::fabs(den) < 1e-6f) continue;
        float t = cross(p, e) / den, u = cross(p, d) / den;
        if (t >= 0 && u >= -1e-4f && u <= 1 + 1e-4f) best = std::max(best, t);
    }
    return best;
}

// The drawing's height for its width: the triangle (its height is 1.5 radii,
// the radius half the width less the room for the side labels) and the
// labels above and below it.
constexpr float kHeightPerWidth = 0.75f;
// The smallest width, in font sizes, at which "Promote 100" and "Partner 100"
// stay apart under their corners.
constexpr float kMinWidthInFonts = 13.0f;
float drawing_height(float w) { return w * kHeightPerWidth + ImGui::GetFontSize() * 0.6f + 6.0f; }

}  // namespace

float triangle_size_to_fit(float width, float height) {
    // Room for the trilemma selector above, and below for the legend and the
    // line of what is reachable (up to two wrapped lines each).
    const float text = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 4;
    return std::min(width, (height - text - drawing_height(0)) / kHeightPerWidth);
}

void draw_triangle(app::AppState& state, TriangleTrail& trail, float size) {
    const app::ModelView& view = state.view();
    auto& settings = state.settings;
    const tl::Scenario& s = state.scenario();
    const tl::TrilemmaDef& def = tl::trilemma_def(settings.trilemma);
    const int year = view.scenario.years - 1;

    // Never so small that the corner labels run into each other (a
    // presenter's or a phone's short screen at large text: the panel scrolls).
    const float font = ImGui::GetFontSize();
    size = std::min(std::max(size, kMinWidthInFonts * font), ImGui::GetContentRegionAvail().x);

    // Which triangle: a selector as wide as the triangle or as its name
    // needs, with room for the "(?)" beside it.
    const float combo_w = std::min(std::max(size, 20.0f * font), ImGui::GetContentRegionAvail().x) - ImGui::CalcTextSize("(?)").x -
                          ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(combo_w);
    if (begin_combo("Trilemma", "##trilemma", fit_preview(std::string(def.name), combo_w).c_str())) {
        for (int t = 0; t < tl::kTrilemmaCount; ++t)
            if (list_entry(std::string(tl::trilemma_def(tl::TrilemmaId(t)).name).c_str(),
                                  settings.trilemma == tl::TrilemmaId(t)))
                settings.trilemma = tl::TrilemmaId(t);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    help_marker((std::string(def.source) +
                 ". Each corner is one objective at 100, the centre 0. Your mix is the coloured triangle; the dashed one "
                 "is the baseline; the grey region is what the levers of your seat can reach (random mixes, then a "
                 "search toward each corner, each pair and all three). No mix fills the outer triangle. The line "
                 "under the triangle gives the best found: how far all three together fall short of any two is "
                 "what balance costs.")
                    .c_str());

    tl::TrilemmaScores now = tl::trilemma_scores(settings.trilemma, s, view.scenario, s.seat, year);
    tl::TrilemmaScores base = tl::trilemma_scores(settings.trilemma, tl::baseline_of(s), view.baseline, s.seat, year);

    // A short trail of recent positions.
    if (trail.trilemma != settings.trilemma) trail.points.clear(), trail.trilemma = settings.trilemma;
    if (state.revision() != trail.revision) {
        trail.revision = state.revision();
        if (trail.points.empty() || trail.points.back() != now) trail.points.push_back(now);
        while (trail.points.size() > 8) trail.points.pop_front();
    }

    const float w = size;
    const float h = drawing_height(w);
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##triangle", ImVec2(w, h));
    keyboard_ring_on_last_item();
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    TriangleGeometry g;
    g.radius = std::min(w * 0.5f - font * 1.5f, (h - font * 3.0f) / 1.5f);
    g.center = ImVec2(p0.x + w * 0.5f, p0.y + font * 1.4f + g.radius);
    const float pi = 3.14159265f;

    const ImU32 corner_color[3] = {
        settings.trilemma == tl::TrilemmaId::EconomicSecurity ? pillar_color(tl::Pillar::Protect) : theme::ink().data_corner[0],
        settings.trilemma == tl::TrilemmaId::EconomicSecurity ? pillar_color(tl::Pillar::Promote) : theme::ink().data_corner[1],
        settings.trilemma == tl::TrilemmaId::EconomicSecurity ? pillar_color(tl::Pillar::Partner) : theme::ink().data_corner[2]};
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator, 0.6f);

    // Frontier: outer envelope of the non-dominated mixes.
    if (!view.frontier.pareto.empty() && view.frontier.trilemma == settings.trilemma) {
        constexpr int kRays = 96;
        ImVec2 env[kRays];
        for (int k = 0; k < kRays; ++k) {
            float ang = 2 * pi * k / kRays;
            ImVec2 d(std::cos(ang), std::sin(ang));
            float r = 0;
            for (int i : view.frontier.pareto) r = std::max(r, ray_extent(g, view.frontier.samples[i], d));
            env[k] = ImVec2(g.center.x + d.x * r, g.center.y + d.y * r);
        }
        for (int k = 0; k < kRays; ++k)
            dl->AddTriangleFilled(g.center, env[k], env[(k + 1) % kRays], ImGui::GetColorU32(ImGuiCol_Text, 0.07f));
        dl->AddPolyline(env, kRays, ImGui::GetColorU32(ImGuiCol_Text, 0.25f), ImDrawFlags_Closed, 1.0f);
    }
    // Grid: 25/50/75/100 triangles and the axes.
    for (int level = 1; level <= 4; ++level) {
        draw_mix(dl, g, ring(level * 25.0), 0, level == 4 ? ImGui::GetColorU32(ImGuiCol_Border) : grid, level == 4 ? 1.5f : 1.0f,
                level != 4);
    }
    for (int i = 0; i < 3; ++i) dl->AddLine(g.center, g.point(i, 100), grid, 1.0f);

    // Trail, baseline, pinned, scenario.
    for (std::size_t k = 0; k + 1 < trail.points.size(); ++k)
        draw_mix(dl, g, trail.points[k], 0, ImGui::GetColorU32(ImGuiCol_Text, 0.06f + 0.03f * k), 1.0f, false);
    draw_mix(dl, g, base, 0, ImGui::GetColorU32(ImGuiCol_Text, 0.55f), 1.5f, true);
    if (state.pinned && view.pinned.years > 0) {
        tl::TrilemmaScores pin = tl::trilemma_scores(settings.trilemma, *state.pinned, view.pinned, state.pinned->seat,
                                                     view.pinned.years - 1);
        draw_mix(dl, g, pin, (compare_color() & 0x00FFFFFF) | 0x22000000, compare_color(), 2.0f, false);
    }
    draw_mix(dl, g, now, (theme::ink().accent & 0x00FFFFFF) | 0x30000000, theme::ink().accent, 2.5f, false);
    for (int i = 0; i < 3; ++i) {
        dl->AddCircleFilled(g.point(i, now[i]), 5.5f, corner_color[i]);
        dl->AddCircle(g.point(i, now[i]), 5.5f, IM_COL32_WHITE, 0, 1.5f);
    }

    // Corner labels with the scores.
    for (int i = 0; i < 3; ++i) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s %.0f", std::string(def.corners[i]).c_str(), now[i]);
        ImVec2 c = g.point(i, 100);
        ImVec2 ts = ImGui::CalcTextSize(buf);
        ImVec2 at = i == 0 ? ImVec2(c.x - ts.x * 0.5f, c.y - ts.y - 4)
                           : ImVec2(std::clamp(c.x - ts.x * 0.5f, p0.x, p0.x + w - ts.x), c.y + 6);
        ImGui::PushFont(platform::font_bold());
        dl->AddText(at, corner_color[i], buf);
        ImGui::PopFont();
    }
    if (hovered) {
        place_tooltip_beside_focus();
        ImGui::BeginTooltip();
        ImGui::Text("At the horizon (%d):", view.scenario.year(year));
        for (int i = 0; i < 3; ++i)
            ImGui::Text("%s: %.0f (baseline %.0f, %+.0f)", std::string(def.corners[i]).c_str(), now[i], base[i],
                        now[i] - base[i]);
        ImGui::TextDisabled("Grey: the best of %zu mixes of your levers tried%s", view.frontier.samples.size(),
                            view.frontier_ready ? "" : " so far");
        ImGui::EndTooltip();
    }
    // Legend.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Solid: your mix · dashed: baseline · grey: reachable%s", state.pinned ? " · purple: pinned" : "");
    // The trade-off in numbers: what balance costs against any two.
    // Your own mix counts too: a room may find a better one than the climb did.
    tl::SeatTrilemma reach = view.frontier_reach;
    reach.include(now);
    // Numbers only once the search is done: the first ones found are
    // overturned by later ones (63-85 became 83-88), and a room would read them.
    if (view.frontier.trilemma == settings.trilemma && !view.frontier_ready) {
        ImGui::TextWrapped("Best reachable by %d: searching\xE2\x80\xA6", view.scenario.year(year));
    } else if (view.frontier.trilemma == settings.trilemma && view.frontier_reach.all > 0) {
        const double best_pair = std::max({reach.pair[0], reach.pair[1], reach.pair[2]});
        ImGui::TextWrapped("Best reachable by %d: any two together %.0f–%.0f, all three %.0f.", view.scenario.year(year),
                           reach.weakest_pair(), best_pair, reach.all);
    }
    ImGui::PopStyleColor();
}

namespace {

// The strip's pieces, shared by the strip and by the header asking whether it fits a row.
constexpr float kStripGap = 12.0f;
float strip_dot() { return ImGui::GetFontSize() * 0.8f; }  // the pillar's dot and its space, with the text size
std::string strip_name(int p, bool short_name) {
    return short_name ? std::string(pillar_abbreviation(tl::Pillar(p))) : std::string(tl::kPillarNames[p]);
}
float strip_name_width(bool short_names) {  // the widest "Promote 99" (bold)
    ImGui::PushFont(platform::font_bold());
    float name_w = 0;
    for (int p = 0; p < tl::kPillarCount; ++p)
        name_w = std::max(name_w, ImGui::CalcTextSize((strip_name(p, short_names) + " 99").c_str()).x);
    ImGui::PopFont();
    return name_w;
}

}  // namespace

float score_strip_row_width() {
    return tl::kPillarCount * (strip_dot() + strip_name_width(true)) + (tl::kPillarCount - 1) * kStripGap;
}

void draw_score_strip(app::AppState& state, bool abbreviate) {
    const app::ModelView& view = state.view();
    const tl::Bloc b = state.scenario().seat;
    const int y = view.scenario.years - 1;
    // A fixed cell per pillar, wide enough for its widest text ("Promote 99
    // ▼99": a score stays below 100, so does a change), so the strip keeps its
    // rows when the values change (a move must not push the screen down).
    const float gap = kStripGap, dot = strip_dot();
    const float delta_w = 4 + ImGui::CalcTextSize("\xE2\x96\xBC" "99").x;
    const float short_name_w = abbreviate ? strip_name_width(true) : 0.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const auto fitting = [&](float cell) { return std::max(1, static_cast<int>((avail + gap) / (cell + gap))); };
    float cell = dot + strip_name_width(false) + delta_w;
    int per_row = fitting(cell);
    bool short_names = false;
    if (abbreviate && per_row < tl::kPillarCount && fitting(dot + short_name_w + delta_w) > per_row) {
        short_names = true;
        cell = dot + short_name_w + delta_w;
        per_row = fitting(cell);
    }
    // A narrow phone (360 px, or larger text): fewer rows when the short
    // names and scores fit without the changes; the changes then only where
    // every one fits beside its score (below).
    bool deltas_fit = true, show_deltas = true;
    if (abbreviate && per_row < tl::kPillarCount && fitting(dot + short_name_w) > per_row) {
        short_names = true;
        per_row = std::min(tl::kPillarCount, fitting(dot + short_name_w));
        cell = (avail - gap * (per_row - 1)) / per_row;
        deltas_fit = false;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const auto score_text = [&](int p) {
        char text[48];
        std::snprintf(text, sizeof text, "%s %.0f", strip_name(p, short_names).c_str(),
                      view.scenario.at(tl::pillar_indicator(tl::Pillar(p)), b, y));
        return std::string(text);
    };
    const auto delta_text = [&](int p) {
        const tl::Indicator ind = tl::pillar_indicator(tl::Pillar(p));
        const double d = view.scenario.at(ind, b, y) - view.baseline.at(ind, b, y);
        char text[16] = "";
        if (std::fabs(d) >= 0.5) std::snprintf(text, sizeof text, "%s%.0f", d > 0 ? "\xE2\x96\xB2" : "\xE2\x96\xBC", std::fabs(d));
        return std::string(text);
    };
    // Where the cells leave no room for every change, no change is shown: a
    // change shown for one pillar and not another read as "this one did not move".
    if (!deltas_fit) {
        float score_w[tl::kPillarCount];
        ImGui::PushFont(platform::font_bold());
        for (int p = 0; p < tl::kPillarCount; ++p) score_w[p] = ImGui::CalcTextSize(score_text(p).c_str()).x;
        ImGui::PopFont();
        for (int p = 0; p < tl::kPillarCount; ++p) {
            const std::string d = delta_text(p);
            show_deltas = show_deltas && (d.empty() || dot + score_w[p] + 4 + ImGui::CalcTextSize(d.c_str()).x <= cell);
        }
    }
    for (int p = 0; p < tl::kPillarCount; ++p) {
        const ImVec2 pos(origin.x + (p % per_row) * (cell + gap), origin.y + (p / per_row) * line);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + dot, pos.y));
        ImGui::PushFont(platform::font_bold());
        ImGui::TextUnformatted(score_text(p).c_str());
        // Centred on the text as drawn: beside a button the row's text sits lower.
        const float radius = dot * 0.36f;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + radius, (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) * 0.5f),
                                                    radius, pillar_color(tl::Pillar(p)));
        if (short_names && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(tl::kPillarNames[p]).c_str());
        ImGui::PopFont();
        const std::string delta_shown = delta_text(p);
        const char* delta = delta_shown.c_str();
        if (!delta_shown.empty() && show_deltas) {
            ImGui::SameLine(0, 4);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ImGui::GetColorU32(ImGuiCol_TextDisabled)), "%s", delta);
            // After a change of seat the marks can come from levers moved as
            // another bloc: say so, rather than leave a move nobody made here.
            if (ImGui::IsItemHovered()) {
                std::string others;
                for (int ob = 0; ob < tl::kBlocCount; ++ob) {
                    if (ob == tl::idx(b)) continue;
                    for (int slot = 0; slot < tl::kSlotCount; ++slot)
                        if (state.lever_changed(ob, slot)) {
                            others += (others.empty() ? "" : ", ") + std::string(tl::kBlocShortNames[ob]);
                            break;
                        }
                }
                wrapped_tooltip("Change from the baseline (the preset's levers).%s",
                                others.empty() ? ""
                                               : (" It includes the levers you moved for " + others +
                                                  ", which act on this bloc too.")
                                                     .c_str());
            }
        }
    }
}

}  // namespace ui

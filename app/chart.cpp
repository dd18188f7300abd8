#include "app/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/platform.h"
#include "app/screen_audit.h"
#include "app/theme.h"
#include "app/ui_common.h"

namespace ui {

std::vector<double> nice_ticks(double lo, double hi, int target, double* nice_lo, double* nice_hi) {
    if (!(hi > lo)) {
        double pad = std::max(1.0, std::fabs(lo) * 0.1);
        lo -= pad;
        hi += pad;
    }
    double raw = (hi - lo) / std::max(1, target);
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double norm = raw / mag;
    double step = (norm < 1.5 ? 1.0 : norm < 3.0 ? 2.0 : norm < 7.0 ? 5.0 : 10.0) * mag;
    double a = std::floor(lo / step) * step, b = std::ceil(hi / step) * step;
    std::vector<double> ticks;
    for (double v = a; v <= b + step * 0.5 && ticks.size() < 50; v += step) ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    *nice_lo = a;
    *nice_hi = b;
    return ticks;
}

void add_dashed_polyline(ImDrawList* dl, const ImVec2* pts, int n, ImU32 color, float thickness, float dash, float gap) {
    float carry = 0.0f;  // distance into the current dash/gap cycle
    for (int i = 0; i + 1 < n; ++i) {
        ImVec2 a = pts[i], b = pts[i + 1];
        float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        if (len <= 0) continue;
        float pos = 0;
        while (pos < len) {
            float cycle = dash + gap, in_cycle = std::fmod(carry + pos, cycle);
            bool drawing = in_cycle < dash;
            float remain = drawing ? dash - in_cycle : cycle - in_cycle;
            float end = std::min(len, pos + remain);
            if (drawing)
                dl->AddLine(ImVec2(a.x + dx * pos / len, a.y + dy * pos / len), ImVec2(a.x + dx * end / len, a.y + dy * end / len),
                            color, thickness);
            pos = end;
        }
        carry = std::fmod(carry + len, dash + gap);
    }
}

std::string format_value(double v, int decimals, const std::string& unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0" || s == "-0.0" || s == "-0.00") s = s.substr(1);
    return with_unit(s, unit);
}

std::string with_unit(const std::string& number, const std::string& unit) {
    if (unit.empty() || unit == "0-100" || unit == "index") return number;
    if (unit == "index pts") return number + " pts";
    if (unit == "%") return number + "%";
    if (unit.rfind("$", 0) == 0) {  // "$bn/yr" -> "$12bn/yr"
        return (number.rfind("-", 0) == 0 ? "-$" + number.substr(1) : "$" + number) + unit.substr(1);
    }
    if (unit == "% of GDP") return number + "% of GDP";
    return number + " " + unit;
}

namespace {
constexpr const char* kObservedLabel = "Observed (sources)";
// A hollow diamond: observed values stand apart from the model's lines.
void observed_marker(ImDrawList* dl, ImVec2 c, float r, ImU32 color) {
    const ImVec2 q[4] = {ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y)};
    dl->AddConvexPolyFilled(q, 4, ImGui::GetColorU32(ImGuiCol_ChildBg));
    dl->AddPolyline(q, 4, color, ImDrawFlags_Closed, 2.0f);
}
}  // namespace

ChartResult chart(const char* id, const ChartSpec& spec) {
    ChartResult result;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = spec.width > 0 ? spec.width : ImGui::GetContentRegionAvail().x;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float font = ImGui::GetFontSize();
    // The legend wraps on narrow charts: grow the card so the plot keeps room.
    // A finger-sized button right of the title reaches down beside the
    // legend's first line: that line keeps clear of it too.
    const float first_line_reserve = platform::frame_info().touch ? spec.title_reserve : 0.0f;
    int legend_lines = 1;
    {
        float x = 0, limit = width - 24;
        auto item = [&](const std::string& label) {
            float w = 24 + ImGui::CalcTextSize(label.c_str()).x + 14;
            if (x > 0 && x + w > limit - (legend_lines == 1 ? first_line_reserve : 0.0f)) ++legend_lines, x = 0;
            x += w;
        };
        for (const auto& s : spec.series) item(s.label);
        for (const auto& b : spec.bands) item(b.label);
        if (!spec.observed.empty()) item(kObservedLabel);
    }
    const float height = std::max(spec.height, font * (legend_lines + 2.5f) + 12 + font * 8);
    const ImVec2 p1(p0.x + width, p0.y + height);

    // Card.
    dl->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_ChildBg), style.FrameRounding * 1.5f);
    dl->AddRect(p0, p1, spec.selected ? theme::ink().accent : ImGui::GetColorU32(ImGuiCol_Border),
                style.FrameRounding * 1.5f, 0, spec.selected ? 2.0f : 1.0f);

    // Title (clickable: selects the indicator for the Why panel) and legend.
    const float pad = 12.0f;
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad * 0.6f));
    ImGui::PushStyleColor(ImGuiCol_Button, 0);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, 1));
    const std::string unit = spec.unit.empty() ? "" : "  (" + spec.unit + ")";
    const std::string full_title = spec.title + unit;
    // Shortened on a narrow card (the tooltip has it whole): the name gives
    // way, first its bracketed detail ("Technology lead (chips, AI,
    // quantum)"), then its end with "…"; the unit stays (the axis has none).
    const float room = width - pad * 2 - spec.title_reserve - 4;
    const std::string name = spec.title.substr(0, spec.title.find(" ("));
    const std::string title = ImGui::CalcTextSize(full_title.c_str()).x <= room ? full_title
                              : ImGui::CalcTextSize((name + unit).c_str()).x <= room
                                  ? name + unit
                                  : fit_text(name, room - ImGui::CalcTextSize(unit.c_str()).x) + unit;
    if (ImGui::Button(title.c_str())) result.title_clicked = true;
    if (ImGui::IsItemHovered()) {
        if (title == full_title) ImGui::SetTooltip("Show why this indicator moved");
        else ImGui::SetTooltip("%s: show why it moved", full_title.c_str());
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);

    float legend_y = ImGui::GetCursorScreenPos().y + 2;
    float lx = p0.x + pad;
    const float first_legend_y = legend_y;
    auto legend_item = [&](const std::string& label, ImU32 color, bool dashed, bool band) {
        float w = ImGui::CalcTextSize(label.c_str()).x;
        if (lx + 26 + w > p1.x - pad - (legend_y == first_legend_y ? first_line_reserve : 0.0f)) {
            lx = p0.x + pad;
            legend_y += font + 2;
        }
        float cy = legend_y + font * 0.5f;
        if (band) {
            dl->AddRectFilled(ImVec2(lx, cy - 5), ImVec2(lx + 18, cy + 5), color, 2.0f);
            dl->AddRect(ImVec2(lx, cy - 5), ImVec2(lx + 18, cy + 5), color | IM_COL32_A_MASK, 2.0f);  // as the band's edge
        } else if (dashed) {
            ImVec2 seg[2] = {ImVec2(lx, cy), ImVec2(lx + 18, cy)};
            add_dashed_polyline(dl, seg, 2, color, 2.0f, 4.0f, 3.0f);
        } else
            dl->AddLine(ImVec2(lx, cy), ImVec2(lx + 18, cy), color, 2.5f);
        dl->AddText(ImVec2(lx + 24, legend_y), ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
        audit::drawn_text(ImVec2(lx + 24, legend_y), ImVec2(lx + 24 + w, legend_y + font), label.c_str(), p0, p1);
        lx += 24 + w + 14;
    };
    for (const auto& s : spec.series) legend_item(s.label, s.color, s.dashed, false);
    for (const auto& b : spec.bands) legend_item(b.label, b.color, false, true);
    const ImU32 observed_color = ImGui::GetColorU32(ImGuiCol_Text);
    if (!spec.observed.empty()) {
        const float w = ImGui::CalcTextSize(kObservedLabel).x;
        if (lx + 26 + w > p1.x - pad - (legend_y == first_legend_y ? first_line_reserve : 0.0f)) {
            lx = p0.x + pad;
            legend_y += font + 2;
        }
        observed_marker(dl, ImVec2(lx + 9, legend_y + font * 0.5f), 5.0f, observed_color);
        dl->AddText(ImVec2(lx + 24, legend_y), ImGui::GetColorU32(ImGuiCol_TextDisabled), kObservedLabel);
        audit::drawn_text(ImVec2(lx + 24, legend_y), ImVec2(lx + 24 + w, legend_y + font), kObservedLabel, p0, p1);
        lx += 24 + w + 14;
    }
    // Half a value label sits above the top grid line: keep it off the legend.
    float plot_top = legend_y + font * 1.5f + 8;

    // Value range over everything drawn.
    int n = 0;
    double lo = 1e300, hi = -1e300;
    for (const auto& s : spec.series) {
        n = std::max(n, s.start + static_cast<int>(s.y.size()));
        for (double v : s.y) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    for (const auto& b : spec.bands)
        for (std::size_t i = 0; i < b.lo.size(); ++i) lo = std::min(lo, b.lo[i]), hi = std::max(hi, b.hi[i]);
    for (const auto& o : spec.observed)
        if (o.year >= spec.first_year && o.year < spec.first_year + n) lo = std::min(lo, o.value), hi = std::max(hi, o.value);
    if (n < 2 || !(hi >= lo)) {
        ImGui::SetCursorScreenPos(p0);
        ImGui::Dummy(ImVec2(width, height));
        ImGui::PopID();
        return result;
    }
    // A flat series is not blown up to fill the chart: the axis spans at
    // least a few units of the indicator's last shown decimal.
    const double min_span = 2.0 * std::pow(10.0, 1 - spec.decimals);
    if (hi - lo < min_span) {
        const double mid = 0.5 * (hi + lo);
        lo = mid - 0.5 * min_span;
        hi = mid + 0.5 * min_span;
    }
    double margin = (hi - lo) * 0.08;
    double axis_lo, axis_hi;
    int tick_target = std::max(2, static_cast<int>((p1.y - plot_top) / (font * 2.2f)));
    std::vector<double> ticks = nice_ticks(std::max(lo - margin, spec.floor), std::min(hi + margin, spec.ceiling),
                                           tick_target, &axis_lo, &axis_hi);

    // Plot area: room for tick labels on the left and years below.
    // As many decimals as the tick step needs, so that no two labels read the same.
    const double tick_step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1.0;
    const int tick_decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(tick_step) - 1e-9)), 0, 4);
    float label_w = 0;
    for (double t : ticks) label_w = std::max(label_w, ImGui::CalcTextSize(format_value(t, tick_decimals, "").c_str()).x);
    const ImVec2 a(p0.x + pad + label_w + 8, plot_top);
    const ImVec2 b(p1.x - pad, p1.y - font - 10);
    auto X = [&](double i) { return a.x + static_cast<float>(i / (n - 1)) * (b.x - a.x); };
    auto Y = [&](double v) { return b.y - static_cast<float>((v - axis_lo) / (axis_hi - axis_lo)) * (b.y - a.y); };

    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator, 0.55f);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (double t : ticks) {
        float y = Y(t);
        if (y < a.y - 1 || y > b.y + 1) continue;
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), t == 0.0 ? ImGui::GetColorU32(ImGuiCol_Separator) : grid,
                    t == 0.0 ? 1.5f : 1.0f);
        std::string s = format_value(t, tick_decimals, "");
        const ImVec2 at(a.x - 6 - ImGui::CalcTextSize(s.c_str()).x, y - font * 0.5f);
        dl->AddText(at, muted, s.c_str());
        const ImVec2 size = ImGui::CalcTextSize(s.c_str());
        audit::drawn_text(at, ImVec2(at.x + size.x, at.y + size.y), s.c_str(), p0, p1);
    }
    // Year labels: every 1, 2, 5 or 10 years as room allows, always the
    // first and the last, and the year history ends (2024, the calibration
    // point: a '2025' beside the history's edge read as the edge); a label that would
    // touch one of those or its neighbour (larger text, a narrow card) is left
    // out. The first starts at the plot's left edge, clear of the lowest value
    // label beside it.
    const float per_year = (b.x - a.x) / (n - 1);
    const float year_w = ImGui::CalcTextSize("0000").x;
    const float gap = font * 0.8f;
    int year_step = 1;
    for (int step : {1, 2, 5, 10})
        if (year_step = step; per_year * step >= year_w + gap) break;
    auto year_x = [&](int i) {
        return std::clamp(X(i) - year_w * 0.5f, a.x, b.x - year_w);
    };
    // The history's end is labelled where it fits clear of the first and the
    // last label; where it does not (a phone at large text), the usual labels.
    int history_end = spec.history_years > 0 && spec.history_years < n - 1 ? spec.history_years : 0;
    const auto apart = [&](int i, int j) { return year_x(j) >= year_x(i) + year_w + gap; };
    if (history_end > 0 && !(apart(0, history_end) && apart(history_end, n - 1))) history_end = 0;
    const auto kept = [&](int i) { return i == 0 || i == n - 1 || i == history_end; };
    const auto touches_kept = [&](int i, float x) {
        for (int k : {history_end, n - 1})
            if (k > i && year_x(k) < x + year_w + gap) return true;
        return false;
    };
    float next_free = -1e9f;
    for (int i = 0; i < n; ++i) {
        const int year = spec.first_year + i;
        const bool last = i == n - 1;
        if (!kept(i) && year % year_step != 0) continue;
        const float x = year_x(i);
        if (x < next_free || (!last && touches_kept(i, x))) continue;  // would touch a neighbour
        char buf[8];
        std::snprintf(buf, sizeof buf, "%d", year);
        dl->AddText(ImVec2(x, b.y + 4), muted, buf);
        audit::drawn_text(ImVec2(x, b.y + 4), ImVec2(x + ImGui::CalcTextSize(buf).x, b.y + 4 + font), buf, p0, p1);
        next_free = x + year_w + gap;
    }
    if (spec.history_years > 0) {
        // History: a shaded span with its name, so that it reads as what happened, not as a choice.
        const float hx = X(std::min(spec.history_years, n - 1));
        dl->AddRectFilled(ImVec2(a.x, a.y), ImVec2(hx, b.y), ImGui::GetColorU32(ImGuiCol_Text, 0.06f));
        dl->AddLine(ImVec2(hx, a.y), ImVec2(hx, b.y), ImGui::GetColorU32(ImGuiCol_Text, 0.3f), 1.0f);
        // Named in a corner the lines and markers leave free (top, else bottom; none: the legend says it).
        const char* label = "History";
        const ImVec2 size = ImGui::CalcTextSize(label);
        auto free_at = [&](ImVec2 at) {
            const float x0 = at.x - 6, x1 = at.x + size.x + 6, y0 = at.y - 6, y1 = at.y + size.y + 6;
            auto inside = [&](ImVec2 q) { return q.x >= x0 && q.x <= x1 && q.y >= y0 && q.y <= y1; };
            for (const auto& sr : spec.series)
                for (std::size_t i = 0; i < sr.y.size(); ++i) {
                    const double k = sr.start + static_cast<double>(i);
                    if (k > spec.history_years) break;
                    if (inside(ImVec2(X(k), Y(sr.y[i])))) return false;
                    // The segment to the next point, sampled.
                    if (i + 1 < sr.y.size())
                        for (int f = 1; f < 8; ++f)
                            if (inside(ImVec2(X(k + f / 8.0), Y(sr.y[i] + (sr.y[i + 1] - sr.y[i]) * f / 8.0)))) return false;
                }
            for (const auto& o : spec.observed)
                if (inside(ImVec2(X(o.year - spec.first_year), Y(o.value)))) return false;
            return true;
        };
        if (size.x + 8 < hx - a.x)
            for (ImVec2 at : {ImVec2(hx - size.x - 4, a.y + 2), ImVec2(hx - size.x - 4, b.y - size.y - 2),
                              ImVec2(a.x + 4, a.y + 2), ImVec2(a.x + 4, b.y - size.y - 2)})
                if (free_at(at)) {
                    dl->AddText(at, muted, label);
                    audit::drawn_text(at, ImVec2(at.x + size.x, at.y + size.y), label, p0, p1);
                    break;
                }
    }
    if (spec.marker_year >= spec.first_year && spec.marker_year < spec.first_year + n) {
        float x = X(spec.marker_year - spec.first_year);
        dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), ImGui::GetColorU32(ImGuiCol_Separator), 1.0f);
    }
    if (spec.policy_start_year > spec.first_year && spec.policy_start_year < spec.first_year + n) {
        // Dashed, so it does not read as a data line; its name at the top where it fits.
        const float x = X(spec.policy_start_year - spec.first_year);
        const ImU32 c = ImGui::GetColorU32(ImGuiCol_Text, 0.55f);
        const ImVec2 ends[2] = {ImVec2(x, a.y), ImVec2(x, b.y)};
        add_dashed_polyline(dl, ends, 2, c, 1.0f, 4.0f, 4.0f);
        char label[16];
        std::snprintf(label, sizeof label, "From %d", spec.policy_start_year);
        const ImVec2 size = ImGui::CalcTextSize(label);
        // Right of the line, or left of it when the start is the chart's last years.
        const float left = x + 4 + size.x <= b.x ? x + 4 : x - 4 - size.x;
        if (left >= a.x) {
            const ImVec2 at(left, a.y + 2);
            dl->AddText(at, muted, label);
            audit::drawn_text(at, ImVec2(at.x + size.x, at.y + size.y), label, p0, p1);
        }
    }

    // Bands, then lines (scenario drawn last, on top).
    dl->PushClipRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), true);
    // Bands as quads without anti-aliased fringes, so neighbours meet without seams.
    const ImDrawListFlags saved_flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (const auto& band : spec.bands) {
        int m = std::min<int>(n - band.start, static_cast<int>(band.lo.size()));
        const int o = band.start;
        for (int i = 0; i + 1 < m; ++i) {
            ImVec2 q[4] = {ImVec2(X(o + i), Y(band.lo[i])), ImVec2(X(o + i + 1), Y(band.lo[i + 1])),
                           ImVec2(X(o + i + 1), Y(band.hi[i + 1])), ImVec2(X(o + i), Y(band.hi[i]))};
            dl->AddConvexPolyFilled(q, 4, band.color);
            // The outer band's edges, opaque: the fill alone is too faint to see
            // against the panel (3:1 for marks, theme.h).
            if (&band == &spec.bands.front()) {
                const ImU32 edge = band.color | IM_COL32_A_MASK;
                dl->AddLine(q[0], q[1], edge, 1.0f);
                dl->AddLine(q[3], q[2], edge, 1.0f);
            }
        }
    }
    dl->Flags = saved_flags;
    std::vector<ImVec2> pts;
    for (const auto& s : spec.series) {
        pts.clear();
        for (std::size_t i = 0; i < s.y.size(); ++i) pts.push_back(ImVec2(X(static_cast<double>(s.start + i)), Y(s.y[i])));
        if (s.dashed)
            add_dashed_polyline(dl, pts.data(), static_cast<int>(pts.size()), s.color, s.thickness);
        else
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), s.color, 0, s.thickness);
    }
    dl->PopClipRect();
    // After the clip: a marker on the first or last year shows whole.
    for (const auto& o : spec.observed)
        if (o.year >= spec.first_year && o.year < spec.first_year + n)
            observed_marker(dl, ImVec2(X(o.year - spec.first_year), Y(o.value)), 6.0f, observed_color);

    // Hover readout.
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton("##plot", ImVec2(std::max(1.0f, b.x - a.x), std::max(1.0f, b.y - a.y)));
    keyboard_ring_on_last_item();
    if (ImGui::IsItemHovered()) {
        float mx = ImGui::GetIO().MousePos.x;
        int i = std::clamp(static_cast<int>(std::lround((mx - a.x) / (b.x - a.x) * (n - 1))), 0, n - 1);
        result.hovered_year = spec.first_year + i;
        // A history year is the same in every scenario: nothing for the Why panel to explain.
        if (ImGui::IsItemClicked() && i >= spec.history_years) result.clicked_year = result.hovered_year;
        dl->AddLine(ImVec2(X(i), a.y), ImVec2(X(i), b.y), ImGui::GetColorU32(ImGuiCol_Text, 0.35f), 1.0f);
        for (const auto& s : spec.series)
            if (i >= s.start && i - s.start < static_cast<int>(s.y.size()))
                dl->AddCircleFilled(ImVec2(X(i), Y(s.y[i - s.start])), 4.0f, s.color);
        place_tooltip_beside_focus();
        ImGui::BeginTooltip();
        ImGui::Text("%d%s", spec.first_year + i, i < spec.history_years ? " (history: the model's backcast)" : "");
        for (const auto& s : spec.series)
            if (i >= s.start && i - s.start < static_cast<int>(s.y.size())) {
                ImGui::ColorButton(("##c" + s.label).c_str(), ImGui::ColorConvertU32ToFloat4(s.color),
                                   ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
                ImGui::SameLine();
                ImGui::Text("%s: %s", s.label.c_str(), format_value(s.y[i - s.start], spec.decimals, spec.unit).c_str());
            }
        for (const auto& band : spec.bands)
            if (i >= band.start && i - band.start < static_cast<int>(band.lo.size()))
                ImGui::TextDisabled("%s: %s to %s", band.label.c_str(),
                                    format_value(band.lo[i - band.start], spec.decimals, spec.unit).c_str(),
                                    format_value(band.hi[i - band.start], spec.decimals, spec.unit).c_str());
        for (const auto& o : spec.observed)
            if (o.year == spec.first_year + i)
                ImGui::Text("%s: %s", kObservedLabel, o.note.c_str());
        ImGui::EndTooltip();
    }
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(width, height));
    ImGui::PopID();
    return result;
}

}  // namespace ui

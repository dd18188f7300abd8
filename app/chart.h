#pragma once
// One small time-series chart widget, used by every chart in the app: axes
// with "nice" ticks, units, year labels, lines (solid or dashed), shaded
// bands, a legend, and a hover readout of every series at the nearest year.
// Drawn with ImDrawList (no plotting library ships in Debian).
#include <limits>
#include <string>
#include <vector>

#include "imgui.h"

namespace ui {

struct ChartSeries {
    std::string label;
    std::vector<double> y;  // one value per year from `start`
    ImU32 color;
    float thickness = 2.0f;
    bool dashed = false;
    int start = 0;          // the year index (from first_year) of y[0]: projections start after the history
};

struct ChartBand {
    std::string label;
    std::vector<double> lo, hi;
    ImU32 color;
    int start = 0;
};

// An observed value from the reference data, drawn as a marker beside the lines.
struct ChartPoint {
    int year;
    double value;
    std::string note;  // "observed 23.4 $bn per year (002:L14)"
};

struct ChartSpec {
    std::string title, unit;
    int first_year = 2024;
    std::vector<ChartSeries> series;
    std::vector<ChartBand> bands;
    int decimals = 1;
    float height = 220.0f;  // at least; a wrapped legend adds to it
    float width = 0.0f;     // 0: the available width
    float title_reserve = 0.0f;  // px kept free right of the title (a button the caller puts there)
    bool selected = false;  // drawn with an accent outline
    int marker_year = -1;   // a vertical marker (e.g. the year the Why panel explains)
    int policy_start_year = -1;  // a dashed line, "From <year>": where lever changes start to act (when not 2025)
    // The first history_years points are history (the model's backcast, the
    // same for every scenario): shaded, and not clickable as a year to explain.
    int history_years = 0;
    std::vector<ChartPoint> observed;
    // Where the quantity itself ends (tl::indicator_bounds: no deals below
    // zero): the axis stops there (the caller keeps its bands within).
    double floor = -std::numeric_limits<double>::infinity(), ceiling = std::numeric_limits<double>::infinity();
};

struct ChartResult {
    bool title_clicked = false;
    int hovered_year = -1;
    int clicked_year = -1;
};

ChartResult chart(const char* id, const ChartSpec& spec);

// Ticks for an axis from lo to hi: about `target` "nice" values (1, 2, 5 × 10^k).
std::vector<double> nice_ticks(double lo, double hi, int target, double* nice_lo, double* nice_hi);

// A dashed polyline.
void add_dashed_polyline(ImDrawList* dl, const ImVec2* pts, int n, ImU32 color, float thickness, float dash = 6.0f,
                         float gap = 4.0f);

// "1,234.5" style formatting with a unit ("%" sticks to the number).
std::string format_value(double v, int decimals, const std::string& unit);
// A number already formatted, with its unit where the unit goes ("$12bn/yr", "12%", "12 years").
std::string with_unit(const std::string& number, const std::string& unit);

}  // namespace ui

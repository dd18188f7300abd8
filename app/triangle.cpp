#include "app/triangle.h"

#include <algorithm>
#include <cmath>

#include "app/chart.h"

namespace ui {

ImVec2 TriangleGeometry::direction(int axis) {
    // Protect straight up, Promote down-left, Partner down-right (120° apart).
    constexpr float kPi = 3.14159265f;
    static const ImVec2 kDirections[3] = {ImVec2(0, -1), ImVec2(std::cos(kPi * 5 / 6), std::sin(kPi * 5 / 6)),
                                          ImVec2(std::cos(kPi / 6), std::sin(kPi / 6))};
    return kDirections[axis];
}

ImVec2 TriangleGeometry::point(int axis, double score) const {
    const float r = radius * static_cast<float>(std::clamp(score, 0.0, 100.0) / 100.0);
    const ImVec2 d = direction(axis);
    return ImVec2(center.x + d.x * r, center.y + d.y * r);
}

void draw_mix(ImDrawList* dl, const TriangleGeometry& g, const tl::TrilemmaScores& scores, ImU32 fill, ImU32 line,
              float thickness, bool dashed) {
    ImVec2 pts[4] = {g.point(0, scores[0]), g.point(1, scores[1]), g.point(2, scores[2]), g.point(0, scores[0])};
    if (fill) dl->AddTriangleFilled(pts[0], pts[1], pts[2], fill);
    if (dashed) add_dashed_polyline(dl, pts, 4, line, thickness);
    else dl->AddPolyline(pts, 3, line, ImDrawFlags_Closed, thickness);
}

}  // namespace ui

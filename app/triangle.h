#pragma once
// The drawing of a trilemma triangle, shared by the explorer's triangle
// (panel_triangle.cpp) and the room's (panel_room.cpp): corner 0 (Protect)
// at the top, 1 (Promote) bottom left, 2 (Partner) bottom right; a corner is
// 100 on its objective, the centre 0, and a mix is the triangle through its
// three scores.
#include "core/trilemma.h"
#include "imgui.h"

namespace ui {

struct TriangleGeometry {
    ImVec2 center;
    float radius = 0;  // centre to a corner (a score of 100)
    // The corners' directions from the centre.
    static ImVec2 direction(int axis);
    // Where `score` (0..100, clamped) lies on the axis toward corner `axis`.
    ImVec2 point(int axis, double score) const;
};

// The triangle through `scores`: filled with `fill` (0: not filled), outlined
// in `line`, dashed or solid.
void draw_mix(ImDrawList* dl, const TriangleGeometry& g, const tl::TrilemmaScores& scores, ImU32 fill, ImU32 line,
              float thickness, bool dashed = false);

// The triangle of a score on all three objectives (the grid's 25, 50, 75, 100 rings).
inline tl::TrilemmaScores ring(double score) { return {score, score, score}; }

}  // namespace ui

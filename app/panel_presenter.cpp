// Trainer mode's presenter view: the guide's step in large type beside the
// triangle, the scores, the story in a line and a QR code of the guide's link,
// for a projector.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/browser.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/qr.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

void draw_presenter(app::App& app) {
    app::AppState& state = app.state;
    auto& session = app.trainer.session();
    if (!session) return;
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(f.width, f.height));
    ImGui::Begin("##presenter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings);
    // Large type for the back of the room, as far as the screen is wide (a
    // phone gets none), unless the text size chosen is as large already (a
    // projector set to 1.6 would otherwise get 2.3 and no room for the rest).
    const float large = std::max(1.0f, std::clamp(f.width / 900.0f, 1.0f, 1.45f) / state.settings.font_scale);
    ImGui::SetWindowFontScale(large);
    // The brief beside the triangle; above it on a narrow screen.
    const bool stacked = f.width < ImGui::GetFontSize() * 40;
    const float left = stacked ? f.width : f.width * 0.55f;
    const ImGuiStyle& style = ImGui::GetStyle();
    // The guide's QR code, large enough to scan from the back of the room:
    // under the brief where the brief leaves room for it whole (the triangle
    // then has the whole right column), else a little smaller at the top
    // right, the scores and the triangle in the column beside it, else (a
    // narrow column) under the scores. Whole or not at all under the brief,
    // so that it does not change size from step to step.
    const bool with_qr = !session->link.empty();
    const float column_w = stacked ? f.width : f.width - left - 3 * style.WindowPadding.x;
    float qr = with_qr ? std::clamp(std::min(column_w * 0.34f, f.height * 0.26f), 110.0f, 300.0f) : 0.0f;
    const auto draw_qr = [&] {
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + qr);
        ImGui::TextDisabled("Scan to open this guide:");
        ImGui::PopTextWrapPos();
        qr_code(session->link, qr);
        ImGui::EndGroup();
    };
    ImGui::BeginChild("##brief", ImVec2(stacked ? 0 : left, stacked ? f.height * 0.5f : 0));
    const float unfolded = draw_guide_panel(app, /*large=*/true);
    // (Its caption goes beside it there.) Placed as if the hints and notes
    // were folded: opening them pushes the code down (the brief scrolls)
    // rather than to the other column, which would shrink the triangle.
    const float room_below = ImGui::GetContentRegionAvail().y - style.ItemSpacing.y;
    const bool qr_in_brief = with_qr && !stacked && room_below + unfolded >= qr;
    if (qr_in_brief) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, room_below - qr));
        qr_code(session->link, qr);
        ImGui::SameLine();
        ImGui::TextDisabled("Scan to open this guide");
    }
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("##side", ImVec2(0, 0));
    // From the top down the way out, the scores and the triangle as large as
    // the rest of the screen leaves it: it is what the room looks at.
    const float side_w = ImGui::GetContentRegionAvail().x;
    const float gap = style.ItemSpacing.x;
    const bool qr_side = with_qr && !qr_in_brief;
    if (qr_side) qr = std::min(qr, std::max(120.0f, side_w * 0.26f));  // the triangle beside it keeps more width
    const bool qr_beside = qr_side && side_w - qr - gap >= std::max(button_width("Leave presenter view"), ImGui::GetFontSize() * 12);
    ImGui::BeginChild("##presenter_main", ImVec2(qr_beside ? side_w - qr - gap : 0.0f, 0));
    ImGui::SetWindowFontScale(large);  // a child's child does not inherit it
    // The way out stays in view (the brief scrolls on a laptop at large
    // text); Escape leaves too, unless it is closing a menu.
    if (small_button("Leave presenter view") ||
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
         !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)))
        session->presenter = false;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the workshop screen (Esc)");
    draw_score_strip(state, /*abbreviate=*/false);  // the names in full for the room
    if (qr_side && !qr_beside) draw_qr();
    // The room's scenario in one line, and where the trilemma bit, under the
    // triangle; the triangle gives up the height they need.
    const tl::Story& story = state.view().story;
    const std::string bit = story.sections.size() > 1 ? story.sections.back().claims.front().text : "";
    const float wrap = ImGui::GetContentRegionAvail().x;
    const float words = ImGui::CalcTextSize(story.summary.c_str(), nullptr, false, wrap).y +
                        ImGui::CalcTextSize(bit.c_str(), nullptr, false, wrap).y + ImGui::GetTextLineHeightWithSpacing() * 2;
    draw_triangle(state, app.ui_state.trail,
                  triangle_size_to_fit(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - words));
    wrapped_text(story.summary);
    if (!bit.empty()) muted_wrapped_text(bit);
    ImGui::EndChild();
    if (qr_beside) {
        ImGui::SameLine(0, gap);
        draw_qr();
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace ui

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
    ImGui::BeginChild("##brief", ImVec2(stacked ? 0 : left, stacked ? f.height * 0.5f : 0));
    draw_guide_panel(app, /*large=*/true);
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("##side", ImVec2(0, 0));
    // At the top, the way out and the scores beside the guide's QR code, large
    // enough to scan from the back of the room (about a third of the column);
    // below, the triangle as large as the rest of the screen leaves it.
    const float side_w = ImGui::GetContentRegionAvail().x;
    const bool with_qr = !session->link.empty();
    const float qr = with_qr ? std::clamp(std::min(side_w * 0.34f, f.height * 0.26f), 110.0f, 300.0f) : 0.0f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Beside the scores where they keep room for the way out (a phone: below).
    const bool qr_beside = with_qr && side_w - qr - gap >= std::max(button_width("Leave presenter view"), ImGui::GetFontSize() * 12);
    // As tall as the code and its caption, or as the button and three rows of
    // scores (a narrow column wraps them).
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float top_h = std::max(qr_beside ? qr + line * 2 : 0.0f, ImGui::GetFrameHeightWithSpacing() + line * 3);
    ImGui::BeginChild("##presenter_scores", ImVec2(side_w - (qr_beside ? qr + gap : 0.0f), top_h), false,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::SetWindowFontScale(large);  // a child's child does not inherit it
    // The way out stays in view (the brief scrolls on a laptop at large
    // text); Escape leaves too, unless it is closing a menu.
    if (small_button("Leave presenter view") ||
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
         !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)))
        session->presenter = false;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the workshop screen (Esc)");
    draw_score_strip(state, /*abbreviate=*/false);  // the names in full for the room
    ImGui::EndChild();
    if (with_qr) {
        if (qr_beside) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(qr_beside ? ImGui::GetCursorPosX() + qr : 0.0f);
        ImGui::TextDisabled("Scan to open this guide:");
        ImGui::PopTextWrapPos();
        qr_code(session->link, qr);
        ImGui::EndGroup();
    }
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
    ImGui::End();
}

}  // namespace ui

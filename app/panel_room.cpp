// Trainer mode's room window: the participants' share links pasted in, a
// table of their pillar scores and every mix in one triangle.
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
#include "app/triangle.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

namespace {

// Each participant's mix in one triangle, as in the explorer's: the 50 ring
// (the 2024 position) darker, each mix in its own colour with its row number.
void draw_room_triangle(const std::vector<app::RoomEntry>& room) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const float size = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - font * 3);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    TriangleGeometry g;
    g.radius = size * 0.5f - font * 1.5f;
    g.center = ImVec2(p0.x + size * 0.5f, p0.y + font * 1.5f + g.radius);
    for (int level = 1; level <= 4; ++level)
        draw_mix(dl, g, ring(level * 25.0), 0,
                 ImGui::GetColorU32(level == 2 ? ImGuiCol_Text : ImGuiCol_Border, level == 2 ? 0.35f : 1.0f), 1.0f);
    for (int i = 0; i < 3; ++i) {
        std::string name(tl::kPillarNames[i]);
        ImVec2 ts = ImGui::CalcTextSize(name.c_str()), corner = g.point(i, 100);
        dl->AddText(i == 0 ? ImVec2(corner.x - ts.x * 0.5f, corner.y - ts.y - 2) : ImVec2(corner.x - ts.x * 0.5f, corner.y + 4),
                    pillar_color(tl::Pillar(i)), name.c_str());
    }
    int k = 0;
    for (const auto& e : room) {
        if (!e.ok) continue;
        ImU32 col = ImGui::ColorConvertFloat4ToU32(ImColor::HSV(0.08f * static_cast<float>(k++ % 12), 0.65f, 0.8f));
        draw_mix(dl, g, e.scores, 0, (col & 0x00FFFFFF) | 0xA0000000, 1.5f);
        ImVec2 q[3] = {g.point(0, e.scores[0]), g.point(1, e.scores[1]), g.point(2, e.scores[2])};
        for (const auto& v : q) dl->AddCircleFilled(v, 3.0f, col);
        ImVec2 centre((q[0].x + q[1].x + q[2].x) / 3, (q[0].y + q[1].y + q[2].y) / 3);
        dl->AddText(ImVec2(centre.x + 3, centre.y - font * 0.5f), col, e.label.substr(0, e.label.find(' ')).c_str());
    }
    ImGui::Dummy(ImVec2(size, size));
}

}  // namespace

void draw_room_window(app::App& app) {
    app::Trainer& trainer = app.trainer;
    if (!app.ui_state.room_open) return;
    const platform::FrameInfo& f = platform::frame_info();
    // Sized in lines of text, so that larger text (a projector) gets a larger window.
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 58, f.width - 20), std::min(em * 41, f.height - 40)), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("The room", &app.ui_state.room_open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    std::string& input = app.ui_state.room_links;
    muted_wrapped_text("Paste the participants' share links, one per line (or press Ctrl+V anywhere on the page while this "
                  "window is open), then Add.");
    ImGui::InputTextMultiline("##links", input.data(), input.size(), ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    note_text_field();
    if (ImGui::Button("Add")) {
        trainer.room_add(input.c_str());
        std::fill(input.begin(), input.end(), '\0');
    }
    ImGui::SameLine();
    if (ImGui::Button("Clear")) trainer.room().clear();
    ImGui::SameLine();
    if (ImGui::Button("Export CSV")) browser::download("room.csv", "text/csv", trainer.room_csv());

    auto& room = trainer.room();
    // Spread per pillar.
    double lo[3] = {100, 100, 100}, hi[3] = {0, 0, 0}, sum[3] = {0, 0, 0};
    int ok = 0;
    for (const auto& e : room)
        if (e.ok) {
            ++ok;
            for (int p = 0; p < 3; ++p) lo[p] = std::min(lo[p], e.scores[p]), hi[p] = std::max(hi[p], e.scores[p]), sum[p] += e.scores[p];
        }
    if (ok > 0) {
        for (int p = 0; p < 3; ++p) {
            char line[96];
            std::snprintf(line, sizeof line, "%s: mean %.0f, range %.0f-%.0f", std::string(tl::kPillarNames[p]).c_str(),
                          sum[p] / ok, lo[p], hi[p]);
            if (p) same_line_if_fits(ImGui::CalcTextSize(line).x);  // on one line when it fits
            ImGui::PushStyleColor(ImGuiCol_Text, pillar_color(tl::Pillar(p)));
            ImGui::TextUnformatted(line);
            ImGui::PopStyleColor();
        }
    }
    const float w = ImGui::GetContentRegionAvail().x;
    // Table beside the triangle, or above it on a narrow screen (a phone).
    const bool stacked = w < ImGui::GetFontSize() * 34;
    ImGui::BeginChild("##room_table", stacked ? ImVec2(w, ImGui::GetContentRegionAvail().y * 0.5f) : ImVec2(w * 0.55f, 0));
    int remove_row = -1;
    // On a narrow screen (stacked) the seat and the levers moved go under the
    // label, so the score columns and × keep their room.
    const bool compact = stacked;
    const int seat_col = compact ? -1 : 1, score_col = compact ? 1 : 2, moved_col = compact ? -1 : 5;
    const int remove_col = compact ? 4 : 6;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(compact ? 3.0f : ImGui::GetStyle().CellPadding.x, ImGui::GetStyle().CellPadding.y));
    if (ImGui::BeginTable("##room", remove_col + 1, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
        // Numbers and short names get their own width; the label takes the
        // rest and wraps, whole.
        const float digits = ImGui::CalcTextSize("100").x + ImGui::GetStyle().CellPadding.x * 2;
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthStretch);
        if (!compact) ImGui::TableSetupColumn("Seat", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Allies").x);
        // Pillar headers abbreviated (distinctly) when the columns are narrow.
        const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("# Seat Protect Promote Partner Moved  x").x * 1.6f;
        for (int p = 0; p < 3; ++p) {
            const char* header = narrow ? pillar_abbreviation(tl::Pillar(p)) : tl::kPillarNames[p].data();  // literals: NUL-ended
            ImGui::TableSetupColumn(header, ImGuiTableColumnFlags_WidthFixed, std::max(digits, ImGui::CalcTextSize(header).x));
        }
        if (!compact) ImGui::TableSetupColumn("Moved", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Moved").x);
        ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("\xC3\x97").x + ImGui::GetStyle().FramePadding.x * 2);
        ImGui::TableHeadersRow();
        for (int row = 0; row < static_cast<int>(room.size()); ++row) {
            const app::RoomEntry& e = room[row];
            ImGui::TableNextRow();
            ImGui::PushID(row);
            ImGui::TableSetColumnIndex(remove_col);
            if (ImGui::SmallButton("\xC3\x97")) remove_row = row;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this row");
            ImGui::TableSetColumnIndex(0);
            ImGui::TextWrapped("%s", e.label.c_str());
            if (e.same_as >= 0) {
                ImGui::PushStyleColor(ImGuiCol_Text, theme::ink().warning);
                ImGui::TextWrapped("same as %s", room[e.same_as].label.c_str());
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("The same scenario as an earlier row: a link pasted twice?");
            }
            if (e.ok) {  // what the participant did, in words
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s", e.headline.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::PopID();
            if (!e.ok) {
                if (seat_col >= 0) ImGui::TableSetColumnIndex(seat_col);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::ink().worse), "unreadable");
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.error.c_str());
                continue;
            }
            const std::string seat(tl::kBlocShortNames[tl::idx(e.scenario.seat)]);
            if (compact) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s, %d moved", seat.c_str(), e.changed_levers);
                ImGui::PopStyleColor();
            } else {
                ImGui::TableSetColumnIndex(seat_col);
                ImGui::TextUnformatted(seat.c_str());
                ImGui::TableSetColumnIndex(moved_col);
                ImGui::Text("%d", e.changed_levers);
            }
            for (int p = 0; p < 3; ++p) {
                ImGui::TableSetColumnIndex(score_col + p);
                ImGui::Text("%.0f", e.scores[p]);
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (remove_row >= 0) trainer.room_remove(remove_row);
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("##room_triangle");
    draw_room_triangle(room);
    muted_wrapped_text("Darker line: the 2024 position (50 on every pillar). Each coloured triangle is one participant's mix.");
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace ui

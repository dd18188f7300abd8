// Trainer mode's room window: the participants' share links pasted in, a
// table of their pillar scores and every mix in one triangle.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/browser.h"
#include "app/layout.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/qr.h"
#include "app/screen_audit.h"
#include "app/theme.h"
#include "app/triangle.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

namespace {

ImU32 participant_color(int number) {
    return theme::ink().participant[(std::max(number, 1) - 1) % theme::Ink::kParticipantColors];
}

// A row's number on its colour: in the table's first column and at the
// participant's mark in the triangle, so the two are matched at a glance.
ImVec2 badge_size(const char* number) {
    const ImVec2 t = ImGui::CalcTextSize(number);
    const float pad = ImGui::GetFontSize() * 0.25f;
    return ImVec2(std::max(t.x + pad * 2, t.y), t.y);
}
void draw_badge(ImDrawList* dl, ImVec2 at, const char* number, ImU32 color) {
    const ImVec2 size = badge_size(number), t = ImGui::CalcTextSize(number);
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), color, size.y * 0.3f);
    dl->AddText(ImVec2(at.x + (size.x - t.x) * 0.5f, at.y), ImGui::GetColorU32(ImGuiCol_WindowBg), number);
}

// The row's label without its number (the badge shows it).
std::string label_without_number(const std::string& label) {
    const std::size_t space = label.find(' ');
    return space == std::string::npos ? std::string() : label.substr(space + 1);
}

bool overlap(const ImVec4& a, const ImVec4& b) { return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w; }

constexpr const char* kRoomCaption =
    "Dashed line: the 2024 position (50 on every pillar). Each coloured triangle is one participant's mix, "
    "its number as in the table.";

// The triangle's box needs this width for a radius `r` (its corners' names stick out).
float triangle_width(float r) { return r * 1.7320508f + ImGui::CalcTextSize("Promote").x + ImGui::GetFontSize(); }

// Each participant's mix in one triangle, as large as the box allows: the
// grid's rings, the 2024 position (50 on every pillar) dashed and labelled,
// each mix in its row's colour with its number in a badge beside one of its
// corners, the corner where it stands most apart from the others, on a side
// where the badge covers no other badge, point or name.
void draw_room_triangle(const std::vector<app::RoomEntry>& room) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize(), pad = font * 0.3f;
    const ImVec2 avail = ImGui::GetContentRegionAvail(), p0 = ImGui::GetCursorScreenPos();
    const float caption_h = ImGui::CalcTextSize(kRoomCaption, nullptr, false, avail.x).y + ImGui::GetStyle().ItemSpacing.y;
    TriangleGeometry g;
    const float name_w = ImGui::CalcTextSize("Promote").x;
    g.radius = std::max(font * 3, std::min((avail.x - name_w - font) / 1.7320508f,
                                           (avail.y - caption_h - 2 * (font + pad)) / 1.5f));
    g.center = ImVec2(p0.x + avail.x * 0.5f, p0.y + font + pad + g.radius);
    const ImVec2 box_min = p0, box_max(p0.x + avail.x, p0.y + font + pad + g.radius * 1.5f + pad + font);
    // The grid: 25, 75 and 100 light; the 2024 position (50) dashed in the text colour.
    const float line = std::max(1.5f, font * 0.08f);
    for (int level : {1, 3, 4}) draw_mix(dl, g, ring(level * 25.0), 0, ImGui::GetColorU32(ImGuiCol_Border), 1.0f);
    draw_mix(dl, g, ring(50), 0, ImGui::GetColorU32(ImGuiCol_Text), line * 1.4f, /*dashed=*/true);
    std::vector<ImVec4> taken;  // where text already is (x0, y0, x1, y1)
    const auto text_at = [&](ImVec2 at, const char* text, ImU32 color) {
        const ImVec2 ts = ImGui::CalcTextSize(text);
        dl->AddText(at, color, text);
        audit::drawn_text(at, ImVec2(at.x + ts.x, at.y + ts.y), text, box_min, box_max);
        taken.push_back(ImVec4(at.x, at.y, at.x + ts.x, at.y + ts.y));
    };
    for (int i = 0; i < 3; ++i) {
        const std::string name(tl::kPillarNames[i]);
        const ImVec2 ts = ImGui::CalcTextSize(name.c_str()), corner = g.point(i, 100);
        text_at(i == 0 ? ImVec2(corner.x - ts.x * 0.5f, corner.y - ts.y - pad) : ImVec2(corner.x - ts.x * 0.5f, corner.y + pad),
                name.c_str(), pillar_color(tl::Pillar(i)));
    }
    // "2024" under the middle of the dashed ring's lowest side, written over the marks (on the panel's colour).
    const ImVec2 ref_size = ImGui::CalcTextSize("2024");
    const ImVec2 ref_at(g.center.x - ref_size.x * 0.5f, g.point(1, 50).y + pad * 0.5f);
    taken.push_back(ImVec4(ref_at.x, ref_at.y, ref_at.x + ref_size.x, ref_at.y + ref_size.y));
    // The marks, then the badges (on top of every line).
    const float dot = std::max(3.0f, font * 0.16f);
    std::vector<const app::RoomEntry*> shown;
    for (const auto& e : room)
        if (e.ok) shown.push_back(&e);
    for (const auto* e : shown) {
        const ImU32 col = participant_color(e->number);
        draw_mix(dl, g, e->scores, 0, col, line);  // unfilled: many fills over each other turn grey
        for (int a = 0; a < 3; ++a) {
            const ImVec2 q = g.point(a, e->scores[a]);
            dl->AddCircleFilled(q, dot, col);
            taken.push_back(ImVec4(q.x - dot, q.y - dot, q.x + dot, q.y + dot));
        }
    }
    dl->AddRectFilled(ImVec2(ref_at.x - pad * 0.5f, ref_at.y), ImVec2(ref_at.x + ref_size.x + pad * 0.5f, ref_at.y + ref_size.y),
                      ImGui::GetColorU32(ImGuiCol_WindowBg, 0.85f), pad * 0.5f);
    dl->AddText(ref_at, ImGui::GetColorU32(ImGuiCol_Text), "2024");
    audit::drawn_text(ref_at, ImVec2(ref_at.x + ref_size.x, ref_at.y + ref_size.y), "2024", box_min, box_max);
    const ImVec4 bounds(box_min.x, box_min.y, box_max.x, box_max.y);
    for (const auto* e : shown) {
        const std::string number = std::to_string(e->number);
        const ImVec2 bs = badge_size(number.c_str());
        // Corners where this mix stands most apart from the others first.
        int order[3] = {0, 1, 2};
        double apart[3];
        for (int a = 0; a < 3; ++a) {
            apart[a] = 1e9;
            for (const auto* o : shown)
                if (o != e) apart[a] = std::min(apart[a], std::abs(o->scores[a] - e->scores[a]));
        }
        std::stable_sort(order, order + 3, [&](int x, int y) { return apart[x] > apart[y]; });
        ImVec4 best(0, 0, 0, 0);
        bool found = false;
        for (int step = 0; step < 3 && !found; ++step)
            for (int a : order) {
                // Beside the corner, across the axis (either side), then further out along it.
                const ImVec2 d = TriangleGeometry::direction(a), q = g.point(a, e->scores[a]);
                for (float side : {1.0f, -1.0f}) {
                    const float off = dot + pad + std::max(bs.x, bs.y) * 0.5f;
                    const ImVec2 c(q.x - d.y * side * off + d.x * step * bs.y, q.y + d.x * side * off + d.y * step * bs.y);
                    const ImVec4 r(c.x - bs.x * 0.5f, c.y - bs.y * 0.5f, c.x + bs.x * 0.5f, c.y + bs.y * 0.5f);
                    if (best.z == 0) best = r;  // if nowhere is free: beside its first corner
                    if (r.x < bounds.x || r.y < bounds.y || r.z > bounds.z || r.w > bounds.w) continue;
                    if (std::any_of(taken.begin(), taken.end(), [&](const ImVec4& t) { return overlap(r, t); })) continue;
                    best = r;
                    found = true;
                    break;
                }
                if (found) break;
            }
        draw_badge(dl, ImVec2(best.x, best.y), number.c_str(), participant_color(e->number));
        audit::drawn_text(ImVec2(best.x, best.y), ImVec2(best.z, best.w), number.c_str(), box_min, box_max);
        taken.push_back(best);
    }
    ImGui::Dummy(ImVec2(avail.x, box_max.y - box_min.y));
}

void export_room_csv(const app::Trainer& trainer) { browser::download("room.csv", "text/csv", trainer.room_csv()); }

}  // namespace

void draw_room_window(app::App& app) {
    app::Trainer& trainer = app.trainer;
    if (!app.ui_state.room_open) return;
    const platform::FrameInfo& f = platform::frame_info();
    // Sized in lines of text, so that larger text (a projector) gets a larger window.
    const float em = ImGui::GetFontSize();
    // A phone's room fills the screen, every frame (nothing to resize by hand; the text size may change).
    const bool narrow = layout_for(f.width, app.state.settings.font_scale) == Layout::Phone;
    const ImGuiCond cond = narrow ? ImGuiCond_Always : ImGuiCond_Appearing;
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 72, f.width - 20), narrow ? f.height - 24 : std::min(em * 44, f.height - 40)),
                             cond);
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), cond, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("The room", &app.ui_state.room_open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    std::string& input = app.ui_state.room_links;
    auto& room = trainer.room();
    muted_wrapped_text("Paste the participants' share links, one per line, with a name beside each if you like "
                       "(\"Team Red: <link>\"; or press Ctrl+V anywhere on the page while this window is open), then Add.");
    // Four lines for an empty room; two once rows take the space.
    ImGui::InputTextMultiline("##links", input.data(), input.size(),
                              ImVec2(-1, ImGui::GetTextLineHeight() * (room.empty() ? 4.0f : 2.0f) +
                                             ImGui::GetStyle().FramePadding.y * 2));
    note_text_field();
    if (ImGui::Button("Add")) {
        trainer.room_add(input.c_str());
        std::fill(input.begin(), input.end(), '\0');
    }
    same_line_if_button_fits("Export CSV");
    if (ImGui::Button("Export CSV")) export_room_csv(trainer);
    // Clearing is for good (the rows are stored to survive a reload): apart
    // from Add, and asked first.
    same_line_if_fits(button_width("Clear\xE2\x80\xA6"), em * 2);
    const bool blocked = trainer.room_store_blocked();
    ImGui::BeginDisabled(room.empty() && !blocked);
    if (ImGui::Button("Clear\xE2\x80\xA6")) ImGui::OpenPopup("Clear the room?");
    ImGui::EndDisabled();
    if (const auto& status = trainer.room_status(); !status.text.empty()) {
        same_line_if_fits(std::min(ImGui::CalcTextSize(status.text.c_str()).x, em * 12), em);
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, status.warning ? theme::ink().warning : ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", status.text.c_str());
        audit::name_last_item("room status");
        ImGui::PopStyleColor();
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 28, f.width - 20), 0));
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Clear the room?", nullptr, kDialogFlags)) {
        ImGui::TextWrapped("This removes the room's %zu row%s, here and in this browser's storage. Export CSV keeps them "
                           "with their links.", room.size(), room.size() == 1 ? "" : "s");
        if (blocked) {
            ImGui::TextWrapped("The room stored earlier, which could not be read, is deleted too.");
            if (ImGui::Button("Download the stored room first"))
                browser::download_stored(app::Trainer::kRoomKey, "trilemma-lab-room-unreadable.txt");
        }
        if (ImGui::Button("Export CSV, then clear")) {
            export_room_csv(trainer);
            trainer.room_clear();
            ImGui::CloseCurrentPopup();
        }
        same_line_if_button_fits("Clear");
        if (ImGui::Button("Clear")) {
            trainer.room_clear();
            ImGui::CloseCurrentPopup();
        }
        same_line_if_button_fits("Cancel");
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (blocked) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::ink().warning);
        ImGui::TextWrapped("The room stored in this browser could not be read nor set aside: rows added now are not kept "
                           "over a reload until you Clear the room (which offers to download it first).");
        ImGui::PopStyleColor();
    }
    // Spread per pillar, each scenario once.
    const app::RoomSpread spread = trainer.room_spread();
    if (spread.scenarios > 0) {
        for (int p = 0; p < 3; ++p) {
            char line[96];
            std::snprintf(line, sizeof line, "%s: mean %.0f, range %.0f-%.0f", std::string(tl::kPillarNames[p]).c_str(),
                          spread.mean[p], spread.low[p], spread.high[p]);
            if (p) same_line_if_fits(ImGui::CalcTextSize(line).x);  // on one line when it fits
            ImGui::PushStyleColor(ImGuiCol_Text, pillar_color(tl::Pillar(p)));
            ImGui::TextWrapped("%s", line);  // a phone at large text: wider than the window
            ImGui::PopStyleColor();
        }
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetContentRegionAvail().y;
    // Table beside the triangle, or above it on a narrow screen (a phone).
    const bool stacked = w < em * 34;
    // Beside: the triangle as wide as the height lets it be (its caption
    // under it), between a third and half of the width; the table the rest.
    float triangle_w = w;
    if (!stacked) {
        const float caption_h = ImGui::CalcTextSize(kRoomCaption, nullptr, false, w * 0.4f).y + style.ItemSpacing.y;
        const float r = (h - caption_h - 2 * em * 1.3f) / 1.5f;
        triangle_w = std::clamp(triangle_width(r), w * 0.33f, w * 0.5f);
    }
    const float table_w = stacked ? w : w - triangle_w - style.ItemSpacing.x;
    // Stacked (a phone): the table in full, then the triangle as wide as the
    // window, below it; the window alone scrolls (a table scrolling inside
    // it caught the swipes meant for the triangle). Beside: the table scrolls.
    if (!stacked) ImGui::BeginChild("##room_table", ImVec2(table_w, 0));
    int remove_row = -1;
    // Narrow (a phone, a small window): the seat and the levers moved go
    // under the name, so the name and the scores keep their room.
    // Narrower still (a phone): the scores go there too, so the name keeps the width.
    const bool compact = table_w < em * 44, scores_in_text = table_w < em * 26;
    const int seat_col = compact ? -1 : 2, score_col = compact ? 2 : 3, moved_col = compact ? -1 : 6;
    const int remove_col = scores_in_text ? 2 : compact ? 5 : 7;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(compact ? 3.0f : style.CellPadding.x, style.CellPadding.y));
    if (ImGui::BeginTable("##room", remove_col + 1, ImGuiTableFlags_BordersInnerH | (stacked ? 0 : ImGuiTableFlags_ScrollY))) {
        // The badge, numbers and short names get their own width; the name
        // and what the participant did take the rest and wrap, whole.
        const float digits = ImGui::CalcTextSize("100").x + ImGui::GetStyle().CellPadding.x * 2;
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed,
                                std::max(badge_size(std::to_string(std::max(1, trainer.rows_added())).c_str()).x,
                                         ImGui::CalcTextSize("#").x));
        ImGui::TableSetupColumn("Participant", ImGuiTableColumnFlags_WidthStretch);
        if (!compact) ImGui::TableSetupColumn("Seat", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Allies").x);
        // Pillar headers abbreviated (distinctly) when the columns are narrow.
        const bool narrow = table_w < ImGui::CalcTextSize("# Participant Seat Protect Promote Partner Moved  x").x * 1.4f;
        for (int p = 0; p < 3 && !scores_in_text; ++p) {
            const char* header = narrow ? pillar_abbreviation(tl::Pillar(p)) : tl::kPillarNames[p].data();  // literals: NUL-ended
            ImGui::TableSetupColumn(header, ImGuiTableColumnFlags_WidthFixed,
                                    std::max(digits, ImGui::CalcTextSize(header).x + em * 0.4f));  // headers apart
        }
        if (!compact) ImGui::TableSetupColumn("Moved", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Moved").x);
        ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("\xC3\x97").x + ImGui::GetStyle().FramePadding.x * 2);
        ImGui::TableSetupScrollFreeze(0, 1);  // beside the triangle, the header stays while the rows scroll
        ImGui::TableHeadersRow();
        for (int row = 0; row < static_cast<int>(room.size()); ++row) {
            const app::RoomEntry& e = room[row];
            ImGui::TableNextRow();
            ImGui::PushID(row);
            ImGui::TableSetColumnIndex(remove_col);
            if (small_button("\xC3\x97")) remove_row = row;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this row");
            // The number on the row's colour (as at its mark in the triangle); grey when it has no mark.
            ImGui::TableSetColumnIndex(0);
            const std::string number = std::to_string(e.number);
            draw_badge(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), number.c_str(),
                       e.ok ? participant_color(e.number) : ImGui::GetColorU32(ImGuiCol_TextDisabled));
            ImGui::Dummy(badge_size(number.c_str()));
            ImGui::TableSetColumnIndex(1);
            if (!e.ok) {
                // What was pasted and why it was not read, in plain view.
                // (Named for the test hook: "room line 3", "room reason 3".)
                // A bare link shows itself (its start), so the trainer can tell whose it was.
                const std::string& shown = e.text.empty() ? e.source : e.text;
                if (!shown.empty()) {
                    ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D",
                                       (e.text.empty() ? app::cut_text(shown, 60) : shown).c_str());
                    audit::name_last_item(("room line " + number).c_str());
                    if (ImGui::IsItemHovered() && e.source.size() > e.text.size())
                        ImGui::SetTooltip("%s", app::cut_text(e.source, app::Sharing::kMaxQuoteBytes).c_str());
                }
                ImGui::PushStyleColor(ImGuiCol_Text, theme::ink().worse);
                ImGui::TextWrapped("Not read: %s", e.error.c_str());
                audit::name_last_item(("room reason " + number).c_str());
                ImGui::PopStyleColor();
                ImGui::PopID();
                continue;
            }
            ImGui::TextWrapped("%s", label_without_number(e.label).c_str());
            if (scores_in_text) {  // "Prot. 65  Prom. 32  Part. 72", each in its pillar's colour
                const float cell_right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
                for (int p = 0; p < 3; ++p) {
                    char score[32];
                    std::snprintf(score, sizeof score, "%s %.0f", pillar_abbreviation(tl::Pillar(p)), e.scores[p]);
                    const float gap = ImGui::GetFontSize() * 0.6f;
                    if (p && ImGui::GetItemRectMax().x + gap + ImGui::CalcTextSize(score).x <= cell_right)
                        ImGui::SameLine(0, gap);
                    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pillar_color(tl::Pillar(p))), "%s", score);
                }
            }
            if (e.same_as >= 0) {
                ImGui::PushStyleColor(ImGuiCol_Text, theme::ink().warning);
                ImGui::TextWrapped("same as %s", room[e.same_as].label.c_str());
                ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("The same scenario as an earlier row: a link pasted twice?");
            }
            const std::string seat(tl::kBlocShortNames[tl::idx(e.scenario.seat)]);
            // What the participant did, in words.
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
            // Moves count from the participant's preset, the headline from the
            // status quo: a preset other than the status quo is named, so
            // "0 moved" and "raised … (of 17 changes)" do not contradict.
            const tl::Preset* preset = tl::preset_beyond_status_quo(e.scenario);
            const std::string in_preset = preset ? preset->name : "";
            if (compact && in_preset.empty()) ImGui::TextWrapped("%s, %d moved. %s", seat.c_str(), e.changed_levers, e.headline.c_str());
            else if (compact)
                ImGui::TextWrapped("%s in %s, %d moved since. %s", seat.c_str(), in_preset.c_str(), e.changed_levers, e.headline.c_str());
            else if (in_preset.empty()) ImGui::TextWrapped("%s", e.headline.c_str());
            else ImGui::TextWrapped("%s \xC2\xB7 %s", in_preset.c_str(), e.headline.c_str());
            ImGui::PopStyleColor();
            ImGui::PopID();
            if (!compact) {
                ImGui::TableSetColumnIndex(seat_col);
                ImGui::TextUnformatted(seat.c_str());
                ImGui::TableSetColumnIndex(moved_col);
                ImGui::Text("%d", e.changed_levers);
            }
            for (int p = 0; p < 3 && !scores_in_text; ++p) {
                ImGui::TableSetColumnIndex(score_col + p);
                ImGui::Text("%.0f", e.scores[p]);
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (remove_row >= 0) trainer.room_remove(remove_row);
    if (!stacked) ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    float triangle_h = 0;  // beside the table: the height left
    if (stacked) {
        const float r = std::min((w - ImGui::CalcTextSize("Promote").x - em) / 1.7320508f, f.height * 0.4f);
        triangle_h = r * 1.5f + 2 * (em + em * 0.3f) + ImGui::CalcTextSize(kRoomCaption, nullptr, false, w).y +
                     style.ItemSpacing.y * 2;
    }
    ImGui::BeginChild("##room_triangle", ImVec2(0, triangle_h));
    draw_room_triangle(room);
    muted_wrapped_text(kRoomCaption);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace ui

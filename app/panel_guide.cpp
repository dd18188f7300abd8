// Trainer mode's windows for a guide: the Trainer menu, the library of
// built-in guides, and the guide panel (the step's briefing, goal, hints; the
// debrief), drawn beside the levers or large in the presenter view.
//
// Index of this file:
//   [SECTION] The Trainer menu and the guide library
//   [SECTION] The guide panel
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
#include "core/export.h"
#include "imgui.h"

namespace ui {

namespace {
std::string mmss(double seconds) {
    int s = static_cast<int>(std::max(0.0, seconds));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}
// The trainer's notes (answers included) as a page to print or keep on a
// screen the room does not see.
void download_trainer_notes(const tl::Guide& g) {
    browser::download(g.id + "-trainer-notes.html", "text/html",
                      tl::guide_notes_html(g, browser::url_with_fragment(app::Trainer::guide_link_fragment(g))));
}
}  // namespace

// [SECTION] The Trainer menu and the guide library

void draw_trainer_menu(app::App& app) {
    app::Trainer& trainer = app.trainer;
    if (begin_menu_button("Trainer", "##trainer", "Guided scenarios, presenter view, the room's scenarios")) {
        if (list_entry("Guided scenarios\xE2\x80\xA6")) app.ui_state.guide_library_request = true;
        auto& session = trainer.session();
        if (session) {
            if (list_entry(session->presenter ? "Leave presenter view" : "Presenter view (projector)"))
                session->presenter = !session->presenter;
            if (list_entry("Trainer's notes (download)")) download_trainer_notes(session->guide);
            if (ImGui::IsItemHovered())
                wrapped_tooltip("Every step's answer and questions, to print or read on your own screen: the "
                                "presenter view may be on the projector");
            if (list_entry("Leave the guide")) trainer.leave();
        }
        if (list_entry("Room view: compare participants\xE2\x80\xA6")) app.ui_state.room_open = true;
        ImGui::EndPopup();
    }
}

void draw_guide_library(app::App& app) {
    if (app.ui_state.guide_library_request) {
        ImGui::OpenPopup("Guided scenarios");
        app.ui_state.guide_library_request = false;
    }
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowSize(dialog_size(42, 36));
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Guided scenarios", nullptr, kDialogFlags)) return;
    muted_wrapped_text("Each guide walks the room through a few decisions drawn from the sources, with a goal at each "
                  "step and questions for the debrief. Open one, or share its link (or QR code) with the room.");
    // Flattened: the keyboard goes straight to the first guide's Start.
    ImGui::BeginChild("##guides", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2), false, ImGuiWindowFlags_NavFlattened);
    for (const auto& g : tl::builtin_guides()) {
        ImGui::PushID(g.id.c_str());
        ImGui::Separator();
        ImGui::PushFont(platform::font_bold());
        wrapped_text(g.title);
        ImGui::PopFont();
        muted_wrapped_text(std::string(tl::kBlocShortNames[tl::idx(g.seat)]) + " seat · " + std::to_string(g.steps.size()) +
                      " steps · about " + std::to_string(g.duration_minutes) + " minutes · " + g.audience);
        wrapped_text(g.summary);
        if (ImGui::Button("Start this guide")) {
            app.trainer.open_guide(g.id, "library");
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Copy link")) {
            browser::copy_to_clipboard(browser::url_with_fragment(app::Trainer::guide_link_fragment(g)));
        }
        same_line_if_button_fits("Trainer's notes");
        if (ImGui::Button("Trainer's notes")) download_trainer_notes(g);
        if (ImGui::IsItemHovered())
            wrapped_tooltip("A page with every step's goal, briefing, answer and questions, to print before the workshop");
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (ImGui::Button("Open a guide file\xE2\x80\xA6")) browser::open_file_picker();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A guide you wrote (format: docs/guides.md); or drop it on the page");
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] The guide panel

float draw_guide_panel(app::App& app, bool large) {
    app::Trainer& trainer = app.trainer;
    app::AppState& state = app.state;
    auto& session = trainer.session();
    if (!session) return 0.0f;
    app::GuideSession& g = *session;
    const int n = static_cast<int>(g.guide.steps.size());
    const double now = platform::frame_info().time;
    // A new step (or the debrief, or back from it) opens at the panel's top:
    // its title, goal and buttons, not where the last one was scrolled.
    if (const int shown = g.finished ? -2 : g.step; shown != app.ui_state.guide_panel_step) {
        ImGui::SetScrollY(0.0f);
        app.ui_state.guide_panel_step = shown;
    }

    ImGui::PushFont(platform::font_bold());
    wrapped_text(g.guide.title);
    ImGui::PopFont();
    if (g.finished) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::ink().accent), "Debrief");
        ImGui::Separator();
        ImGui::TextUnformatted("The path taken:");
        // Score columns as wide as their header (whole names when there is
        // room, distinct abbreviations when not); the step's title wraps. A
        // narrow panel (a laptop's guide box, a phone) puts the goal under the
        // title, so the title keeps whole words.
        const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("Step title Goal missed Protect Promote Partner").x * 1.3f;
        const int score_column = narrow ? 1 : 2;
        // (Padded at its outer edges: the last header had touched the panel's edge.)
        if (ImGui::BeginTable("##path", score_column + 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) {
            ImGui::TableSetupColumn("Step", ImGuiTableColumnFlags_WidthStretch);
            if (!narrow) ImGui::TableSetupColumn("Goal", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("missed").x);
            for (int p = 0; p < 3; ++p) {
                // (kPillarNames are string literals: .data() ends in a NUL.)
                const char* header = narrow ? pillar_abbreviation(tl::Pillar(p)) : tl::kPillarNames[p].data();
                ImGui::TableSetupColumn(header, ImGuiTableColumnFlags_WidthFixed,
                                        std::max(ImGui::CalcTextSize(header).x, ImGui::CalcTextSize("100").x));
            }
            ImGui::TableHeadersRow();
            for (const auto& rec : g.path) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextWrapped("%s", g.guide.steps[rec.step].title.c_str());
                const char* goal = g.guide.steps[rec.step].goal ? (rec.goal_met ? "met" : "missed") : "-";
                if (narrow) {
                    if (g.guide.steps[rec.step].goal) ImGui::TextDisabled("goal %s", goal);
                } else {
                    ImGui::TableSetColumnIndex(1);
                    ImGui::TextUnformatted(goal);
                }
                for (int p = 0; p < 3; ++p) {
                    ImGui::TableSetColumnIndex(score_column + p);
                    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pillar_color(tl::Pillar(p))), "%.0f", rec.scores[p]);
                }
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::TextUnformatted("Questions for the room:");
        int q = 1;
        for (const auto& rec : g.path)
            for (const auto& d : g.guide.steps[rec.step].debrief) wrapped_text(std::to_string(q++) + ". " + d);
        for (const auto& d : g.guide.debrief) wrapped_text(std::to_string(q++) + ". " + d);
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("Where you ended", ImGuiTreeNodeFlags_DefaultOpen)) draw_story(state);
        ImGui::Spacing();
        if (ImGui::Button("Back to the last step")) trainer.back_to_last_step();
        same_line_if_button_fits("Leave the guide");
        if (ImGui::Button("Leave the guide")) trainer.leave();
        return 0.0f;
    }

    const tl::GuideStep& step = g.guide.steps[g.step];
    // Progress and the step controls first, so they never scroll away.
    char progress[64];
    std::snprintf(progress, sizeof progress, "Step %d of %d", g.step + 1, n);
    ImGui::ProgressBar(static_cast<float>(g.step + 1) / n, ImVec2(-1, large ? 10 : 6), "");
    ImGui::TextDisabled("%s%s", progress, large ? ("   \xC2\xB7   " + mmss(now - g.step_started)).c_str() : "");
    // The buttons follow on the same line where they fit.
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(progress).x - 20;
    const float needed = ImGui::CalcTextSize("Previous Next step Restart Presenter").x + 60;
    if (room > needed) ImGui::SameLine();
    ImGui::BeginDisabled(g.step == 0);
    if (small_button("Previous")) trainer.previous_step();
    ImGui::EndDisabled();
    // The buttons share a row while they fit (a phone or large text wraps them).
    const char* next_label = g.step + 1 < n ? "Next step" : "Finish and debrief";
    same_line_if_button_fits(next_label);
    if (small_button(next_label)) trainer.next_step();
    same_line_if_button_fits("Restart");
    if (small_button("Restart")) trainer.restart_step();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to where this step began");
    // A projector view is for a laptop, not a phone. Where the button would
    // take a row of its own (a laptop's guide box), the Trainer menu's
    // "Presenter view" offers it and the row goes to the goal.
    if (!large && ImGui::GetIO().DisplaySize.x >= 700 && fits_on_line(button_width("Presenter"))) {
        ImGui::SameLine();
        if (small_button("Presenter")) g.presenter = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Presenter view for a projector (also in the Trainer menu)");
    }
    ImGui::PushFont(platform::font_bold());
    wrapped_text(step.title);
    ImGui::PopFont();
    if (step.goal) {
        ImGui::PushFont(platform::font_bold());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(g.status.met ? theme::ink().better : theme::ink().accent), "%s",
                           g.status.met ? "Goal met" : "Goal");
        ImGui::PopFont();
        ImGui::SameLine();
        wrapped_text(step.goal->description);
        for (const auto& c : g.status.conditions) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.met ? theme::ink().better : ImGui::GetColorU32(ImGuiCol_TextDisabled)), "%s",
                               c.met ? "\xE2\x9C\x93" : "\xE2\x97\x8F");
            ImGui::SameLine();
            wrapped_text(large ? c.text : c.short_text);
        }
        ImGui::Spacing();
    }
    wrapped_text(step.briefing);
    if (!step.sources.empty()) {
        std::string src = "Sources: ";
        for (std::size_t i = 0; i < step.sources.size(); ++i) src += (i ? ", " : "") + step.sources[i];
        muted_wrapped_text(src);
    }
    if (!step.open_levers.empty()) {
        std::string open = "Levers open in this step: ";
        std::vector<std::string> names;
        for (const auto& d : tl::lever_defs())
            if (tl::is_lever_open(step, d.id)) names.push_back(d.name);
        for (std::size_t i = 0; i < names.size(); ++i) open += (i ? ", " : "") + names[i];
        muted_wrapped_text(open);
    }
    float unfolded = 0.0f;
    if (!step.hints.empty() && ImGui::TreeNodeEx("Hints", tree_node_touch_flags())) {
        const float top = ImGui::GetCursorPosY();
        for (const auto& h : step.hints) wrapped_text("\xE2\x80\xA2 " + h);
        ImGui::TreePop();
        unfolded += ImGui::GetCursorPosY() - top;
    }
    // The trainer's notes: only in the presenter view, and folded, since the
    // presenter view may be on the projector.
    const tl::FacilitatorNotes& notes = step.facilitator;
    const bool notes_open = large && !notes.empty() && ImGui::TreeNodeEx("Facilitator notes", tree_node_touch_flags());
    if (large && !notes.empty() && ImGui::IsItemHovered()) wrapped_tooltip("For the trainer: never shown to participants");
    if (notes_open) {
        const float top = ImGui::GetCursorPosY();
        if (notes.minutes > 0) muted_wrapped_text("About " + std::to_string(notes.minutes) + " minutes.");
        if (!notes.expect.empty()) wrapped_text("What the room usually tries: " + notes.expect);
        for (const auto& q : notes.ask) wrapped_text("Ask: " + q);
        if (!notes.answer.empty()) wrapped_text("The answer: " + notes.answer);
        ImGui::TreePop();
        unfolded += ImGui::GetCursorPosY() - top;
    }
    return unfolded;
}

}  // namespace ui

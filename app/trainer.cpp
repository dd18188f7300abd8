#include "app/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "app/browser.h"
#include "app/chart.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/qr.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "core/export.h"
#include "core/share_link.h"
#include "core/story.h"
#include "imgui.h"

namespace app {

// ----- Session ----------------------------------------------------------------

std::string Trainer::guide_link_fragment(const tl::Guide& g) {
    if (const tl::Guide* builtin = tl::find_builtin_guide(g.id); builtin && *builtin == g) return "guide=" + g.id;
    return "guide=~" + tl::encode_base64url(tl::guide_to_compact_json(g));
}

bool Trainer::open_guide(const std::string& id_or_json, const std::string& source) {
    std::string text = id_or_json;
    if (!text.empty() && text[0] == '~') {  // a custom guide carried in the link
        auto decoded = tl::decode_base64url(std::string_view(text).substr(1));
        if (!decoded) {
            sharing_.notify(Notice::Kind::Error, "The guide in the " + source +
                                                     " is damaged (not base64url). Nothing was opened; your saved work is unchanged.");
            return false;
        }
        text = *decoded;
    }
    tl::GuideReadResult r = tl::resolve_guide(text);
    if (!r.ok) {
        // The errors may quote the guide id or text given (a link can carry a megabyte): cut.
        const std::string all = cut_text(first_errors(r.errors), Sharing::kMaxQuoteBytes);
        sharing_.notify(Notice::Kind::Error, "The guide from the " + source + " could not be opened: " + all +
                                                 ". Nothing was opened; your saved work is unchanged.");
        return false;
    }
    sharing_.begin_entry("guide");  // the guide is played in a new library entry: saved work stays as it was
    session_.emplace();
    session_->guide = r.guide;
    session_->link = browser::url_with_fragment(guide_link_fragment(r.guide));
    tl::Scenario s = tl::guide_start_scenario(r.guide);
    s.name = r.guide.title;
    state_.set_scenario(s);
    start_step(0);
    sharing_.notify(Notice::Kind::Info, "Guide: " + r.guide.title + ". Your previous work is kept in the library.", 6);
    return true;
}

void Trainer::start_step(int step) {
    if (!session_) return;
    GuideSession& g = *session_;
    step = std::clamp(step, 0, static_cast<int>(g.guide.steps.size()) - 1);
    g.step = step;
    g.finished = false;
    tl::Scenario s = state_.scenario();
    if (step > 0) tl::apply_step_setup(g.guide.steps[step], s);  // step 0's setup is in the start scenario
    state_.set_scenario(s);
    g.step_start_scenario = s;
    g.step_start = tl::run(s);
    g.step_started = now_;
    g.status_revision = 0;
}

void Trainer::next_step() {
    if (!session_) return;
    GuideSession& g = *session_;
    const auto& v = state_.view();
    StepRecord rec;
    rec.step = g.step;
    rec.goal_met = g.status.met || !g.guide.steps[g.step].goal;
    rec.scores = tl::trilemma_scores(tl::TrilemmaId::EconomicSecurity, state_.scenario(), v.scenario,
                                     state_.scenario().seat, v.scenario.years - 1);
    rec.changed_levers = state_.changed_lever_count();
    g.path.erase(std::remove_if(g.path.begin(), g.path.end(), [&](const StepRecord& r) { return r.step == g.step; }),
                 g.path.end());
    g.path.push_back(rec);
    if (g.step + 1 >= static_cast<int>(g.guide.steps.size())) finish();
    else start_step(g.step + 1);
}

void Trainer::previous_step() {
    if (session_ && session_->step > 0) start_step(session_->step - 1);
}

void Trainer::finish() {
    if (session_) session_->finished = true;
}

void Trainer::leave() { session_.reset(); }

void Trainer::frame(double now) {
    now_ = now;
    for (int slot = 0; slot < tl::kSlotCount; ++slot) state_.locked[slot] = !lever_open(slot);
    if (!session_ || session_->finished) return;
    GuideSession& g = *session_;
    if (g.status_revision == state_.revision()) return;
    g.status_revision = state_.revision();
    const auto& step = g.guide.steps[g.step];
    if (step.goal)
        g.status = tl::evaluate_goal(*step.goal, state_.scenario(), state_.view().scenario, state_.view().baseline,
                                     &g.step_start);
    else
        g.status = {};
}

bool Trainer::lever_open(int slot) const {
    if (!session_ || session_->finished) return true;
    return tl::is_lever_open(session_->guide.steps[session_->step], slot);
}

// ----- Room view ----------------------------------------------------------------

void Trainer::room_add(const std::string& text) {
    std::istringstream in(text);
    std::string token;
    int added = 0, rejected = 0;
    while (in >> token) {
        if (room_.size() >= 200) break;
        RoomEntry e;
        e.source = token;
        tl::ShareDecodeResult r = tl::decode_share_code(token);
        e.ok = r.ok;
        if (!r.ok) {
            e.error = r.errors.empty() ? "unreadable" : r.errors.front();
            e.label = "?";
            ++rejected;
        } else {
            e.scenario = r.scenario;
            tl::Results res = tl::run(e.scenario);
            e.scores = tl::trilemma_scores(tl::TrilemmaId::EconomicSecurity, e.scenario, res, e.scenario.seat,
                                           res.years - 1);
            const tl::Scenario base = tl::baseline_of(e.scenario);
            for (int b = 0; b < tl::kBlocCount; ++b)
                for (int slot = 0; slot < tl::kSlotCount; ++slot)
                    e.changed_levers += e.scenario.policy[b][slot] != base.policy[b][slot];
            e.headline = tl::tell_story(e.scenario).headline;
            ++added;
        }
        // A number first: two participants may share a name (their preset's).
        e.label = std::to_string(next_row_ + 1);
        if (e.ok) {
            // Unnamed (the preset's name): what it changed tells the rows apart.
            const tl::Preset* preset = tl::find_preset(e.scenario.preset);
            const bool unnamed = e.scenario.name.empty() || (preset && e.scenario.name == preset->name);
            e.label += " " + (unnamed ? ui::changes_summary(e.scenario) : e.scenario.name);
        }
        room_.push_back(std::move(e));
        ++next_row_;
    }
    const int duplicates_before = room_duplicates();
    flag_room_duplicates();
    const int duplicates = room_duplicates() - duplicates_before;
    sharing_.notify(rejected || duplicates ? Notice::Kind::Warning : Notice::Kind::Info,
                    std::to_string(added) + " scenario" + (added == 1 ? "" : "s") + " added to the room" +
                        (rejected ? ", " + std::to_string(rejected) + " link(s) could not be read (see the table)" : "") +
                        (duplicates ? ", " + std::to_string(duplicates) + " the same as an earlier row (marked \"same as\")" : "") +
                        ".",
                    6);
}

void Trainer::flag_room_duplicates() {
    // The same scenario pasted twice (a participant who shared twice, or two
    // copies of one link): its share code is the scenario, whatever the URL.
    for (std::size_t i = 0; i < room_.size(); ++i) {
        room_[i].same_as = -1;
        if (!room_[i].ok) continue;
        const std::string code = tl::encode_share_code(room_[i].scenario);
        for (std::size_t j = 0; j < i && room_[i].same_as < 0; ++j)
            if (room_[j].ok && tl::encode_share_code(room_[j].scenario) == code) room_[i].same_as = static_cast<int>(j);
    }
}

int Trainer::room_duplicates() const {
    int n = 0;
    for (const auto& e : room_) n += e.same_as >= 0;
    return n;
}

void Trainer::room_remove(int row) {
    if (row < 0 || row >= static_cast<int>(room_.size())) return;
    room_.erase(room_.begin() + row);
    flag_room_duplicates();
}

std::string Trainer::room_csv() const {
    // The participant's seat's levers close each row, and the link they sent,
    // so a spreadsheet shows what each one set and can reopen it.
    std::string out = "label,seat,preset,horizon,protect,promote,partner,changed_levers,same_as,error,link,story," +
                      tl::lever_csv_header() + "\n";
    char buf[160];
    std::string no_levers(tl::kSlotCount - 1, ',');
    for (const auto& e : room_) {
        out += tl::csv_field(e.label);
        const std::string same_as = e.same_as >= 0 ? tl::csv_field(room_[e.same_as].label) : "";
        if (e.ok) {
            std::snprintf(buf, sizeof buf, ",%s,%s,%d,%.1f,%.1f,%.1f,%d,",
                          std::string(tl::kBlocIds[tl::idx(e.scenario.seat)]).c_str(), e.scenario.preset.c_str(),
                          e.scenario.horizon, e.scores[0], e.scores[1], e.scores[2], e.changed_levers);
            out += buf + same_as + ",," + tl::csv_field(e.source) + "," + tl::csv_field(e.headline) + "," +
                   tl::lever_csv_values(e.scenario, e.scenario.seat) + "\n";
        } else {
            out += ",,,,,,,,," + tl::csv_field(e.error) + "," + tl::csv_field(e.source) + ",," + no_levers + "\n";
        }
    }
    return out;
}

}  // namespace app

// ----- UI -----------------------------------------------------------------------
namespace ui {

namespace {
std::string mmss(double seconds) {
    int s = static_cast<int>(std::max(0.0, seconds));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}
void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}
void muted_wrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    wrapped(text);
    ImGui::PopStyleColor();
}
}  // namespace

void draw_trainer_menu(app::Trainer& trainer) {
    if (ImGui::Button("Trainer")) ImGui::OpenPopup("##trainer");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Guided scenarios, presenter view, the room's scenarios");
    if (ImGui::BeginPopup("##trainer")) {
        if (ImGui::Selectable("Guided scenarios\xE2\x80\xA6")) trainer.library_open = true;
        auto& session = trainer.session();
        if (session) {
            if (ImGui::Selectable(session->presenter ? "Leave presenter view" : "Presenter view (projector)"))
                session->presenter = !session->presenter;
            if (ImGui::Selectable("Leave the guide")) trainer.leave();
        }
        if (ImGui::Selectable("Room view: compare participants\xE2\x80\xA6")) trainer.room_open = true;
        ImGui::EndPopup();
    }
}

void draw_guide_library(app::Trainer& trainer) {
    if (trainer.library_open) {
        ImGui::OpenPopup("Guided scenarios");
        trainer.library_open = false;
    }
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, f.width - 20), std::min(620.0f, f.height - 40)));
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Guided scenarios", nullptr, ImGuiWindowFlags_NoResize)) return;
    muted_wrapped("Each guide walks the room through a few decisions drawn from the sources, with a goal at each "
                  "step and questions for the debrief. Open one, or share its link (or QR code) with the room.");
    ImGui::BeginChild("##guides", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2));
    for (const auto& g : tl::builtin_guides()) {
        ImGui::PushID(g.id.c_str());
        ImGui::Separator();
        ImGui::PushFont(platform::font_bold());
        wrapped(g.title);
        ImGui::PopFont();
        muted_wrapped(std::string(tl::kBlocShortNames[tl::idx(g.seat)]) + " seat · " + std::to_string(g.steps.size()) +
                      " steps · about " + std::to_string(g.duration_minutes) + " minutes · " + g.audience);
        wrapped(g.summary);
        if (ImGui::Button("Start this guide")) {
            trainer.open_guide(g.id, "library");
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Copy link")) {
            browser::copy_to_clipboard(browser::url_with_fragment(app::Trainer::guide_link_fragment(g)));
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (ImGui::Button("Open a guide file\xE2\x80\xA6")) browser::open_file_picker();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A guide you wrote (format: docs/guides.md); or drop it on the page");
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_guide_panel(app::Trainer& trainer, app::AppState& state, bool large) {
    auto& session = trainer.session();
    if (!session) return;
    app::GuideSession& g = *session;
    const int n = static_cast<int>(g.guide.steps.size());
    const double now = platform::frame_info().time;

    ImGui::PushFont(platform::font_bold());
    wrapped(g.guide.title);
    ImGui::PopFont();
    if (g.finished) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::ink().accent), "Debrief");
        ImGui::Separator();
        ImGui::TextUnformatted("The path taken:");
        if (ImGui::BeginTable("##path", 5, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            // Score columns as wide as their header (whole names when there is
            // room, distinct abbreviations when not); the step's title wraps.
            const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("Step title Goal missed Protect Promote Partner").x * 1.3f;
            ImGui::TableSetupColumn("Step", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("Goal", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("missed").x);
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
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(g.guide.steps[rec.step].goal ? (rec.goal_met ? "met" : "missed") : "-");
                for (int p = 0; p < 3; ++p) {
                    ImGui::TableSetColumnIndex(2 + p);
                    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pillar_color(tl::Pillar(p))), "%.0f", rec.scores[p]);
                }
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::TextUnformatted("Questions for the room:");
        int q = 1;
        for (const auto& rec : g.path)
            for (const auto& d : g.guide.steps[rec.step].debrief) wrapped(std::to_string(q++) + ". " + d);
        for (const auto& d : g.guide.debrief) wrapped(std::to_string(q++) + ". " + d);
        ImGui::Spacing();
        if (ImGui::CollapsingHeader("Where you ended", ImGuiTreeNodeFlags_DefaultOpen)) draw_story(state);
        ImGui::Spacing();
        if (ImGui::Button("Back to the last step")) trainer.start_step(n - 1);
        same_line_if_fits(ImGui::CalcTextSize("Leave the guide").x + ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::Button("Leave the guide")) trainer.leave();
        return;
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
    if (ImGui::SmallButton("Previous")) trainer.previous_step();
    ImGui::EndDisabled();
    // The buttons share a row while they fit (a phone or large text wraps them).
    auto next_to = [](const char* label) {
        same_line_if_fits(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
    };
    const char* next_label = g.step + 1 < n ? "Next step" : "Finish and debrief";
    next_to(next_label);
    if (ImGui::SmallButton(next_label)) trainer.next_step();
    next_to("Restart");
    if (ImGui::SmallButton("Restart")) trainer.start_step(g.step);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to where this step began");
    if (!large && ImGui::GetIO().DisplaySize.x >= 700) {  // a projector view is for a laptop, not a phone
        next_to("Presenter");
        if (ImGui::SmallButton("Presenter")) g.presenter = true;
    }
    ImGui::PushFont(platform::font_bold());
    wrapped(step.title);
    ImGui::PopFont();
    if (step.goal) {
        ImGui::PushFont(platform::font_bold());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(g.status.met ? theme::ink().better : theme::ink().accent), "%s",
                           g.status.met ? "Goal met" : "Goal");
        ImGui::PopFont();
        ImGui::SameLine();
        wrapped(step.goal->description);
        for (const auto& c : g.status.conditions) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.met ? theme::ink().better : ImGui::GetColorU32(ImGuiCol_TextDisabled)), "%s",
                               c.met ? "\xE2\x9C\x93" : "\xE2\x97\x8F");
            ImGui::SameLine();
            wrapped(large ? c.text : c.short_text);
        }
        ImGui::Spacing();
    }
    wrapped(step.briefing);
    if (!step.sources.empty()) {
        std::string src = "Sources: ";
        for (std::size_t i = 0; i < step.sources.size(); ++i) src += (i ? ", " : "") + step.sources[i];
        muted_wrapped(src);
    }
    if (!step.open_levers.empty()) {
        std::string open = "Levers open in this step: ";
        std::vector<std::string> names;
        for (const auto& d : tl::lever_defs())
            if (tl::is_lever_open(step, d.id)) names.push_back(d.name);
        for (std::size_t i = 0; i < names.size(); ++i) open += (i ? ", " : "") + names[i];
        muted_wrapped(open);
    }
    if (!step.hints.empty() && ImGui::TreeNode("Hints")) {
        for (const auto& h : step.hints) wrapped("\xE2\x80\xA2 " + h);
        ImGui::TreePop();
    }
    // The trainer's notes: only in the presenter view, and folded, since the
    // presenter view may be on the projector.
    const tl::FacilitatorNotes& notes = step.facilitator;
    const bool notes_open = large && !notes.empty() && ImGui::TreeNode("Facilitator notes");
    if (large && !notes.empty() && ImGui::IsItemHovered()) wrapped_tooltip("For the trainer: never shown to participants");
    if (notes_open) {
        if (notes.minutes > 0) muted_wrapped("About " + std::to_string(notes.minutes) + " minutes.");
        if (!notes.expect.empty()) wrapped("What the room usually tries: " + notes.expect);
        for (const auto& q : notes.ask) wrapped("Ask: " + q);
        if (!notes.answer.empty()) wrapped("The answer: " + notes.answer);
        ImGui::TreePop();
    }
}

void draw_presenter(app::Trainer& trainer, app::AppState& state) {
    auto& session = trainer.session();
    if (!session) return;
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(f.width, f.height));
    ImGui::Begin("##presenter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings);
    // Large type for the back of the room, as far as the screen is wide (a
    // phone gets none).
    ImGui::SetWindowFontScale(std::clamp(f.width / 900.0f, 1.0f, 1.45f));
    // The brief beside the triangle; above it on a narrow screen.
    const bool stacked = f.width < ImGui::GetFontSize() * 40;
    const float left = stacked ? f.width : f.width * 0.55f;
    ImGui::BeginChild("##brief", ImVec2(stacked ? 0 : left, stacked ? f.height * 0.5f : 0));
    draw_guide_panel(trainer, state, /*large=*/true);
    ImGui::Spacing();
    if (ImGui::Button("Leave presenter view")) session->presenter = false;
    ImGui::EndChild();
    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("##side", ImVec2(0, 0));
    draw_score_strip(state);
    const float qr = std::min(170.0f, f.height * 0.22f);
    // The room's scenario in one line, and where the trilemma bit, under the
    // triangle; the triangle gives up the height they need.
    const tl::Story& story = state.view().story;
    const std::string bit = story.sections.size() > 1 ? story.sections.back().claims.front().text : "";
    const float wrap = ImGui::GetContentRegionAvail().x;
    const float words = ImGui::CalcTextSize(story.summary.c_str(), nullptr, false, wrap).y +
                        ImGui::CalcTextSize(bit.c_str(), nullptr, false, wrap).y;
    draw_triangle(state, std::min(ImGui::GetContentRegionAvail().x, f.height - qr - words - ImGui::GetFontSize() * 9));
    wrapped(story.summary);
    if (!bit.empty()) muted_wrapped(bit);
    if (!session->link.empty()) {
        ImGui::SetWindowFontScale(1.0f);
        ImGui::TextDisabled("Scan to open this guide:");
        qr_code(session->link, qr);
    }
    ImGui::EndChild();
    ImGui::End();
}

void draw_room_window(app::Trainer& trainer, app::AppState& state) {
    if (!trainer.room_open) return;
    const platform::FrameInfo& f = platform::frame_info();
    // Sized in lines of text, so that larger text (a projector) gets a larger window.
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 58, f.width - 20), std::min(em * 41, f.height - 40)), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("The room", &trainer.room_open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    static std::string input(16 * 1024, '\0');
    muted_wrapped("Paste the participants' share links, one per line (or press Ctrl+V anywhere on the page while this "
                  "window is open), then Add.");
    ImGui::InputTextMultiline("##links", input.data(), input.size(), ImVec2(-1, ImGui::GetTextLineHeight() * 4));
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
    // Each participant's mix as in the main triangle: a corner is 100 on one
    // pillar, the centre 0; a mix is the triangle through its three scores.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const float size = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - font * 3);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float r = size * 0.5f - font * 1.5f;
    const ImVec2 c(p0.x + size * 0.5f, p0.y + font * 1.5f + r);
    const float pi = 3.14159265f;
    const ImVec2 dir[3] = {ImVec2(0, -1), ImVec2(std::cos(pi * 5 / 6), std::sin(pi * 5 / 6)),
                           ImVec2(std::cos(pi / 6), std::sin(pi / 6))};  // Protect top, Promote left, Partner right
    auto at = [&](int axis, double score) {
        float k = r * static_cast<float>(std::clamp(score, 0.0, 100.0) / 100.0);
        return ImVec2(c.x + dir[axis].x * k, c.y + dir[axis].y * k);
    };
    for (int level = 1; level <= 4; ++level) {
        ImVec2 q[3] = {at(0, level * 25), at(1, level * 25), at(2, level * 25)};
        dl->AddPolyline(q, 3, ImGui::GetColorU32(level == 2 ? ImGuiCol_Text : ImGuiCol_Border, level == 2 ? 0.35f : 1.0f),
                        ImDrawFlags_Closed, 1.0f);
    }
    for (int i = 0; i < 3; ++i) {
        std::string name(tl::kPillarNames[i]);
        ImVec2 ts = ImGui::CalcTextSize(name.c_str()), corner = at(i, 100);
        dl->AddText(i == 0 ? ImVec2(corner.x - ts.x * 0.5f, corner.y - ts.y - 2) : ImVec2(corner.x - ts.x * 0.5f, corner.y + 4),
                    pillar_color(tl::Pillar(i)), name.c_str());
    }
    int k = 0;
    for (const auto& e : room) {
        if (!e.ok) continue;
        ImVec2 q[3] = {at(0, e.scores[0]), at(1, e.scores[1]), at(2, e.scores[2])};
        ImU32 col = ImGui::ColorConvertFloat4ToU32(ImColor::HSV(0.08f * static_cast<float>(k++ % 12), 0.65f, 0.8f));
        dl->AddPolyline(q, 3, (col & 0x00FFFFFF) | 0xA0000000, ImDrawFlags_Closed, 1.5f);
        for (const auto& v : q) dl->AddCircleFilled(v, 3.0f, col);
        ImVec2 centre((q[0].x + q[1].x + q[2].x) / 3, (q[0].y + q[1].y + q[2].y) / 3);
        dl->AddText(ImVec2(centre.x + 3, centre.y - font * 0.5f), col, e.label.substr(0, e.label.find(' ')).c_str());
    }
    ImGui::Dummy(ImVec2(size, size));
    muted_wrapped("Darker line: the 2024 position (50 on every pillar). Each coloured triangle is one participant's mix.");
    ImGui::EndChild();
    ImGui::End();
    (void)state;
}

}  // namespace ui

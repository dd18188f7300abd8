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
            ++added;
        }
        // A number first: two participants may share a name (their preset's).
        e.label = std::to_string(room_.size() + 1);
        if (e.ok && !e.scenario.name.empty()) e.label += " " + e.scenario.name.substr(0, 24);
        room_.push_back(std::move(e));
    }
    sharing_.notify(rejected ? Notice::Kind::Warning : Notice::Kind::Info,
                    std::to_string(added) + " scenario" + (added == 1 ? "" : "s") + " added to the room" +
                        (rejected ? ", " + std::to_string(rejected) + " link(s) could not be read (see the table)" : "") +
                        ".",
                    6);
}

std::string Trainer::room_csv() const {
    std::string out = "label,seat,preset,horizon,protect,promote,partner,changed_levers,error\n";
    char buf[128];
    for (const auto& e : room_) {
        out += tl::csv_field(e.label);
        if (e.ok) {
            std::snprintf(buf, sizeof buf, ",%s,%s,%d,%.1f,%.1f,%.1f,%d,\n",
                          std::string(tl::kBlocIds[tl::idx(e.scenario.seat)]).c_str(), e.scenario.preset.c_str(),
                          e.scenario.horizon, e.scores[0], e.scores[1], e.scores[2], e.changed_levers);
            out += buf;
        } else {
            out += ",,,,,,,," + tl::csv_field(e.error) + "\n";
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
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kAccent), "Debrief");
        ImGui::Separator();
        ImGui::TextUnformatted("The path taken:");
        if (ImGui::BeginTable("##path", 5, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("Step", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn("Goal");
            ImGui::TableSetupColumn("Protect");
            ImGui::TableSetupColumn("Promote");
            ImGui::TableSetupColumn("Partner");
            ImGui::TableHeadersRow();
            for (const auto& rec : g.path) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(g.guide.steps[rec.step].title.c_str());
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
        if (ImGui::Button("Back to the last step")) trainer.start_step(n - 1);
        ImGui::SameLine();
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
    ImGui::SameLine();
    if (ImGui::SmallButton(g.step + 1 < n ? "Next step" : "Finish and debrief")) trainer.next_step();
    ImGui::SameLine();
    if (ImGui::SmallButton("Restart")) trainer.start_step(g.step);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to where this step began");
    if (!large && ImGui::GetIO().DisplaySize.x >= 700) {  // a projector view is for a laptop, not a phone
        ImGui::SameLine();
        if (ImGui::SmallButton("Presenter")) g.presenter = true;
    }
    ImGui::PushFont(platform::font_bold());
    wrapped(step.title);
    ImGui::PopFont();
    if (step.goal) {
        ImGui::PushFont(platform::font_bold());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(g.status.met ? theme::kPromote : theme::kAccent), "%s",
                           g.status.met ? "Goal met" : "Goal");
        ImGui::PopFont();
        ImGui::SameLine();
        wrapped(step.goal->description);
        for (const auto& c : g.status.conditions) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.met ? theme::kPromote : theme::kTextMuted), "%s",
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
    (void)state;
}

void draw_presenter(app::Trainer& trainer, app::AppState& state) {
    auto& session = trainer.session();
    if (!session) return;
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(f.width, f.height));
    ImGui::Begin("##presenter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings);
    ImGui::SetWindowFontScale(1.45f);  // large type for the back of the room
    const float left = f.width * 0.55f;
    ImGui::BeginChild("##brief", ImVec2(left, 0));
    draw_guide_panel(trainer, state, /*large=*/true);
    ImGui::Spacing();
    if (ImGui::Button("Leave presenter view")) session->presenter = false;
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##side", ImVec2(0, 0));
    draw_score_strip(state);
    const float qr = std::min(170.0f, f.height * 0.22f);
    draw_triangle(state, std::min(f.width - left - 60, f.height - qr - ImGui::GetFontSize() * 9));
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
    ImGui::SetNextWindowSize(ImVec2(std::min(980.0f, f.width - 20), std::min(700.0f, f.height - 40)), ImGuiCond_Appearing);
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
            if (p) ImGui::SameLine(0, 24);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pillar_color(tl::Pillar(p))), "%s: mean %.0f, range %.0f-%.0f",
                               std::string(tl::kPillarNames[p]).c_str(), sum[p] / ok, lo[p], hi[p]);
        }
    }
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##room_table", ImVec2(w * 0.55f, 0));
    if (ImGui::BeginTable("##room", 6, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("Seat");
        ImGui::TableSetupColumn("Protect");
        ImGui::TableSetupColumn("Promote");
        ImGui::TableSetupColumn("Partner");
        ImGui::TableSetupColumn("Moved");
        ImGui::TableHeadersRow();
        for (const auto& e : room) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(e.label.c_str());
            if (!e.ok) {
                ImGui::TableSetColumnIndex(1);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kProtect), "unreadable");
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.error.c_str());
                continue;
            }
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(std::string(tl::kBlocShortNames[tl::idx(e.scenario.seat)]).c_str());
            for (int p = 0; p < 3; ++p) {
                ImGui::TableSetColumnIndex(2 + p);
                ImGui::Text("%.0f", e.scores[p]);
            }
            ImGui::TableSetColumnIndex(5);
            ImGui::Text("%d", e.changed_levers);
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::SameLine();
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

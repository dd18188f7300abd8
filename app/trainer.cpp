// Trainer mode's session (app/trainer.h); its windows are panel_guide.cpp,
// panel_presenter.cpp and panel_room.cpp.
//
// Index of this file:
//   [SECTION] Session: opening a guide, its steps, the goal's status
//   [SECTION] Room: the participants' links, their scores, the CSV
#include "app/trainer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <sstream>
#include <string_view>

#include "app/browser.h"
#include "app/library.h"
#include "app/ui_common.h"
#include "core/export.h"
#include "core/scenario_io.h"
#include "core/share_link.h"
#include "core/story.h"

namespace app {

// [SECTION] Session: opening a guide, its steps, the goal's status

std::string Trainer::guide_link_fragment(const tl::Guide& g) {
    if (const tl::Guide* builtin = tl::find_builtin_guide(g.id); builtin && *builtin == g) return "guide=" + g.id;
    return "guide=~" + tl::encode_base64url(tl::guide_to_compact_json(g));
}

bool Trainer::open_guide(const std::string& id_or_json, const std::string& source) {
    tl::GuideReadResult r = tl::resolve_guide_link(id_or_json);
    if (!r.ok) {
        // The errors may quote the guide id or text given (a link can carry a megabyte): cut.
        const std::string all = cut_text(first_errors(r.errors), Sharing::kMaxQuoteBytes);
        sharing_.notify_refused("The guide from the " + source + " could not be opened: " + all +
                                                 ". Nothing was opened; your saved work is unchanged.");
        return false;
    }
    const bool had_work = !sharing_.entry_id().empty();  // this tab's work was kept as an entry
    sharing_.begin_entry("guide");  // the guide is played in a new library entry: saved work stays as it was
    session_.emplace();
    session_->guide = r.guide;
    session_->link = browser::url_with_fragment(guide_link_fragment(r.guide));
    tl::Scenario s = tl::guide_start_scenario(r.guide);
    s.name = r.guide.title;
    state_.set_scenario(s);
    session_->steps_seen.assign(r.guide.steps.size(), {});
    enter_step(0);
    state_.clear_history();  // Undo would bring back the previous work under the guide's goals
    // Only where there was work to keep: the guide's panel names the guide
    // (a notice repeating it covered the end of the brief on a laptop at 1.6).
    if (had_work)
        sharing_.notify(Notice::Kind::Info, "Started the guide \xE2\x80\x9C" + r.guide.title + "\xE2\x80\x9D: your previous work is kept in the library.",
                        6, Notice::Action::OpenLibrary);
    return true;
}

namespace {
// What a step's start is made of: the levers, assumptions and settings, not
// the name or notes (a rename in the library is no new start).
bool same_setting(const tl::Scenario& a, const tl::Scenario& b) {
    return a.policy == b.policy && a.assumptions == b.assumptions && a.seat == b.seat && a.horizon == b.horizon &&
           a.reactions == b.reactions && a.start_year == b.start_year && a.preset == b.preset;
}
}  // namespace

// Enters `step` from the scenario on screen. A step entered before from the
// same setting resumes where it was left, its start unchanged (Previous then
// Next must not move a goal measured from the step's start); from any other
// (an earlier step changed) it starts afresh, with the step's setup applied
// (step 0's setup is in the guide's start scenario), and the levers it opens
// keep the values the participant gave them there, measured from the new start.
void Trainer::enter_step(int step) {
    GuideSession& g = *session_;
    step = std::clamp(step, 0, static_cast<int>(g.guide.steps.size()) - 1);
    GuideSession::StepMemory& m = g.steps_seen[step];
    const tl::Scenario from = state_.scenario();
    if (!(m.start && m.entered_from && same_setting(*m.entered_from, from))) {
        tl::Scenario s = from;
        if (step > 0) tl::apply_step_setup(g.guide.steps[step], s);
        // (Only those the earlier step did not change: a lever open in both
        // takes the earlier step's new value.)
        std::optional<tl::Scenario> kept;
        if (m.left_at && m.entered_from) {
            kept = s;
            const int seat = tl::idx(s.seat);
            for (int slot = 0; slot < tl::kSlotCount; ++slot)
                if (tl::is_lever_open(g.guide.steps[step], slot) && from.policy[seat][slot] == m.entered_from->policy[seat][slot])
                    kept->policy[seat][slot] = m.left_at->policy[seat][slot];
        }
        m = {s, from, kept};
    }
    show_step(step, m.left_at ? *m.left_at : *m.start);
}

// Shows `step` with the levers and settings of `scenario` (the name and notes
// stay as they are), measured from the step's start. Undo does not reach
// across a change of step: it would bring back the last step's levers under
// this step's locks and goal.
void Trainer::show_step(int step, const tl::Scenario& scenario) {
    GuideSession& g = *session_;
    const bool new_step = g.finished || g.step != step;
    g.step = step;
    g.finished = false;
    tl::Scenario s = scenario;
    s.name = state_.scenario().name;
    s.notes = state_.scenario().notes;
    state_.set_scenario(s);
    if (new_step) state_.clear_history();
    g.step_start = tl::run(*g.steps_seen[step].start);
    g.step_started = now_;
    g.status = {};
    g.status_revision = 0;
    persist();
}

void Trainer::restart_step() {
    if (!session_) return;
    GuideSession& g = *session_;
    g.steps_seen[g.step].left_at.reset();
    show_step(g.step, *g.steps_seen[g.step].start);
}

// Back to a step already played, as it was left (its start is kept); from
// the debrief, the last step as the screen shows it.
void Trainer::return_to_step(int step) {
    GuideSession& g = *session_;
    g.steps_seen[g.step].left_at = state_.scenario();
    const GuideSession::StepMemory& m = g.steps_seen[step];
    if (m.start) show_step(step, m.left_at ? *m.left_at : *m.start);
    else enter_step(step);
}

void Trainer::back_to_last_step() {
    if (session_) return_to_step(static_cast<int>(session_->guide.steps.size()) - 1);
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
    g.steps_seen[g.step].left_at = state_.scenario();
    if (g.step + 1 >= static_cast<int>(g.guide.steps.size())) finish();
    else enter_step(g.step + 1);
}

void Trainer::previous_step() {
    if (session_ && session_->step > 0) return_to_step(session_->step - 1);
}

void Trainer::finish() {
    if (session_) session_->finished = true;
    persist();
}

void Trainer::leave() {
    session_.reset();
    persist();
}

// The session as lines of text: a header, the entry, the guide's link
// fragment, the step, the path, then the step's start scenario (JSON, last:
// it spans lines).
namespace {
constexpr const char* kSessionKey = "trilemma-lab.tab.guide";
constexpr const char* kSessionHeader = "trilemma-lab/guide-session 1";
}  // namespace

void Trainer::persist() {
    persisted_presenter_ = session_ && session_->presenter;
    if (!session_) {
        browser::session_set(kSessionKey, "");
        return;
    }
    const GuideSession& g = *session_;
    std::string out = std::string(kSessionHeader) + "\nentry " + g.entry + "\nguide " + guide_link_fragment(g.guide) +
                      "\nstep " + std::to_string(g.step) + " " + (g.finished ? "1" : "0") + " " +
                      (g.presenter ? "1" : "0") + "\n";
    for (const auto& rec : g.path) {
        char line[160];
        std::snprintf(line, sizeof line, "path %d %d %d %.17g %.17g %.17g\n", rec.step, rec.goal_met ? 1 : 0,
                      rec.changed_levers, rec.scores[0], rec.scores[1], rec.scores[2]);
        out += line;
    }
    // Each step's start, where it was entered from and where it was left (a
    // line each, compact JSON), so that after a reload Previous and Next keep
    // the goals' starts.
    for (std::size_t k = 0; k < g.steps_seen.size(); ++k) {
        const GuideSession::StepMemory& m = g.steps_seen[k];
        const std::pair<const char*, const std::optional<tl::Scenario>*> kept[] = {
            {"start", &m.start}, {"from", &m.entered_from}, {"left", &m.left_at}};
        for (const auto& [what, s] : kept)
            if (*s) out += "seen " + std::to_string(k) + " " + what + " " + tl::scenario_to_json(**s, false) + "\n";
    }
    browser::session_set(kSessionKey, out + "start\n" + tl::scenario_to_json(*g.steps_seen[g.step].start, false));
}

bool Trainer::restore() {
    const std::string text = browser::session_get(kSessionKey);
    if (text.empty()) return false;
    // Written by persist() in this tab; anything else is ignored (the work
    // itself is in the library entry, restored already).
    std::istringstream in(text);
    std::string line, entry;
    if (!std::getline(in, line) || line != kSessionHeader) return false;
    if (!std::getline(in, line) || line.rfind("entry ", 0) != 0) return false;
    entry = line.substr(6);
    if (entry.empty() || entry != sharing_.entry_id()) return false;  // the tab is on other work now
    if (!std::getline(in, line) || line.rfind("guide guide=", 0) != 0) return false;
    tl::GuideReadResult r = tl::resolve_guide_link(line.substr(12));
    if (!r.ok) return false;
    const int steps = static_cast<int>(r.guide.steps.size());
    GuideSession g;
    g.guide = r.guide;
    g.entry = entry;
    g.link = browser::url_with_fragment(guide_link_fragment(r.guide));
    int finished = 0, presenter = 0;
    if (!std::getline(in, line) || std::sscanf(line.c_str(), "step %d %d %d", &g.step, &finished, &presenter) != 3 ||
        g.step < 0 || g.step >= steps)
        return false;
    g.finished = finished == 1;
    g.presenter = presenter == 1;
    g.steps_seen.assign(steps, {});
    while (std::getline(in, line) && line != "start") {
        if (line.rfind("seen ", 0) == 0) {
            int k = -1, used = 0;
            char what[8] = "";
            if (std::sscanf(line.c_str(), "seen %d %7s %n", &k, what, &used) != 2 || k < 0 || k >= steps || used <= 0) return false;
            tl::ScenarioReadResult seen = tl::scenario_from_json(line.substr(static_cast<std::size_t>(used)));
            if (!seen.ok) return false;
            GuideSession::StepMemory& m = g.steps_seen[k];
            const std::string kind = what;
            if (kind == "start") m.start = seen.scenario;
            else if (kind == "from") m.entered_from = seen.scenario;
            else if (kind == "left") m.left_at = seen.scenario;
            else return false;
            continue;
        }
        StepRecord rec;
        int met = 0;
        if (std::sscanf(line.c_str(), "path %d %d %d %lf %lf %lf", &rec.step, &met, &rec.changed_levers, &rec.scores[0],
                        &rec.scores[1], &rec.scores[2]) != 6 ||
            rec.step < 0 || rec.step >= steps)
            return false;
        rec.goal_met = met == 1;
        g.path.push_back(rec);
    }
    if (line != "start") return false;
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    tl::ScenarioReadResult start = tl::scenario_from_json(json);
    if (!start.ok) return false;
    g.step_start = tl::run(start.scenario);
    g.steps_seen[g.step].start = start.scenario;
    g.step_started = now_;
    session_ = std::move(g);
    return true;
}

void Trainer::frame(double now) {
    now_ = now;
    // A file or a link opened during a guide, or Back to before it, replaced
    // its scenario: the guide's goals would be judged on another seat or horizon.
    if (session_) {
        const tl::Scenario& s = state_.scenario();
        const tl::Guide& guide = session_->guide;
        const bool replaced = sharing_.entry_kind() == "file" || sharing_.entry_kind() == "link" || s.seat != guide.seat ||
                              s.preset != guide.preset || s.horizon != guide.horizon;
        if (replaced) {
            sharing_.notify(Notice::Kind::Info,
                            "Left the guide \xE2\x80\x9C" + guide.title +
                                "\xE2\x80\x9D: the scenario on screen is no longer the guide's. The guide's entry is in the "
                                "Library; Trainer > Guided scenarios starts it again.",
                            10);
            leave();
        }
    }
    // The entry gets its id when first saved; the presenter view is toggled by its buttons.
    if (session_ && (session_->entry != sharing_.entry_id() || session_->presenter != persisted_presenter_)) {
        session_->entry = sharing_.entry_id();
        persist();
    }
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

// [SECTION] Room: the participants' links, their scores, the CSV

namespace {

// Whether `t` is a time (with a date, AM/PM, separators): at least one
// digit:digit, and nothing but digits, ":/.,-" , spaces and AM/PM.
bool is_time_stamp(std::string_view t) {
    std::size_t colon = t.find(':');
    bool time = false;
    for (; colon != std::string_view::npos; colon = t.find(':', colon + 1))
        time = time || (colon > 0 && colon + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[colon - 1])) &&
                        std::isdigit(static_cast<unsigned char>(t[colon + 1])));
    return time && t.find_first_not_of("0123456789:/.,- \tAPMapm") == std::string_view::npos;
}

bool is_am_pm(std::string_view w) { return w == "AM" || w == "PM" || w == "am" || w == "pm"; }
bool is_dash(std::string_view w) { return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94"; }

// A chat's time stamp before the sender: "[10:02] Team 1: <link>",
// "[30/11/26, 10:02:13] Ana: <link>", "10:02 PM Ana: <link>",
// "30/11/2026, 10:04 - Team 3: <link>", "10:06:15 From Team 5 to Everyone:".
// Not part of the name. Word by word, up to the last word holding a time
// (and an AM/PM or a dash after it), so a name of digits after the stamp
// stays ("10:02 2024 crew:" is "2024 crew"). A stamp alone leaves nothing.
std::string_view drop_time_stamp(std::string_view t) {
    const std::size_t first = t.find_first_not_of(" \t");
    if (first == std::string_view::npos) return t;
    std::string_view s = t.substr(first);
    if (s.front() == '[') {
        const std::size_t close = s.find(']');
        return close != std::string_view::npos && close <= 32 && is_time_stamp(s.substr(1, close - 1)) ? s.substr(close + 1) : t;
    }
    std::size_t at = 0, cut = 0;  // `cut`: just after the last word that belongs to the stamp
    bool after_time = false;
    while (at < s.size()) {
        const std::size_t begin = s.find_first_not_of(" \t", at);
        if (begin == std::string_view::npos) break;
        std::size_t stop = s.find_first_of(" \t", begin);
        if (stop == std::string_view::npos) stop = s.size();
        const std::string_view word = s.substr(begin, stop - begin);
        if (is_time_stamp(word)) cut = stop, after_time = true;
        else if (after_time && (is_am_pm(word) || is_dash(word))) cut = stop;
        else if (word.find_first_not_of("0123456789/.,-") != std::string_view::npos) break;  // the name begins
        else after_time = false;  // a date or a number: part of the stamp only if a time follows
        at = stop;
    }
    return cut == 0 ? t : s.substr(cut);
}

// A time after the sender: "Team 7 (10:08):", "Team 7 (10:08 PM)", "Team 7 10:08".
std::string_view drop_trailing_time(std::string_view t) {
    std::string_view rest = t;
    while (!rest.empty() && (rest.back() == ')' || rest.back() == ':' || rest.back() == ' ')) rest.remove_suffix(1);
    if (rest.size() > 3 && is_am_pm(rest.substr(rest.size() - 2)) && rest[rest.size() - 3] == ' ') rest.remove_suffix(3);
    const std::size_t open = rest.find_last_of("( ");
    if (open == std::string_view::npos || open + 1 >= rest.size()) return t;
    return is_time_stamp(rest.substr(open + 1)) ? t.substr(0, open) : t;
}

// The text around a link on its line, as the row's label: without a chat's
// time stamp, the separators, brackets and quotes around it ("Team Red: ",
// "> from Blue").
std::string label_text(std::string_view t) {
    t = drop_time_stamp(t);
    static constexpr std::string_view kEdge = " \t\r\f\v:;,.-|=()[]<>{}\"'*`";
    // Also the Unicode dashes, quotes and bullets chat apps use (as UTF-8): – — “ ” ‘ ’ « » • and a no-break space.
    static const std::string_view kEdgeUtf8[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                                 "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB",     "\xC2\xBB",
                                                 "\xE2\x80\xA2", "\xC2\xA0"};
    bool trimmed = true;
    while (trimmed && !t.empty()) {
        trimmed = false;
        if (kEdge.find(t.front()) != std::string_view::npos) t.remove_prefix(1), trimmed = true;
        else if (kEdge.find(t.back()) != std::string_view::npos) t.remove_suffix(1), trimmed = true;
        for (std::string_view m : kEdgeUtf8) {
            if (t.substr(0, m.size()) == m) t.remove_prefix(m.size()), trimmed = true;
            if (t.size() >= m.size() && t.substr(t.size() - m.size()) == m) t.remove_suffix(m.size()), trimmed = true;
        }
        // A time after the name; Zoom's and Teams' "From Team 5 to Everyone".
        if (const std::string_view shorter = drop_trailing_time(t); shorter.size() < t.size()) t = shorter, trimmed = true;
        for (std::string_view w : {" to Everyone", " to everyone"})
            if (t.size() > w.size() && t.substr(t.size() - w.size()) == w) t.remove_suffix(w.size()), trimmed = true;
        // "<link> from Blue", "by Blue": the name is Blue.
        for (std::string_view w : {"from ", "From ", "by ", "By "})
            if (t.size() > w.size() && t.substr(0, w.size()) == w) t.remove_prefix(w.size()), trimmed = true;
    }
    return cut_text(std::string(t), Trainer::kMaxRoomLabelBytes);
}

// A line of the paste with the characters that would draw as nothing or break
// the table (control characters, tabs) as spaces.
std::string printable(std::string_view t) {
    std::string out(t);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return out;
}

// A row for a line with no share link: its own text and why it was not read.
RoomEntry unread_room_line(int number, std::string_view line) {
    RoomEntry e;
    e.number = number;
    e.label = std::to_string(e.number);
    const std::size_t b = line.find_first_not_of(" \t\r\f\v");
    const std::size_t end = b == std::string_view::npos ? b : line.find_last_not_of(" \t\r\f\v") + 1;
    if (b != std::string_view::npos) e.source = cut_text(std::string(line.substr(b, end - b)), tl::kMaxShareCodeLength);
    e.text = printable(cut_text(e.source, Trainer::kMaxRoomLabelBytes));
    e.error = line.find("://") != std::string_view::npos || line.find("www.") != std::string_view::npos
                  ? "a link, but not to a scenario: a share link has \"#s=\" and a code after it (the "
                    "participant's Share button copies one)"
                  : "no share link or share code in this line";
    return e;
}

// A row for a share link and the text pasted around it: its scenario scored,
// labelled by the scenario's name or that text.
RoomEntry read_room_link(int number, std::string source, std::string around) {
    RoomEntry e;
    e.number = number;
    e.source = std::move(source);
    e.text = printable(around);
    tl::ShareDecodeResult r = tl::decode_share_code(e.source);
    e.ok = r.ok;
    // A number first: two participants may share a name (their preset's).
    e.label = std::to_string(e.number);
    if (!r.ok) {
        e.error = cut_text(r.errors.empty() ? "unreadable" : r.errors.front(), Sharing::kMaxQuoteBytes);
        return e;
    }
    e.scenario = r.scenario;
    tl::Results res = tl::run(e.scenario);
    e.scores = tl::trilemma_scores(tl::TrilemmaId::EconomicSecurity, e.scenario, res, e.scenario.seat, res.years - 1);
    const tl::Scenario base = tl::baseline_of(e.scenario);
    for (int b = 0; b < tl::kBlocCount; ++b)
        for (int slot = 0; slot < tl::kSlotCount; ++slot) e.changed_levers += e.scenario.policy[b][slot] != base.policy[b][slot];
    e.headline = tl::tell_story(e.scenario).headline;
    // The scenario's own name, with the pasted title when it says more;
    // unnamed (the preset's name): the title, else what it changed.
    const tl::Preset* preset = tl::find_preset(e.scenario.preset);
    const bool unnamed = e.scenario.name.empty() || (preset && e.scenario.name == preset->name);
    if (unnamed) e.label += " " + (e.text.empty() ? ui::changes_summary(e.scenario) : e.text);
    else if (e.text.empty() || e.scenario.name.find(e.text) != std::string::npos)
        e.label += " " + e.scenario.name;
    else
        e.label += " " + e.scenario.name + " (" + e.text + ")";
    return e;
}

constexpr const char* kRoomHeader = "trilemma-lab/room 1";

}  // namespace

void Trainer::room_add(const std::string& text) {
    // Line by line: a chat's or a phone's Share text puts a title beside the
    // link ("Team Red: http://host/#s=..."); the title names the row.
    int added = 0, rejected = 0, left_out = 0;
    std::string_view rest(text);
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) continue;  // a blank line
        if (room_.size() >= kMaxRoomRows) {
            ++left_out;
            continue;
        }
        const std::vector<tl::ShareLinkSpan> links = tl::find_share_links(line, kMaxRoomRows - room_.size());
        if (links.empty()) {
            room_.push_back(unread_room_line(++next_row_, line));
            ++rejected;
            continue;
        }
        // The text around the links: one link takes all of it; with several,
        // each takes the text before it when the line starts with text
        // ("Red: <link> Blue: <link>"), else the text after it ("<link> from Red <link> from Blue").
        const bool before = !label_text(line.substr(0, links.front().begin)).empty();
        for (std::size_t k = 0; k < links.size(); ++k) {
            const tl::ShareLinkSpan& span = links[k];
            std::string around;
            if (links.size() == 1)
                around = label_text(std::string(line.substr(0, span.begin)) + " " + std::string(line.substr(span.end)));
            else if (before)
                around = label_text(line.substr(k ? links[k - 1].end : 0, span.begin - (k ? links[k - 1].end : 0)));
            else
                around = label_text(line.substr(span.end, (k + 1 < links.size() ? links[k + 1].begin : line.size()) - span.end));
            // Two pieces of label on either side of one link ("Red: <link> (laptop)"): joined by a space above.
            room_.push_back(read_room_link(++next_row_, std::string(line.substr(span.begin, span.end - span.begin)), around));
            ++(room_.back().ok ? added : rejected);
        }
    }
    const int duplicates_before = room_duplicates();
    flag_room_duplicates();
    store_room();
    const int duplicates = room_duplicates() - duplicates_before;
    const auto count = [](int n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    // Said in the room window, beside Add: a notice covered the room's triangle.
    room_status_.warning = rejected || duplicates || left_out;
    room_status_.text = count(added, "scenario", "scenarios") + " added to the room" +
                        (rejected ? ", " + count(rejected, "line", "lines") + " could not be read (see the table)" : "") +
                        (duplicates ? ", " + std::to_string(duplicates) + " the same as an earlier row (marked \"same as\")" : "") +
                        (left_out ? ", " + count(left_out, "line", "lines") + " left out: the room holds " +
                                        std::to_string(kMaxRoomRows) + " rows (remove some, or Clear)"
                                  : "") +
                        ".";
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
    room_status_ = {};  // its counts are out of date
    flag_room_duplicates();
    store_room();
}

void Trainer::room_clear() {
    room_.clear();
    room_store_blocked_ = false;  // the trainer chose to clear (the dialog said so): the unread stored room goes too
    room_status_ = {};
    store_room();
}

// A line per row: its number, the text pasted around its link, the link (or
// the line that held none), tab-separated; both are single lines already.
void Trainer::store_room() {
    if (room_store_blocked_) return;
    if (room_.empty()) {
        browser::storage_remove(kRoomKey);
        return;
    }
    std::string out = std::string(kRoomHeader) + "\nnext " + std::to_string(next_row_) + "\n";
    // A source is cut where restore_room() stops reading (a link is its code and an address).
    for (const RoomEntry& e : room_)
        out += std::to_string(e.number) + "\t" + e.text + "\t" + printable(cut_text(e.source, kMaxStoredSource)) + "\n";
    if (!browser::storage_write(kRoomKey, out))
        sharing_.notify(Notice::Kind::Warning,
                        "The room could not be kept in this browser (its storage is full): a reload would lose its rows. "
                        "Export CSV keeps them.",
                        8);
}

// What store_room() wrote, read as a paste is: every link decoded and scored
// again, so a damaged or edited value gives rows that say what is wrong, or
// none, never a crash.
void Trainer::restore_room() {
    const std::size_t max_chars = kMaxRoomRows * (kMaxStoredSource + 2 * kMaxRoomLabelBytes + 16) + 64;
    const browser::Stored stored = browser::storage_read(kRoomKey, max_chars);
    if (!stored.present) return;
    // Why the stored room, or some of its rows, could not be read.
    std::string problem;
    int unread = 0, left_out = 0;
    long next = 0;
    std::istringstream in(stored.text);
    std::string line;
    if (stored.too_large) {
        problem = "it is " + std::to_string(stored.chars) + " characters, more than a room of " + std::to_string(kMaxRoomRows) +
                  " rows";
    } else if (!std::getline(in, line) || line != kRoomHeader || !std::getline(in, line) || line.rfind("next ", 0) != 0) {
        problem = "it does not start as this version stores a room";
    } else {
        char* next_end = nullptr;
        next = std::strtol(line.c_str() + 5, &next_end, 10);
        if (next_end == line.c_str() + 5 || *next_end != '\0' || next < 0 || next > kMaxRoomNumber)
            problem = "its row count is not a number from 0 to " + std::to_string(kMaxRoomNumber);
    }
    while (problem.empty() && std::getline(in, line)) {
        const std::size_t tab1 = line.find('\t'), tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
        char* end = nullptr;
        const long number = std::strtol(line.c_str(), &end, 10);
        if (tab2 == std::string::npos || end != line.c_str() + tab1 || number < 1 || number > next) {
            ++unread;
            continue;
        }
        const std::string text = line.substr(tab1 + 1, tab2 - tab1 - 1), source = line.substr(tab2 + 1);
        if (source.find_first_not_of(" \t\r\f\v") == std::string::npos) continue;  // no row was stored so
        if (room_.size() >= kMaxRoomRows) {
            ++left_out;
            continue;
        }
        const std::vector<tl::ShareLinkSpan> links = tl::find_share_links(source, 1);
        // The label as it was (cleaned when pasted: cleaning it again could take more away).
        room_.push_back(links.empty() ? unread_room_line(static_cast<int>(number), source)
                                      : read_room_link(static_cast<int>(number),
                                                       source.substr(links.front().begin, links.front().end - links.front().begin),
                                                       cut_text(printable(text), kMaxRoomLabelBytes)));
    }
    if (problem.empty()) next_row_ = static_cast<int>(next);
    else room_.clear();
    flag_room_duplicates();
    if (problem.empty() && unread == 0 && left_out == 0) return;
    // The stored room is set aside whole, as stored, among the library's
    // unreadable values (the Library offers to download or delete it); what
    // was read is then stored in its place, so a reload does not set it aside again.
    const auto rows = [](int n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); };
    const std::string why = !problem.empty() ? problem
                            : unread     ? rows(unread) + " could not be read"
                                         : rows(left_out) + " more than the room holds";
    std::string aside;
    for (int k = 1; k <= 99 && aside.empty(); ++k) {
        const std::string key = std::string(Library::kPrefix) + "room-unread-" + std::to_string(k);
        if (!browser::storage_read(key, 0).present) aside = key;
    }
    if (aside.empty() || !browser::storage_copy(kRoomKey, aside)) {
        if (!aside.empty()) browser::storage_remove(aside);  // not half a copy
        room_store_blocked_ = true;  // said in the room window, which offers to download it
        sharing_.notify(Notice::Kind::Warning,
                        "The room stored in this browser could not be read (" + why +
                            ") nor set aside (the storage is full). It is left as it was; rows added now are not kept "
                            "until you Clear the room.",
                        0);
        return;
    }
    sharing_.library().refresh();
    store_room();
    sharing_.notify(Notice::Kind::Warning,
                    "The room stored in this browser could not be read whole (" + why + "). " +
                        (room_.empty() ? std::string() : rows(static_cast<int>(room_.size())) + " came back; ") +
                        "it is kept as it was stored in the Library (as unreadable): download or delete it there.",
                    0, Notice::Action::OpenLibrary);
}

RoomSpread Trainer::room_spread() const {
    RoomSpread spread;
    for (const auto& e : room_) {
        if (!e.ok || e.same_as >= 0) continue;
        for (int p = 0; p < 3; ++p) {
            spread.low[p] = spread.scenarios ? std::min(spread.low[p], e.scores[p]) : e.scores[p];
            spread.high[p] = spread.scenarios ? std::max(spread.high[p], e.scores[p]) : e.scores[p];
            spread.mean[p] += e.scores[p];
        }
        ++spread.scenarios;
    }
    for (int p = 0; spread.scenarios && p < 3; ++p) spread.mean[p] /= spread.scenarios;
    return spread;
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

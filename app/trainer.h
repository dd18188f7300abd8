#pragma once
// Trainer mode: playing a guided scenario (steps with briefings, open levers,
// live goals, hints, a debrief), and the room that gathers many participants'
// share links into one triangle. Guides, goals and their evaluation are the
// core's (core/guides.h); this file keeps only the session: which step, when
// it started, the path taken, the room's rows. Its windows are drawn by
// panel_guide.cpp, panel_presenter.cpp and panel_room.cpp.
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/sharing.h"
#include "core/guides.h"
#include "core/share_link.h"

namespace app {

struct StepRecord {
    int step = 0;
    bool goal_met = false;
    tl::TrilemmaScores scores{};  // pillar scores at the horizon when the step was left
    int changed_levers = 0;
};

struct GuideSession {
    tl::Guide guide;
    int step = 0;
    bool finished = false;     // on the debrief screen
    bool presenter = false;    // large-type view for a projector
    double step_started = 0;   // seconds (platform time), for the presenter's timer
    tl::Results step_start;    // the run of steps_seen[step].start (for *_vs_start goals)
    // Each step as it began and as it was left, so that Restart, Previous and
    // Next go back to them: a step's start (its goals' "from where this step
    // began") is kept while the step is entered from the same scenario. The
    // current step's start is always known.
    struct StepMemory {
        std::optional<tl::Scenario> start, entered_from, left_at;
    };
    std::vector<StepMemory> steps_seen;
    tl::GoalStatus status;     // live, recomputed when the scenario changes
    std::uint64_t status_revision = 0;
    std::vector<StepRecord> path;
    std::string link;          // "#guide=..." for this guide
    std::string entry;         // the library entry the guide is played in
};

// The room's spread per pillar (Protect, Promote, Partner) over the rows
// that were read, each scenario once: a link pasted twice counts once.
struct RoomSpread {
    int scenarios = 0;
    double mean[3] = {0, 0, 0}, low[3] = {0, 0, 0}, high[3] = {0, 0, 0};
};

struct RoomEntry {
    int number = 0;          // the row's number: 1 for the first row ever added (kept when rows are removed)
    std::string label;       // "<number>", then the scenario's name or the pasted title or what it changed
    std::string text;        // the text pasted around the link ("Team Red"), or the whole line when it has none
    std::string source;      // the link as pasted (the line, when it has none)
    bool ok = false;
    std::string error;
    tl::Scenario scenario;
    tl::TrilemmaScores scores{};
    int changed_levers = 0;
    int same_as = -1;        // the earlier row with the same scenario (a link pasted twice), or -1
    std::string headline;    // the scenario's story in one line (core/story.h)
};

class Trainer {
public:
    Trainer(AppState& state, Sharing& sharing) : state_(state), sharing_(sharing) {}

    // A guide from a built-in id, a guide file's JSON or a `#guide=` link's
    // value (tl::resolve_guide_link); false with a notice when invalid.
    bool open_guide(const std::string& id_or_json, const std::string& source);
    void restart_step();        // the step's levers back to where it began
    void back_to_last_step();   // from the debrief, to the last step as it was left
    void next_step();
    void previous_step();
    void finish();
    void leave();
    void frame(double now);     // keeps the goal status live

    // A reload (phones reload tabs often) comes back to the same step of the
    // same guide, with its path so far: the session is kept in this tab's
    // session storage after every change. restore() brings it back when it
    // belongs to the library entry the tab restored; false when there is none.
    bool restore();

    std::optional<GuideSession>& session() { return session_; }
    bool lever_open(int slot) const;  // all open when no guide runs

    // Room view: paste many share links, a line each, with or without a title
    // ("Team Red: http://host/#s=..."): each link a row (labelled by the
    // scenario's name, or the title), each line without one a row saying so.
    // Blank lines are skipped; at most kMaxRoomRows rows.
    void room_add(const std::string& text);
    static constexpr std::size_t kMaxRoomRows = 200;
    static constexpr std::size_t kMaxRoomLabelBytes = 80;  // of a title or a line shown in a row
    static constexpr std::size_t kMaxStoredSource = 2 * tl::kMaxShareCodeLength;  // a row's link, as stored
    static constexpr long kMaxRoomNumber = 1000000;  // row numbers a stored room may claim
    std::vector<RoomEntry>& room() { return room_; }
    RoomSpread room_spread() const;
    // What the last paste added (and what it could not read): shown in the room window.
    struct RoomStatus {
        std::string text;
        bool warning = false;
    };
    const RoomStatus& room_status() const { return room_status_; }
    // The stored room could not be read nor set aside: it is not written over until Clear.
    bool room_store_blocked() const { return room_store_blocked_; }
    static constexpr const char* kRoomKey = "trilemma-lab.room";
    // Removes a row; the rows after it keep their labels, duplicates are re-flagged.
    void room_remove(int row);
    void room_clear();
    // The room is kept in this browser's storage after every change and read
    // back at start: a reload, or a closed tab, does not lose the links.
    void restore_room();
    std::string room_csv() const;
    int rows_added() const { return next_row_; }  // the last row's number so far

    static std::string guide_link_fragment(const tl::Guide& g);  // "guide=<id>" or "guide=~<base64url json>"

private:
    AppState& state_;
    Sharing& sharing_;
    std::optional<GuideSession> session_;
    std::vector<RoomEntry> room_;
    int next_row_ = 0;  // rows added so far: the next row's number (labels stay when rows are removed)
    void persist();  // after every change of the session
    void enter_step(int step);                              // from the scenario on screen (Next, a guide's start)
    void return_to_step(int step);                          // a step already played, as it was left
    void show_step(int step, const tl::Scenario& scenario);  // measured from the step's recorded start
    bool persisted_presenter_ = false;
    void flag_room_duplicates();
    void store_room();
    RoomStatus room_status_;
    bool room_store_blocked_ = false;  // a stored room that could not be read nor set aside: not written over
    int room_duplicates() const;
    double now_ = 0;
};

}  // namespace app

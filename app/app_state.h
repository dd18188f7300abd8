#pragma once
// The app's state: the scenario being explored (the single source of truth
// for the model), its undo history, what the user is looking at, and a cache
// of everything the core computes from the scenario. The UI reads from here
// and changes the scenario only through the functions below, so every change
// is undoable and the model reruns only when the scenario actually changed.
#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/scenario.h"
#include "core/story.h"
#include "core/trilemma.h"

namespace app {

// What the core computed for the current scenario. Rebuilt lazily: cheap
// parts at once, Monte Carlo bands and the frontier a slice per frame.
struct ModelView {
    tl::Results scenario, baseline, default_baseline, pinned;
    bool assumptions_changed = false;  // baseline differs from the default baseline
    tl::Attribution attribution;        // against the baseline (the preset)
    tl::Attribution story_attribution;  // against the status quo of 2024, as the story and the scores measure
    tl::Story story;  // the scenario in words, told against the status quo (core/story.h)
    std::unique_ptr<tl::MonteCarlo> monte_carlo;
    tl::Bands bands;
    tl::Results bands_results;  // the central run the bands were drawn around
    bool bands_ready = false;
    tl::Frontier frontier;  // accumulated over frames
    bool frontier_ready = false;
    tl::SeatTrilemma frontier_reach;  // the best the frontier's mixes reach on each pair and on all three
    double last_run_ms = 0;  // time of the last full recompute (runs + attribution)
};

enum class Theme { Light, Dark };

struct ViewSettings {
    tl::Bloc shown_bloc = tl::Bloc::US;  // whose indicators the charts show (follows the seat)
    std::vector<tl::Indicator> charts{tl::Indicator::RivalLeakage, tl::Indicator::AllianceCohesion,
                                      tl::Indicator::GdpEffect, tl::Indicator::TechLead};
    tl::Indicator why_indicator = tl::Indicator::ProtectScore;
    int why_year = -1;  // -1: the horizon
    bool why_from_2024 = false;  // "Why did it move?" against the 2024 status quo rather than the preset
    tl::TrilemmaId trilemma = tl::TrilemmaId::EconomicSecurity;
    int matrix_metric = 0;  // tl::SectorMetric
    Theme theme = Theme::Light;
    float font_scale = 1.0f;
    bool show_bands = true;
    int tornado_pillar = 0;  // tl::Pillar shown in "Which assumptions matter most?"
    bool intro_open = false;      // the first-minute introduction (panel_intro.cpp)
    bool intro_dont_show = true;  // its "Don't show this again"
    bool about_open = false;      // "About the model" (panel_about.cpp)
};

struct History {
    std::deque<tl::Scenario> undo, redo;
    static constexpr std::size_t kMax = 200;
};

// The last lever move, for "replay last change".
struct Replay {
    bool active = false;
    int bloc = 0, slot = 0;
    double from = 0, to = 0;
    double start_time = 0;
    static constexpr double kDuration = 2.5;  // seconds
};

class AppState {
public:
    AppState();

    const tl::Scenario& scenario() const { return scenario_; }
    const ModelView& view() const { return view_; }
    ViewSettings settings;
    std::optional<tl::Scenario> pinned;  // "compare": a scenario kept beside the current one
    // Levers closed by the current step of a guided scenario (app/trainer.cpp).
    std::array<bool, tl::kSlotCount> locked{};

    // Live edit (e.g. while a slider is dragged): the model follows, but no
    // undo entry is made until commit_edit().
    void edit_lever(int bloc, int slot, double value);
    void edit_assumption(int param, double position);
    void commit_edit();
    bool editing() const { return edit_open_; }

    // Whole changes, each one undoable step.
    void set_scenario(const tl::Scenario& s);
    void load_preset(const std::string& id);
    void set_seat(tl::Bloc seat);
    void set_horizon(int year);
    // The year lever changes start to act (tl::set_start_year); an error
    // message when the year is out of range, the scenario unchanged.
    std::string set_start_year(int year);
    void set_reactions(bool on);
    void reset_lever(int bloc, int slot);
    void reset_policies();
    void reset_assumptions();
    void pin_current();
    void unpin();

    bool can_undo() const { return !history_.undo.empty(); }
    bool can_redo() const { return !history_.redo.empty(); }
    void undo();
    void redo();
    // A new start that Undo must not step back over (a guide's first step:
    // the previous work is in the library, and the guide would stay on it).
    void clear_history();
    // The steps Undo and Redo can take, oldest first; and putting them back
    // after a reload (the tab's session keeps them: app/sharing.cpp).
    const History& history() const { return history_; }
    void restore_history(History h);

    // The preset's value of a lever: the baseline the UI marks on each slider.
    double baseline_value(int bloc, int slot) const;
    bool lever_changed(int bloc, int slot) const { return scenario_.policy[bloc][slot] != baseline_value(bloc, slot); }
    int changed_lever_count() const;
    // What Reset puts back: every changed lever but the seat's locked ones (a guide's closed levers).
    bool resettable(int bloc, int slot) const { return bloc != tl::idx(scenario_.seat) || !locked[slot]; }
    int resettable_lever_count() const;
    bool guide_locks_levers() const { return std::find(locked.begin(), locked.end(), true) != locked.end(); }

    // Replay: animate the last committed lever move so a room can watch.
    Replay replay;
    bool start_replay(double now);
    // The last lever move can be replayed while it stands (not after Undo took it back).
    bool can_replay() const;
    void update_replay(double now);

    // Recomputes what changed since the last call; advances Monte Carlo and
    // the frontier by a slice. Call once per frame.
    void update(double now);
    std::uint64_t revision() const { return revision_; }

    // Which assumptions matter most for a pillar of the seat at the horizon
    // (tl::tornado): computed when first asked for after a change.
    const std::vector<tl::TornadoBar>& tornado(tl::Pillar pillar);
    // Changes whenever an undoable step is made, undone or redone: the moments
    // to autosave and to add a browser history entry.
    std::uint64_t history_revision() const { return history_revision_; }

private:
    void push_undo(const tl::Scenario& before);
    // Undo (from undo to redo) or redo (the other way): the scenario on top of
    // `from` comes back, the current one goes onto `to`.
    void step_history(std::deque<tl::Scenario>& from, std::deque<tl::Scenario>& to);
    void changed();  // the scenario changed: invalidate the cache
    void reset_frontier();

    tl::Scenario scenario_;
    tl::Scenario edit_before_;
    bool edit_open_ = false;
    History history_;
    ModelView view_;
    std::uint64_t revision_ = 1, computed_revision_ = 0, history_revision_ = 0;
    // Inputs of the expensive parts, to know when they must be redone.
    std::optional<tl::Scenario> frontier_for_;
    std::unique_ptr<tl::FrontierClimb> frontier_climb_;  // after the samples: climbs to the frontier's edge
    std::optional<tl::Scenario> bands_for_;
    tl::Results bands_central_;
    int bands_shown_draws_ = 0;  // draws behind view_.bands (the percentiles are recomputed at milestones)
    std::optional<tl::Scenario> pinned_computed_;
    Replay last_move_;
    std::array<std::vector<tl::TornadoBar>, tl::kPillarCount> tornado_;
    std::array<std::uint64_t, tl::kPillarCount> tornado_revision_{};
};

}  // namespace app

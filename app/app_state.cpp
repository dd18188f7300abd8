// The app's state (app/app_state.h).
//
// Index of this file:
//   [SECTION] Edits: live, whole, undo and redo
//   [SECTION] Replay of the last lever move
//   [SECTION] The model cache: runs at once, bands and frontier a slice a frame
#include "app/app_state.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace app {

namespace {
constexpr int kBandDraws = 1000;
constexpr int kFrontierSamples = 2400;
// The slow parts (bands, then the frontier's samples and its climb) share a
// budget each frame, in chunks: a laptop finishes them in a few frames, a
// slow phone takes more frames rather than longer ones. The bands run at
// least one chunk a frame; the frontier starts once they leave budget over.
// The results do not depend on the split (draw i and each chunk's seed
// depend only on their index). ~30 µs a run in wasm.
constexpr double kSlowWorkBudgetMs = 5.0;
constexpr int kBandDrawsChunk = 25;
constexpr int kFrontierSamplesChunk = 25;
constexpr int kFrontierClimbChunk = 25;

// The frontier depends on everything but the seat's own levers, which it samples.
tl::Scenario frontier_context(const tl::Scenario& s) {
    tl::Scenario c = s;
    c.policy[tl::idx(s.seat)] = tl::baseline_of(s).policy[tl::idx(s.seat)];
    c.name.clear();
    c.notes.clear();
    return c;
}

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

// [SECTION] Edits: live, whole, undo and redo

AppState::AppState() {
    scenario_ = tl::scenario_from_preset(tl::presets().front(), tl::Bloc::US);
    settings.shown_bloc = scenario_.seat;
}

void AppState::changed() { ++revision_; }

void AppState::push_undo(const tl::Scenario& before) {
    ++history_revision_;
    history_.undo.push_back(before);
    if (history_.undo.size() > History::kMax) history_.undo.pop_front();
    history_.redo.clear();
}

void AppState::edit_lever(int bloc, int slot, double value) {
    if (!edit_open_) {
        edit_before_ = scenario_;
        edit_open_ = true;
    }
    if (scenario_.policy[bloc][slot] == value) return;
    scenario_.policy[bloc][slot] = value;
    last_move_ = {false, bloc, slot, edit_before_.policy[bloc][slot], value, 0};
    changed();
}

void AppState::edit_assumption(int param, double position) {
    if (!edit_open_) {
        edit_before_ = scenario_;
        edit_open_ = true;
    }
    if (scenario_.assumptions[param] == position) return;
    scenario_.assumptions[param] = position;
    changed();
}

void AppState::commit_edit() {
    if (!edit_open_) return;
    edit_open_ = false;
    if (!(edit_before_ == scenario_)) push_undo(edit_before_);
}

void AppState::set_scenario(const tl::Scenario& s) {
    commit_edit();
    if (s == scenario_) return;
    push_undo(scenario_);
    scenario_ = s;
    settings.shown_bloc = scenario_.seat;
    changed();
}

void AppState::load_preset(const std::string& id) {
    const tl::Preset* p = tl::find_preset(id);
    if (!p) return;
    tl::Scenario s = tl::scenario_from_preset(*p, scenario_.seat);
    s.horizon = scenario_.horizon;
    s.start_year = scenario_.start_year;
    s.reactions = scenario_.reactions;
    s.assumptions = scenario_.assumptions;
    set_scenario(s);
}

void AppState::set_seat(tl::Bloc seat) {
    tl::Scenario s = scenario_;
    s.seat = seat;
    set_scenario(s);
}

void AppState::set_horizon(int year) {
    tl::Scenario s = scenario_;
    s.horizon = std::clamp(year, tl::kMinHorizon, tl::kMaxHorizon);
    s.start_year = std::min(s.start_year, s.horizon);  // changes cannot start after the run ends
    set_scenario(s);
}

std::string AppState::set_start_year(int year) {
    tl::Scenario s = scenario_;
    std::string error = tl::set_start_year(s, year);
    if (error.empty() && !(s == scenario_)) set_scenario(s);
    return error;
}

void AppState::set_reactions(bool on) {
    tl::Scenario s = scenario_;
    s.reactions = on;
    set_scenario(s);
}

double AppState::baseline_value(int bloc, int slot) const {
    const tl::Preset* p = tl::find_preset(scenario_.preset);
    return (p ? *p : tl::presets().front()).policy[bloc][slot];
}

int AppState::changed_lever_count() const {
    int n = 0;
    for (int b = 0; b < tl::kBlocCount; ++b)
        for (int slot = 0; slot < tl::kSlotCount; ++slot) n += lever_changed(b, slot);
    return n;
}

int AppState::resettable_lever_count() const {
    int n = 0;
    for (int b = 0; b < tl::kBlocCount; ++b)
        for (int slot = 0; slot < tl::kSlotCount; ++slot) n += resettable(b, slot) && lever_changed(b, slot);
    return n;
}

void AppState::reset_lever(int bloc, int slot) {
    tl::Scenario s = scenario_;
    s.policy[bloc][slot] = baseline_value(bloc, slot);
    set_scenario(s);
}

void AppState::reset_policies() {
    tl::Scenario s = scenario_;
    const tl::Scenario base = tl::baseline_of(scenario_);
    // A guide's closed levers keep what its earlier steps set: Reset is for the levers open now.
    for (int b = 0; b < tl::kBlocCount; ++b)
        for (int slot = 0; slot < tl::kSlotCount; ++slot)
            if (resettable(b, slot)) s.policy[b][slot] = base.policy[b][slot];
    set_scenario(s);
}

void AppState::reset_assumptions() {
    tl::Scenario s = scenario_;
    s.assumptions = tl::central_assumptions();
    set_scenario(s);
}

void AppState::pin_current() { pinned = scenario_; }
void AppState::unpin() { pinned.reset(); }

void AppState::undo() { step_history(history_.undo, history_.redo); }
void AppState::redo() { step_history(history_.redo, history_.undo); }

void AppState::clear_history() {
    commit_edit();
    ++history_revision_;
    history_.undo.clear();
    history_.redo.clear();
}

void AppState::restore_history(History h) {
    commit_edit();
    ++history_revision_;
    history_ = std::move(h);
}

void AppState::step_history(std::deque<tl::Scenario>& from, std::deque<tl::Scenario>& to) {
    commit_edit();
    if (from.empty()) return;
    ++history_revision_;
    to.push_back(scenario_);
    scenario_ = from.back();
    from.pop_back();
    settings.shown_bloc = scenario_.seat;
    changed();
}

// [SECTION] Replay of the last lever move

bool AppState::can_replay() const {
    return !replay.active && last_move_.from != last_move_.to &&
           scenario_.policy[last_move_.bloc][last_move_.slot] == last_move_.to;
}

bool AppState::start_replay(double now) {
    // Replays the last lever move: the lever goes back to where it was, then
    // glides to its new value while the charts follow. The scenario ends as it
    // was, so the history is untouched; a move Undo took back is not replayed
    // (it would come back outside the history).
    if (!can_replay()) return false;
    commit_edit();
    replay = last_move_;
    replay.active = true;
    replay.start_time = now;
    scenario_.policy[replay.bloc][replay.slot] = replay.from;
    changed();
    return true;
}

void AppState::update_replay(double now) {
    if (!replay.active) return;
    double t = std::clamp((now - replay.start_time) / Replay::kDuration, 0.0, 1.0);
    double eased = t * t * (3.0 - 2.0 * t);
    const tl::LeverDef& d = tl::lever_def(tl::slot_info(replay.slot).lever);
    double v = replay.from + eased * (replay.to - replay.from);
    v = std::round(v / d.step) * d.step;
    if (t >= 1.0) {
        v = replay.to;
        replay.active = false;
    }
    if (scenario_.policy[replay.bloc][replay.slot] != v) {
        scenario_.policy[replay.bloc][replay.slot] = v;
        changed();
    }
}

// [SECTION] The model cache: runs at once, bands and frontier a slice a frame

void AppState::reset_frontier() {
    view_.frontier = tl::Frontier{};
    view_.frontier.trilemma = settings.trilemma;
    view_.frontier_ready = false;
    view_.frontier_reach = tl::SeatTrilemma{};
    frontier_climb_.reset();
}

void AppState::update(double now) {
    update_replay(now);
    if (computed_revision_ != revision_) {
        double t0 = now_ms();
        computed_revision_ = revision_;
        view_.scenario = tl::run(scenario_);
        tl::Scenario base = tl::baseline_of(scenario_);
        view_.baseline = tl::run(base);
        view_.default_baseline = tl::run(tl::baseline_of(scenario_, /*default_assumptions=*/true));
        view_.assumptions_changed = !(scenario_.assumptions == tl::central_assumptions());
        view_.attribution = tl::attribute(scenario_, base);
        // The story is told against the status quo; from the status quo preset
        // that is the baseline, and its attribution is already there.
        tl::Scenario story_ref = tl::story_reference(scenario_);
        view_.story_attribution = story_ref.policy == base.policy ? view_.attribution : tl::attribute(scenario_, story_ref);
        view_.story = tl::tell_story(scenario_, view_.story_attribution);
        view_.last_run_ms = now_ms() - t0;

        tl::Scenario context = frontier_context(scenario_);
        if (!frontier_for_ || !(*frontier_for_ == context)) {
            frontier_for_ = context;
            reset_frontier();
        }
    }
    // Bands: restart for a new scenario; the old bands stay on screen until
    // the new ones have enough draws. While a slider is dragged the draws wait
    // for the release (they would cost a few ms every frame); meanwhile the
    // charts shift the old bands with the scenario line (panel_charts.cpp).
    if (!edit_open_ && (!bands_for_ || !(*bands_for_ == scenario_))) {
        view_.monte_carlo = std::make_unique<tl::MonteCarlo>(scenario_, scenario_.seat, kBandDraws, 20241);
        bands_for_ = scenario_;
        bands_central_ = view_.scenario;  // the run the new bands are drawn around
        bands_shown_draws_ = 0;
    }
    if (pinned && (!pinned_computed_ || !(*pinned_computed_ == *pinned))) {
        view_.pinned = tl::run(*pinned);
        pinned_computed_ = pinned;
    }
    if (view_.frontier.trilemma != settings.trilemma) reset_frontier();  // the user switched triangles
    // Slices of the slow parts, within one budget per frame.
    const double slices_start = now_ms();
    const auto budget_left = [&] { return now_ms() - slices_start < kSlowWorkBudgetMs; };
    if (view_.monte_carlo && !view_.monte_carlo->done() && !edit_open_) {
        do view_.monte_carlo->step(kBandDrawsChunk);
        while (!view_.monte_carlo->done() && budget_left());
        // The percentiles cost a frame as much as its draws: shown at 250
        // draws, refined at 500 and at the end (not every frame between).
        const int n = view_.monte_carlo->completed();
        if (view_.monte_carlo->done() || (n >= 250 && bands_shown_draws_ < 250) || (n >= 500 && bands_shown_draws_ < 500)) {
            view_.bands = view_.monte_carlo->bands();
            view_.bands_results = bands_central_;
            view_.bands_ready = true;
            bands_shown_draws_ = n;
        }
    }
    // The frontier: random samples first (a rough region at once), then the
    // climb to its edge, which random samples never reach. It waits for what
    // the bands left of the budget.
    // Like the bands, it waits while a slider is held: dragging another bloc's
    // lever or an assumption would restart it every frame.
    if (!view_.frontier_ready && frontier_for_ && !edit_open_ && budget_left()) {
        const std::size_t have = view_.frontier.samples.size();
        do {
            const std::size_t sampled = view_.frontier.samples.size();
            if (sampled < static_cast<std::size_t>(kFrontierSamples)) {
                tl::Frontier part = tl::compute_frontier(*frontier_for_, settings.trilemma, kFrontierSamplesChunk,
                                                         0x5EED0000ull + static_cast<std::uint64_t>(sampled));
                view_.frontier.samples.insert(view_.frontier.samples.end(), part.samples.begin(), part.samples.end());
            } else {
                if (!frontier_climb_) frontier_climb_ = std::make_unique<tl::FrontierClimb>(*frontier_for_, settings.trilemma);
                view_.frontier_ready = frontier_climb_->step(kFrontierClimbChunk, view_.frontier);
            }
        } while (!view_.frontier_ready && budget_left());
        view_.frontier.pareto = tl::extend_pareto_front(view_.frontier.samples, view_.frontier.pareto, have);
        for (std::size_t i = have; i < view_.frontier.samples.size(); ++i) view_.frontier_reach.include(view_.frontier.samples[i]);
    }
}

const std::vector<tl::TornadoBar>& AppState::tornado(tl::Pillar pillar) {
    const int p = static_cast<int>(pillar);
    if (tornado_revision_[p] != revision_) {
        tornado_[p] = tl::tornado(scenario_, pillar);
        tornado_revision_[p] = revision_;
    }
    return tornado_[p];
}

}  // namespace app

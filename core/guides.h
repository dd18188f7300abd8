// Guided scenarios for trainers (PRODUCT.md "Trainer mode"): a sequence of
// steps, each with a briefing and its sources, the levers open at that step,
// an optional goal over indicators and years, hints and debrief questions.
// Guides are JSON files ("trilemma-lab/guide", docs/guides.md); the built-in
// ones are embedded from assets/guides/<id>.json.
//
//   {"format": "trilemma-lab/guide", "version": 1, "id": "chip_chokepoint",
//    "title": "...", "summary": "...", "audience": "...", "duration_minutes": 45,
//    "seat": "US", "preset": "status_quo_2024", "horizon": 2035, "reactions": true,
//    "steps": [{"id": "leaks", "title": "...", "briefing": "...", "sources": ["001:L83"],
//               "open_levers": ["enforcement", "export_controls"],
//               "set": {"China.export_controls.cleantech": 60},
//               "goal": {"description": "...", "conditions": [
//                  {"indicator": "rival_leakage", "year": 2030, "measure": "ratio_vs_baseline",
//                   "compare": "<=", "target": 0.5},
//                  {"indicator": "alliance_cohesion", "from": 2025, "to": 2035, "in": "every_year",
//                   "compare": ">=", "target": 60}]},
//               "hints": ["..."], "debrief": ["..."],
//               "facilitator": {"minutes": 10, "expect": "...", "ask": ["..."], "answer": "..."}}],
//    "debrief": ["..."]}
//
// Reading validates everything and never throws: every error names the field
// and the step at fault ("steps[2].goal.conditions[0].indicator: unknown
// indicator \"rival_leak\" (did you mean \"rival_leakage\"?)").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/conditions.h"
#include "core/levers.h"
#include "core/outcomes.h"
#include "core/goal_text.h"
#include "core/scenario.h"

namespace tl {

inline constexpr int kGuideFormatVersion = 1;
inline constexpr std::size_t kMaxGuideBytes = 256 * 1024;
inline constexpr int kMaxGuideSteps = 20;
inline constexpr int kMaxGoalConditions = 10;

// ----- The format -----------------------------------------------------------

// A goal condition is a Condition (core/conditions.h): the type mechanism
// checks use too. In a guide, "sector_metric" takes an id of kSectorMetricIds
// (core/outcomes.h) and "compare" one of kComparisonIds.
using GoalCondition = Condition;

struct Goal {
    std::string description;               // plain words shown to participants
    std::vector<GoalCondition> conditions;  // all must hold (AND)
    bool operator==(const Goal&) const = default;
};

// A lever value set when a step starts, to stage a situation. The key is as
// in apply_setting(): "export_controls.semis" (the seat) or "China.export_controls.cleantech".
struct LeverSetting {
    std::string key;
    double value = 0.0;
    bool operator==(const LeverSetting&) const = default;
};

// Notes for the trainer, shown in the presenter view and never to
// participants: how long the step takes, what the room usually tries, the
// questions to ask and the answer the sources give.
struct FacilitatorNotes {
    int minutes = 0;                  // 0 = not stated
    std::string expect;               // what the room usually tries
    std::vector<std::string> ask;     // questions to put to the room
    std::string answer;               // what the sources say, with their lines
    bool empty() const { return minutes == 0 && expect.empty() && ask.empty() && answer.empty(); }
    bool operator==(const FacilitatorNotes&) const = default;
};

struct GuideStep {
    std::string id;     // unique within the guide: [a-z0-9_-], 1..64 characters
    std::string title;
    std::string briefing;
    std::vector<std::string> sources;      // "001:L83", "001:L81-L83"
    std::vector<std::string> open_levers;  // slot keys ("export_controls.semis") or whole levers ("export_controls"); empty = all open
    std::vector<LeverSetting> set;
    std::optional<Goal> goal;
    std::vector<std::string> hints;
    std::vector<std::string> debrief;      // questions for the room after this step
    FacilitatorNotes facilitator;          // for the trainer only
    bool operator==(const GuideStep&) const = default;
};

struct Guide {
    int version = kGuideFormatVersion;
    std::string id;  // [a-z0-9_-], 1..64 characters; a built-in's id is its file name
    std::string title, summary, audience;
    int duration_minutes = 0;  // 0 = not stated
    Bloc seat = Bloc::US;
    std::string preset = "status_quo_2024";
    int horizon = kDefaultHorizon;
    bool reactions = true;
    std::vector<GuideStep> steps;
    std::vector<std::string> debrief;  // questions for the closing discussion
    bool operator==(const Guide&) const = default;
};

// ----- Reading and writing --------------------------------------------------

struct GuideReadResult {
    bool ok = false;
    Guide guide;                      // only meaningful when ok
    std::vector<std::string> errors;  // "steps[1].open_levers[0]: unknown lever \"export_control\" ..."
};

// Validates everything (structure, unknown fields, lever keys and ranges,
// indicators, years within 2024..horizon, ids, text lengths, size limit).
// Never throws.
GuideReadResult read_guide(std::string_view json);

std::string guide_to_json(const Guide& g);          // pretty, 2-space indent; read_guide(guide_to_json(g)).guide == g
std::string guide_to_compact_json(const Guide& g);  // one line, no spaces: for share links (the UI base64url-encodes it)

// Validation of a guide built in code (the same checks as read_guide after parsing).
std::vector<std::string> validate_guide(const Guide& g);

// ----- Built-in guides ------------------------------------------------------

// Loaded once from the embedded assets/guides/*.json, in file-name order.
// A broken built-in guide is a developer error: throws std::runtime_error naming the file.
const std::vector<Guide>& builtin_guides();
const Guide* find_builtin_guide(std::string_view id);

// A guide reference as found in a link: a built-in id ("#guide=chip_chokepoint")
// or the JSON of a custom guide (already base64url-decoded by the caller).
GuideReadResult resolve_guide(std::string_view id_or_json);

// The value of a `#guide=` link: a built-in id, or "~" + base64url(the JSON
// of a custom guide). The size is checked before anything is decoded.
GuideReadResult resolve_guide_link(std::string_view fragment_value);

// ----- Playing a guide ------------------------------------------------------

// Slot keys open at a step for the seat (every slot when open_levers is empty).
std::vector<std::string> lever_keys_open(const GuideStep& step);
bool is_lever_open(const GuideStep& step, int slot);
bool is_lever_open(const GuideStep& step, LeverId lever);  // any of its slots open

// Applies the step's "set" to a scenario (keys without a bloc go to s.seat).
// Returns error messages for keys that do not apply (none for a valid guide).
std::vector<std::string> apply_step_setup(const GuideStep& step, Scenario& s);

// The scenario a guide starts from: its preset, seat, horizon and reactions,
// with the first step's "set" applied.
Scenario guide_start_scenario(const Guide& g);

// The starting point of step `step` for someone who moved no lever: the
// preset with the "set" of steps 0..step applied in order.
Scenario step_start_scenario(const Guide& g, int step);

// ----- Goals ----------------------------------------------------------------

struct ConditionStatus {
    bool met = false;
    bool evaluable = true;    // false when a year lies beyond the run, a ratio's reference is 0,
                              // or the step's starting point is needed but was not given
    int year = 0;             // the deciding year: the worst for every_year, the best for some_year
    double measured = 0.0;    // in the condition's measure (value, change or ratio) at `year`
    double target = 0.0;      // = the condition's target, in the same measure
    double value = 0.0;       // the indicator itself at `year`, in its unit
    double target_value = 0.0;  // the target translated to the indicator's unit at `year`
    std::string text;         // "Rival access leakage in 2030: 38% (0.83 times the baseline's 46%);
                              //  target: at most 0.5 times the baseline, i.e. 23%"
    std::string short_text;   // for narrow screens: "Rival access leakage 2030: 38% (target: at most 23%)"
};

struct GoalStatus {
    bool met = false;  // every condition met
    int conditions_met = 0;
    std::vector<ConditionStatus> conditions;
    std::string text;  // "Goal met" or "1 of 2 conditions met"
};

// `r` is the run of `s`; `baseline` the run of baseline_of(s); `step_start`
// the run of the scenario as it stood when the step began (needed only by
// the *_vs_start measures; without it those conditions are not evaluable).
GoalStatus evaluate_goal(const Goal& goal, const Scenario& s, const Results& r, const Results& baseline,
                         const Results* step_start = nullptr);

// Plain-words descriptions for the UI (describe_condition, condition_label): core/goal_text.h.

}  // namespace tl

// Guide goals: a step's conditions evaluated on the participant's run
// (core/conditions.cpp) and put into words (core/goal_text.cpp).
#include "core/goal_text.h"
#include "core/guides.h"

namespace tl {

GoalStatus evaluate_goal(const Goal& goal, const Scenario& s, const Results& r, const Results& baseline,
                         const Results* step_start) {
    GoalStatus status;
    for (const GoalCondition& c : goal.conditions) {
        ConditionStatus cs;
        cs.target = c.target;
        const Results* ref = uses_start(c.measure) ? step_start : &baseline;
        ConditionOutcome o = evaluate_condition(c, c.bloc.value_or(s.seat), r, ref);
        cs.evaluable = o.evaluable();
        cs.met = o.met;
        if (cs.evaluable) {
            cs.year = o.year;
            cs.measured = o.measured;
            cs.value = o.value;
            cs.target_value = o.target_value;
        }
        OutcomeText words = describe_outcome(c, s.seat, o, r.years);
        cs.text = std::move(words.text);
        cs.short_text = std::move(words.short_text);
        status.conditions_met += cs.met;
        status.conditions.push_back(std::move(cs));
    }
    status.met = !goal.conditions.empty() && status.conditions_met == static_cast<int>(goal.conditions.size());
    status.text = status.met ? std::string("Goal met")
                             : std::to_string(status.conditions_met) + " of " + std::to_string(goal.conditions.size()) +
                                   " conditions met";
    return status;
}

}  // namespace tl

// The story of a scenario, in words: what the seat did, what it achieved and
// by when, what it cost and why, and where the trilemma bit (001:L36: any two
// of Protect, Promote and Partner, but not all three).
//
// The text is built from the model's own results — the exact attribution of
// every pillar's change to the levers that moved (core/analysis.h), to the
// components of the pillar scores (the indicators the story names are those
// that moved the seat's pillars, weighted as its scores weigh them: one its
// scores leave out is never a reason) and the indicators' paths — with
// templates over the model's structure. The words
// that name a mechanism (a phrase per lever and pillar, with its seed lines,
// for the seat's own lever, another bloc's and the rival's) are data in
// assets/story.json; nothing is written per preset, so the story
// stays correct for any lever mix and any seat.
#pragma once
#include <string>
#include <vector>

#include "core/analysis.h"

namespace tl {

// One sentence and the seed lines behind it (shown in a tooltip).
struct StoryClaim {
    std::string text;
    std::string source;
};

struct StorySection {
    std::string title;  // "What you did", "What it achieved", "What it cost", "Where the trilemma bit"
    std::vector<StoryClaim> claims;
};

// A number the text states, with what it is a value of, so that a reader (and
// the tests) can check it against the run.
struct StoryFact {
    Indicator indicator;
    int year_index;
    bool baseline;  // a value of the reference run (the status quo) rather than the scenario's
    double value;   // as the model computed it
    std::string text;  // as the story prints it
};

// Why one lever moved one pillar: for the bars of "Why did it move?".
struct LeverReason {
    int change;     // index into the attribution's changes
    Pillar pillar;
    double points;  // its share of the pillar's change at the horizon
    std::string text;    // "controls cost your firms sales to the rival, …" (lever_mechanism for the seat)
    std::string source;
};

struct Story {
    std::vector<StorySection> sections;
    std::string summary;   // one line with the scores: "Protect 61, Promote 54, Partner 60 in 2035 (status quo …): mostly …"
    std::string headline;  // one line without numbers, for a row of the room view:
                           // "Raised enforcement capacity and lowered breadth of restrictions: Protect and Partner up, Promote down"
    std::vector<StoryFact> facts;
    std::vector<LeverReason> reasons;  // the seat's pillars × the changes that moved them by at least kStoryPoints
};

// A lever is named when it moved a pillar of the seat by at least this many
// points at the horizon; a pillar "moved" when it changed by at least this much.
inline constexpr double kStoryPoints = 1.0;
// The story never runs longer than this (characters, all sections).
inline constexpr std::size_t kStoryMaxChars = 3000;

// The story is told against the status quo of 2024 — the yardstick of the
// pillar scores (50 = the status quo) — with the scenario's seat, horizon,
// reactions and assumptions, so a preset's own levers are part of the story.
Scenario story_reference(const Scenario& scenario);

// The story of `scenario`, from attribute(scenario, story_reference(scenario)).
Story tell_story(const Scenario& scenario, const Attribution& attribution);
Story tell_story(const Scenario& scenario);  // computes the attribution itself

// How the story names a changed lever: "export controls for AI", or "the
// EU's market access for partners" for a bloc other than the seat.
std::string story_lever_phrase(const Scenario& scenario, const LeverChange& change);

// The whole story as plain text: a title line per section, then its sentences.
std::string story_text(const Story& story);

// Whose lever moved a pillar, seen from the bloc whose pillar it is (the seat,
// in the story): its own, its rival's (China for a Western bloc, a Western
// bloc for China), or another's (a partner, or the Global South either way).
// The mechanism is not the same: the seat's own controls cost its firms sales,
// a partner's deny the rival, the rival's deny the seat.
enum class LeverOwner { Own, Other, Rival };
LeverOwner lever_owner(int lever_bloc, Bloc viewpoint);

// The phrase naming the mechanism through which a lever moves a pillar
// ("market access means imports, …") and its seed lines, from the table of
// assets/story.json for whose lever it is ("own", "others", "rival").
const StoryClaim& lever_mechanism(LeverId lever, Pillar pillar, LeverOwner owner);
// The same seen from `viewpoint`: another bloc's lever on the Global South's
// Partner takes the words of the table "global_south_partner" (that score
// counts keeping both doors open, not alignment with one camp).
const StoryClaim& lever_mechanism(LeverId lever, Pillar pillar, LeverOwner owner, Bloc viewpoint);
// The phrase for a change of the attribution, seen from `viewpoint`: the seat
// for the story, the bloc shown for a panel of another bloc's indicators.
const StoryClaim& lever_mechanism(const LeverChange& change, Pillar pillar, Bloc viewpoint);

}  // namespace tl

// What a scenario's results leave the app as: CSV (one row per bloc,
// indicator and year with the scenario, its baseline and, when given, the
// Monte Carlo band; shared by the app's "Export results" and trilemma-cli's
// --format csv), a printable one-page summary in HTML, and a guide's notes for the trainer.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/guides.h"
#include "core/story.h"

namespace tl {

// A CSV field, quoted (with quotes doubled) when it holds a comma, quote or newline.
std::string csv_field(std::string_view text);

std::string results_csv(const Results& scenario, const Results& baseline, const std::vector<Bloc>& blocs,
                        const std::vector<const Bands*>& bands = {});

// Text made safe inside HTML: & < > " ' escaped.
std::string html_escape(std::string_view text);

// A one-page summary to print or keep: the scenario's name, seat, preset and
// horizon, its pillar scores against the status quo, the story with its
// sources, and the share link. The picture of the charts is filled in by the
// page that saves it: the first `<img id="charts">` gets its src there.
std::string summary_html(const Scenario& scenario, const Story& story, std::string_view share_link);

// A guide's notes for the trainer, to print or keep on a screen the room does
// not see: per step the goal, briefing, sources, hints, the facilitator notes
// (time, what the room tries, what to ask, the answer) and the debrief
// questions; then the closing debrief and the guide's link.
std::string guide_notes_html(const Guide& guide, std::string_view link);

// The scenario behind an export, as CSV comment lines ("# " first, so that
// CSV readers told to skip comments read the table after them): its share
// link, seat, preset and horizon, then every lever of every bloc
// ("# lever,BLOC,lever.sector,value").
std::string scenario_csv_comments(const Scenario& s, std::string_view link);

// The story as CSV comment lines: "# story,<summary>", then
// "# <section>,<sentence>" for each sentence.
std::string story_csv_comments(const Story& story);

// The column names and values of one bloc's levers for a CSV row
// ("lever:export_controls.semis", ...): in slot order, values as %g.
std::string lever_csv_header();
std::string lever_csv_values(const Scenario& s, Bloc bloc);

}  // namespace tl

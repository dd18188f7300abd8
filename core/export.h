// Results as CSV: one row per bloc, indicator and year with the scenario, its
// baseline and (when given) the Monte Carlo band. Shared by the browser app's
// "Export results" and trilemma-cli's --format csv.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace tl {

// A CSV field, quoted (with quotes doubled) when it holds a comma, quote or newline.
std::string csv_field(std::string_view text);

std::string results_csv(const Results& scenario, const Results& baseline, const std::vector<Bloc>& blocs,
                        const std::vector<const Bands*>& bands = {});

// The scenario behind an export, as CSV comment lines ("# " first, so that
// CSV readers told to skip comments read the table after them): its share
// link, seat, preset and horizon, then every lever of every bloc
// ("# lever,BLOC,lever.sector,value").
std::string scenario_csv_comments(const Scenario& s, std::string_view link);

// The column names and values of one bloc's levers for a CSV row
// ("lever:export_controls.semis", ...): in slot order, values as %g.
std::string lever_csv_header();
std::string lever_csv_values(const Scenario& s, Bloc bloc);

}  // namespace tl

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

}  // namespace tl

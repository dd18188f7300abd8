#include "core/export.h"

#include <cstdio>

namespace tl {

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string results_csv(const Results& r, const Results& base, const std::vector<Bloc>& blocs,
                        const std::vector<const Bands*>& bands) {
    const bool with_bands = !bands.empty();
    std::string out = std::string("bloc,indicator,unit,year,scenario,baseline") + (with_bands ? ",p5,p50,p95" : "") + "\n";
    char buf[160];
    for (std::size_t k = 0; k < blocs.size(); ++k) {
        const int b = idx(blocs[k]);
        const Bands* band = k < bands.size() ? bands[k] : nullptr;
        for (int i = 0; i < kIndicatorCount; ++i)
            for (int y = 0; y < r.years; ++y) {
                out += std::string(kBlocIds[b]) + "," + std::string(kIndicators[i].key) + "," +
                       csv_field(kIndicators[i].unit);
                std::snprintf(buf, sizeof buf, ",%d,%.4f,%.4f", r.year(y), r.ind[i][b][y], base.ind[i][b][y]);
                out += buf;
                if (with_bands) {
                    if (band && y < band->years)
                        std::snprintf(buf, sizeof buf, ",%.4f,%.4f,%.4f", band->q[i][y][0], band->q[i][y][2],
                                      band->q[i][y][4]);
                    else
                        std::snprintf(buf, sizeof buf, ",,,");
                    out += buf;
                }
                out += "\n";
            }
    }
    return out;
}

std::string scenario_csv_comments(const Scenario& s, std::string_view link) {
    std::string out = "# Trilemma Lab scenario\n";
    out += "# link," + csv_field(link) + "\n";
    out += "# name," + csv_field(s.name) + "\n";
    out += "# seat," + std::string(kBlocIds[idx(s.seat)]) + "\n";
    out += "# preset," + csv_field(s.preset) + "\n";
    out += "# horizon," + std::to_string(s.horizon) + "\n";
    char value[32];
    for (int b = 0; b < kBlocCount; ++b)
        for (int slot = 0; slot < kSlotCount; ++slot) {
            std::snprintf(value, sizeof value, "%g", s.policy[b][slot]);
            out += "# lever," + std::string(kBlocIds[b]) + "," + slot_key(slot) + "," + value + "\n";
        }
    return out;
}

std::string lever_csv_header() {
    std::string out;
    for (int slot = 0; slot < kSlotCount; ++slot) out += (slot ? ",lever:" : "lever:") + slot_key(slot);
    return out;
}

std::string lever_csv_values(const Scenario& s, Bloc bloc) {
    std::string out;
    char value[32];
    for (int slot = 0; slot < kSlotCount; ++slot) {
        std::snprintf(value, sizeof value, "%s%g", slot ? "," : "", s.policy[idx(bloc)][slot]);
        out += value;
    }
    return out;
}

}  // namespace tl

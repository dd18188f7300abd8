#include "core/snapshot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include <cereal/types/vector.hpp>

#include "core/json_archive.h"
#include "core/scenario.h"
#include "core/untrusted_json.h"
#include "core/version.h"

namespace tl {

namespace {
// Far above a snapshot's size (about 1 MB) and depth (4).
constexpr std::size_t kMaxSnapshotBytes = 16 * 1024 * 1024;
constexpr int kMaxSnapshotDepth = 8;
}  // namespace

// Written by hand, not through the archive: numbers with 10 significant
// digits ("%.10g") keep the recorded snapshots (assets/snapshots/) small and
// byte-identical across versions of this code.
std::string snapshot_json() {
    std::string out = "{\"model_version\":" + std::to_string(kModelVersion) + ",\"presets\":{";
    bool first_preset = true;
    for (const auto& p : presets()) {
        // Model v2: every bloc's series come from the run in which it holds
        // the seat (the others react by rules), so the snapshot covers every
        // seat. In v1 every series came from the US seat's run.
        std::vector<Results> runs(kBlocCount);  // on the heap: a Results is ~50 KB
        for (int b = 0; b < kBlocCount; ++b) runs[b] = run(scenario_from_preset(p, static_cast<Bloc>(b)));
        out += std::string(first_preset ? "" : ",") + "\n\"" + p.id + "\":{";
        first_preset = false;
        for (int b = 0; b < kBlocCount; ++b) {
            const Results& r = runs[b];
            out += std::string(b ? "," : "") + "\"" + std::string(kBlocIds[b]) + "\":{";
            for (int i = 0; i < kIndicatorCount; ++i) {
                out += std::string(i ? "," : "") + "\"" + std::string(kIndicators[i].key) + "\":[";
                for (int y = 0; y < r.years; ++y) {
                    // 10 significant digits: rounding stays far below the 1e-6
                    // relative tolerance that comparisons use.
                    char buf[40];
                    std::snprintf(buf, sizeof buf, "%s%.10g", y ? "," : "", r.ind[i][b][y]);
                    out += buf;
                }
                out += "]";
            }
            out += "}";
        }
        out += "}";
    }
    // The backcast 2017-2023 (issue 14), the same for every preset and seat: once.
    const Results history = run(scenario_from_preset(presets().front()));
    out += "},\n\"history\":{\"" + std::to_string(kFirstYear) + "-" + std::to_string(kBaseYear - 1) + "\":{";
    for (int b = 0; b < kBlocCount; ++b) {
        out += std::string(b ? "," : "") + "\"" + std::string(kBlocIds[b]) + "\":{";
        for (int i = 0; i < kIndicatorCount; ++i) {
            out += std::string(i ? "," : "") + "\"" + std::string(kIndicators[i].key) + "\":[";
            for (int y = 0; y < kHistoryYears; ++y) {
                char buf[40];
                std::snprintf(buf, sizeof buf, "%s%.10g", y ? "," : "", history.hist[i][b][y]);
                out += buf;
            }
            out += "]";
        }
        out += "}";
    }
    return out + "}}}\n";
}

namespace {

// A snapshot file: {"model_version": N, "presets": {"<preset>": {"<bloc>":
// {"<indicator>": [one value per year from 2024]}}}, "history": {"2017-2023":
// {"<bloc>": {...}}}}, keys in file order. Snapshots before the backcast
// (issue 14) have no history.
struct Indicators {
    std::vector<std::pair<std::string, std::vector<double>>> series;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(json::members(series));
    }
};
struct Blocs {
    std::vector<std::pair<std::string, Indicators>> blocs;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(json::members(blocs));
    }
};
struct Presets {
    std::vector<std::pair<std::string, Blocs>> presets;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(json::members(presets));
    }
};
struct SnapshotFile {
    int model_version = 0;
    Presets presets, history;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("model_version", model_version), cereal::make_nvp("presets", presets),
           json::optional_nvp("history", history));
    }
};

// Snapshot files come from the command line: the guarded reader, so a
// hostile file cannot overflow the stack. Empty when it reads, else why not.
std::string read_snapshot(std::string_view text, SnapshotFile& into) {
    json::InputDocument input = json::read_untrusted(text, {"snapshot", kMaxSnapshotBytes, kMaxSnapshotDepth});
    if (!input.ok) return input.error;
    std::vector<std::string> problems;
    json::FieldReader reader(problems, 1);
    {
        json::ReadArchive ar(input.doc, reader);
        ar(into);
    }
    return problems.empty() ? std::string() : problems.front();
}

template <class T>
const T* find(const std::vector<std::pair<std::string, T>>& items, const std::string& key) {
    for (const auto& [k, v] : items)
        if (k == key) return &v;
    return nullptr;
}

// Compares one group of series ("presets", or "history") of two snapshots:
// group -> preset (or period) -> bloc -> indicator -> yearly values from first_year.
void compare_group(const Presets& old_group, const Presets& new_group, int first_year, double tolerance,
                   SnapshotComparison& c) {
    // Presets, blocs or indicators that the new snapshot no longer has.
    for (const auto& [pid, old_preset] : old_group.presets) {
        const Blocs* new_preset = find(new_group.presets, pid);
        if (!new_preset) {
            c.moved.push_back({pid, "*", "(removed preset)", 0.0, 0});
            continue;
        }
        for (const auto& [bloc, old_bloc] : old_preset.blocs) {
            const Indicators* new_bloc = find(new_preset->blocs, bloc);
            if (!new_bloc) {
                c.moved.push_back({pid, bloc, "(removed bloc)", 0.0, 0});
                continue;
            }
            for (const auto& [ind, series] : old_bloc.series)
                if (!find(new_bloc->series, ind)) c.moved.push_back({pid, bloc, ind + " (removed)", 0.0, 0});
        }
    }
    for (const auto& [pid, new_preset] : new_group.presets) {
        const Blocs* old_preset = find(old_group.presets, pid);
        if (!old_preset) {
            c.moved.push_back({pid, "*", "(new preset)", 0.0, 0});
            continue;
        }
        for (const auto& [bloc, new_bloc] : new_preset.blocs) {
            const Indicators* old_bloc = find(old_preset->blocs, bloc);
            if (!old_bloc) continue;
            for (const auto& [ind, nv] : new_bloc.series) {
                const std::vector<double>* ov = find(old_bloc->series, ind);
                if (!ov) {
                    c.moved.push_back({pid, bloc, ind + " (new)", 0, 0});
                    continue;
                }
                double worst = 0;
                int worst_year = 0;
                for (std::size_t y = 0; y < nv.size() && y < ov->size(); ++y) {
                    double d = nv[y] - (*ov)[y];
                    double scale = std::max(1.0, std::fabs((*ov)[y]));
                    if (std::fabs(d) / scale > tolerance && std::fabs(d) > std::fabs(worst)) {
                        worst = d;
                        worst_year = first_year + static_cast<int>(y);
                    }
                }
                if (worst != 0.0) c.moved.push_back({pid, bloc, ind, worst, worst_year});
                else if (nv.size() != ov->size())
                    c.moved.push_back({pid, bloc, ind + " (years changed)", 0.0,
                                       first_year + static_cast<int>(std::min(nv.size(), ov->size()))});
            }
        }
    }
}

}  // namespace

SnapshotComparison compare_snapshots(std::string_view old_json, std::string_view new_json, double tolerance) {
    SnapshotComparison c;
    SnapshotFile a, b;
    const std::string not_a_snapshot = ": not a snapshot from `trilemma-cli snapshot` (";
    if (std::string why = read_snapshot(old_json, a); !why.empty()) return c.error = "old snapshot" + not_a_snapshot + why + ")", c;
    if (std::string why = read_snapshot(new_json, b); !why.empty()) return c.error = "new snapshot" + not_a_snapshot + why + ")", c;
    c.old_version = a.model_version;
    c.new_version = b.model_version;
    compare_group(a.presets, b.presets, kBaseYear, tolerance, c);
    // The history (issue 14): compared when both snapshots have it; a snapshot
    // without it predates the backcast.
    const bool old_history = !a.history.presets.empty(), new_history = !b.history.presets.empty();
    if (old_history && new_history) compare_group(a.history, b.history, kFirstYear, tolerance, c);
    else if (new_history) c.moved.push_back({"history", "*", "(new history)", 0.0, kFirstYear});
    else if (old_history) c.moved.push_back({"history", "*", "(removed history)", 0.0, kFirstYear});
    return c;
}

}  // namespace tl

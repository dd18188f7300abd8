#include "core/snapshot.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/json_util.h"
#include "core/scenario.h"
#include "core/untrusted_json.h"
#include "core/version.h"

namespace tl {

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
// Compares one group of series ("presets", or "history") of two snapshots:
// group -> preset (or period) -> bloc -> indicator -> yearly values from first_year.
void compare_group(const rapidjson::Value& old_group, const rapidjson::Value& new_group, int first_year,
                   double tolerance, SnapshotComparison& c) {
    // Presets, blocs or indicators that the new snapshot no longer has.
    for (const auto& preset : old_group.GetObject()) {
        if (!new_group.HasMember(preset.name)) {
            c.moved.push_back({preset.name.GetString(), "*", "(removed preset)", 0.0, 0});
            continue;
        }
        const auto& new_preset = new_group[preset.name];
        if (!preset.value.IsObject() || !new_preset.IsObject()) continue;
        for (const auto& bloc : preset.value.GetObject()) {
            if (!new_preset.HasMember(bloc.name)) {
                c.moved.push_back({preset.name.GetString(), bloc.name.GetString(), "(removed bloc)", 0.0, 0});
                continue;
            }
            const auto& new_bloc = new_preset[bloc.name];
            if (!bloc.value.IsObject() || !new_bloc.IsObject()) continue;
            for (const auto& ind : bloc.value.GetObject())
                if (!new_bloc.HasMember(ind.name))
                    c.moved.push_back({preset.name.GetString(), bloc.name.GetString(),
                                       std::string(ind.name.GetString()) + " (removed)", 0.0, 0});
        }
    }
    for (const auto& preset : new_group.GetObject()) {
        std::string pid = preset.name.GetString();
        if (!old_group.HasMember(preset.name)) {
            c.moved.push_back({pid, "*", "(new preset)", 0.0, 0});
            continue;
        }
        const auto& old_preset = old_group[preset.name];
        if (!preset.value.IsObject() || !old_preset.IsObject()) continue;
        for (const auto& bloc : preset.value.GetObject()) {
            if (!old_preset.HasMember(bloc.name) || !bloc.value.IsObject()) continue;
            const auto& old_bloc = old_preset[bloc.name];
            for (const auto& ind : bloc.value.GetObject()) {
                if (!old_bloc.IsObject() || !old_bloc.HasMember(ind.name)) {
                    c.moved.push_back({pid, bloc.name.GetString(), std::string(ind.name.GetString()) + " (new)", 0, 0});
                    continue;
                }
                const auto& ov = old_bloc[ind.name];
                const auto& nv = ind.value;
                if (!ov.IsArray() || !nv.IsArray()) continue;
                double worst = 0;
                int worst_year = 0;
                for (rapidjson::SizeType y = 0; y < nv.Size() && y < ov.Size(); ++y) {
                    if (!ov[y].IsNumber() || !nv[y].IsNumber()) continue;
                    double d = nv[y].GetDouble() - ov[y].GetDouble();
                    double scale = std::max(1.0, std::fabs(ov[y].GetDouble()));
                    if (std::fabs(d) / scale > tolerance && std::fabs(d) > std::fabs(worst)) {
                        worst = d;
                        worst_year = first_year + static_cast<int>(y);
                    }
                }
                if (worst != 0.0) c.moved.push_back({pid, bloc.name.GetString(), ind.name.GetString(), worst, worst_year});
                else if (nv.Size() != ov.Size())
                    c.moved.push_back({pid, bloc.name.GetString(), std::string(ind.name.GetString()) + " (years changed)",
                                       0.0, first_year + static_cast<int>(std::min(nv.Size(), ov.Size()))});
            }
        }
    }
}
}  // namespace

SnapshotComparison compare_snapshots(std::string_view old_json, std::string_view new_json, double tolerance) {
    SnapshotComparison c;
    // Snapshot files come from the command line: the guarded reader, so a
    // hostile file cannot overflow the stack.
    json::InputDocument old_input = json::read_untrusted(old_json, {"snapshot", json::kMaxDataBytes, json::kMaxDataDepth});
    json::InputDocument new_input = json::read_untrusted(new_json, {"snapshot", json::kMaxDataBytes, json::kMaxDataDepth});
    const rapidjson::Document &a = old_input.doc, &b = new_input.doc;
    auto valid = [](const rapidjson::Document& d) {
        return d.IsObject() && d.HasMember("model_version") && d["model_version"].IsInt() &&
               d.HasMember("presets") && d["presets"].IsObject();
    };
    if (!valid(a)) return c.error = "old snapshot: not a snapshot from `trilemma-cli snapshot`", c;
    if (!valid(b)) return c.error = "new snapshot: not a snapshot from `trilemma-cli snapshot`", c;
    c.old_version = a["model_version"].GetInt();
    c.new_version = b["model_version"].GetInt();
    compare_group(a["presets"], b["presets"], kBaseYear, tolerance, c);
    // The history (issue 14): compared when both snapshots have it; a snapshot
    // without it predates the backcast.
    const bool old_history = a.HasMember("history") && a["history"].IsObject();
    const bool new_history = b.HasMember("history") && b["history"].IsObject();
    if (old_history && new_history) compare_group(a["history"], b["history"], kFirstYear, tolerance, c);
    else if (new_history) c.moved.push_back({"history", "*", "(new history)", 0.0, kFirstYear});
    else if (old_history) c.moved.push_back({"history", "*", "(removed history)", 0.0, kFirstYear});
    return c;
}

}  // namespace tl

#include "core/parameters.h"

#include <algorithm>
#include <cmath>

#include "core/assets.h"
#include "core/json_util.h"

namespace tl {

namespace {
struct ParamSpec {
    const char* key;
    int dim;
};
constexpr ParamSpec kSpecs[] = {
#define TL_PARAM_SPEC(name, id, dim) {id, dim},
    TL_PARAMETERS(TL_PARAM_SPEC)
#undef TL_PARAM_SPEC
};

std::vector<ParamDef> load_param_defs() {
    const std::string where = "assets/parameters.json";
    auto doc = json::parse(embedded_asset("parameters.json"), where);
    const auto& list = json::member(doc, "parameters", where);
    if (!list.IsArray()) throw json::Error(where + ": \"parameters\" must be an array");
    std::vector<ParamDef> defs(kParamCount);
    std::vector<bool> seen(kParamCount, false);
    for (const auto& item : list.GetArray()) {
        std::string key = json::get_string(item, "id", where);
        std::string at = where + " parameter \"" + key + "\"";
        int i = -1;
        for (int k = 0; k < kParamCount; ++k)
            if (key == kSpecs[k].key) i = k;
        if (i < 0) throw json::Error(at + ": unknown parameter id (not in core/parameters.h)");
        if (seen[i]) throw json::Error(at + ": defined twice");
        seen[i] = true;
        ParamDef& d = defs[i];
        d.id = static_cast<Param>(i);
        d.key = key;
        d.dim = kSpecs[i].dim;
        d.name = json::get_string(item, "name", at);
        d.unit = json::get_string(item, "unit", at);
        d.central = json::get_numbers(item, "value", d.dim, at);
        d.assumption = json::get_bool_or(item, "assumption", false, at);
        d.low = item.HasMember("low") ? json::get_numbers(item, "low", d.dim, at) : d.central;
        d.high = item.HasMember("high") ? json::get_numbers(item, "high", d.dim, at) : d.central;
        d.source = json::get_string_or(item, "source", "");
        d.note = json::get_string_or(item, "note", "");
        for (int e = 0; e < d.dim; ++e)
            if (!(d.low[e] <= d.central[e] && d.central[e] <= d.high[e]))
                throw json::Error(at + ": element " + std::to_string(e) + " needs low <= value <= high");
        if (d.source.empty() && !d.assumption)
            throw json::Error(at + ": needs a \"source\" citation or \"assumption\": true");
        if (d.assumption && !d.uncertain())
            throw json::Error(at + ": an assumption needs a low/high range users can explore");
    }
    int offset = 0;
    for (int i = 0; i < kParamCount; ++i) {
        if (!seen[i]) throw json::Error(where + ": parameter \"" + std::string(kSpecs[i].key) + "\" is missing");
        defs[i].offset = offset;
        offset += defs[i].dim;
    }
    return defs;
}
}  // namespace

bool ParamDef::uncertain() const {
    for (int e = 0; e < dim; ++e)
        if (low[e] != high[e]) return true;
    return false;
}

const std::vector<ParamDef>& param_defs() {
    static const std::vector<ParamDef> defs = load_param_defs();
    return defs;
}
const ParamDef& param_def(Param p) { return param_defs()[static_cast<int>(p)]; }
int param_value_count() {
    const auto& d = param_defs().back();
    return d.offset + d.dim;
}

double param_value_at(const ParamDef& def, int e, double position) {
    position = std::clamp(std::isfinite(position) ? position : 0.0, -1.0, 1.0);
    return position >= 0 ? def.central[e] + position * (def.high[e] - def.central[e])
                         : def.central[e] + position * (def.central[e] - def.low[e]);
}

void materialize_into(const AssumptionPositions& positions, ParamValues& pv) {
    const auto& defs = param_defs();
    for (int i = 0; i < kParamCount; ++i) {
        for (int e = 0; e < defs[i].dim; ++e) pv.v[defs[i].offset + e] = param_value_at(defs[i], e, positions[i]);
    }
}

ParamValues materialize(const AssumptionPositions& positions) {
    ParamValues pv;
    materialize_into(positions, pv);
    return pv;
}

}  // namespace tl

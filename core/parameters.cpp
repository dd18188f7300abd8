#include "core/parameters.h"

#include <algorithm>
#include <cmath>

#include <cereal/types/vector.hpp>

#include "core/assets.h"
#include "core/json_archive.h"

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

// A parameter's value (and its low/high): one number, or a list of `dim` numbers.
struct ScalarOrList {
    using json_in_place = void;
    std::vector<double>& values;
};
void CEREAL_LOAD_FUNCTION_NAME(json::ReadArchive& ar, ScalarOrList& field) {
    std::string at;
    const rapidjson::Value* v = ar.next_value(at);
    if (!v) return;
    field.values.clear();
    if (v->IsNumber()) return field.values.push_back(v->GetDouble());
    if (v->IsArray())
        for (const auto& x : v->GetArray())
            if (x.IsNumber()) field.values.push_back(x.GetDouble());
            else return ar.reader().error(at, "expected only numbers");
    else ar.reader().error(at, "expected a number or a list of numbers");
}
// (Writing: for tools that would rewrite the table; nothing in the app writes it.)
[[maybe_unused]] void CEREAL_SAVE_FUNCTION_NAME(json::WriteArchive& ar, const ScalarOrList& field) {
    if (field.values.size() == 1) ar(field.values.front());
    else ar(field.values);
}
}  // namespace

// assets/parameters.json: {"parameters": [{"id": ..., "value": ..., ...}, ...]}, in any order.
// Without "low"/"high" a parameter is a fixed value (low = high = value).
template <class Archive>
void serialize(Archive& ar, ParamDef& d) {
    ar(cereal::make_nvp("id", d.key), cereal::make_nvp("name", d.name), cereal::make_nvp("unit", d.unit),
       cereal::make_nvp("value", ScalarOrList{d.central}), json::optional_nvp("low", ScalarOrList{d.low}),
       json::optional_nvp("high", ScalarOrList{d.high}), json::optional_nvp("assumption", d.assumption),
       json::optional_nvp("source", d.source), json::optional_nvp("note", d.note));
}

namespace {
std::vector<ParamDef> load_param_defs() {
    const std::string where = "assets/parameters.json";
    std::vector<ParamDef> defs(kParamCount);
    std::vector<bool> seen(kParamCount, false);
    for (ParamDef& d : json::read_table_list<ParamDef>(embedded_asset("parameters.json"), where, "parameters")) {
        std::string at = where + " parameter \"" + d.key + "\"";
        int i = -1;
        for (int k = 0; k < kParamCount; ++k)
            if (d.key == kSpecs[k].key) i = k;
        if (i < 0) throw json::Error(at + ": unknown parameter id (not in core/parameters.h)");
        if (seen[i]) throw json::Error(at + ": defined twice");
        seen[i] = true;
        d.id = static_cast<Param>(i);
        d.dim = kSpecs[i].dim;
        if (d.low.empty()) d.low = d.central;
        if (d.high.empty()) d.high = d.central;
        for (const auto* values : {&d.central, &d.low, &d.high})
            if (static_cast<int>(values->size()) != d.dim)
                throw json::Error(at + ": expected " + (d.dim == 1 ? std::string("a number") : "a list of " +
                                  std::to_string(d.dim) + " numbers") + " for value, low and high");
        for (int e = 0; e < d.dim; ++e)
            if (!(d.low[e] <= d.central[e] && d.central[e] <= d.high[e]))
                throw json::Error(at + ": element " + std::to_string(e) + " needs low <= value <= high");
        if (d.source.empty() && !d.assumption)
            throw json::Error(at + ": needs a \"source\" citation or \"assumption\": true");
        if (d.assumption && !d.uncertain())
            throw json::Error(at + ": an assumption needs a low/high range users can explore");
        defs[i] = std::move(d);
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

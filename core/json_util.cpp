#include "core/json_util.h"

#include "core/untrusted_json.h"

#include <cmath>

namespace tl::json {

rapidjson::Document parse(std::string_view text, std::string_view where) {
    // The embedded tables go through the same guarded reader as untrusted
    // text: one parser, one number conversion, and a key given twice in a
    // table is an error instead of a silent first-wins.
    InputDocument input = read_untrusted(text, {"data", kMaxDataBytes, kMaxDataDepth});
    if (!input.ok) throw Error(std::string(where) + ": invalid JSON (" + input.error + ")");
    return std::move(input.doc);
}

const rapidjson::Value& member(const rapidjson::Value& obj, const char* key, const std::string& where) {
    if (!obj.IsObject()) throw Error(where + ": expected an object");
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) throw Error(where + ": missing field \"" + key + "\"");
    return it->value;
}

std::string get_string(const rapidjson::Value& obj, const char* key, const std::string& where) {
    const auto& v = member(obj, key, where);
    if (!v.IsString()) throw Error(where + "." + key + ": expected a string");
    return {v.GetString(), v.GetStringLength()};
}

std::string get_string_or(const rapidjson::Value& obj, const char* key, std::string fallback) {
    if (!obj.IsObject()) return fallback;
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || !it->value.IsString()) return fallback;
    return {it->value.GetString(), it->value.GetStringLength()};
}

double get_number(const rapidjson::Value& obj, const char* key, const std::string& where) {
    const auto& v = member(obj, key, where);
    if (!v.IsNumber() || !std::isfinite(v.GetDouble())) throw Error(where + "." + key + ": expected a finite number");
    return v.GetDouble();
}

bool get_bool_or(const rapidjson::Value& obj, const char* key, bool fallback, const std::string& where) {
    if (!obj.IsObject()) return fallback;
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return fallback;
    if (!it->value.IsBool()) throw Error(where + "." + key + ": expected true or false");
    return it->value.GetBool();
}

std::vector<double> get_numbers(const rapidjson::Value& obj, const char* key, int count, const std::string& where) {
    const auto& v = member(obj, key, where);
    if (v.IsNumber()) {
        if (count != 1) throw Error(where + "." + key + ": expected an array of " + std::to_string(count) + " numbers");
        return {v.GetDouble()};
    }
    if (!v.IsArray() || static_cast<int>(v.Size()) != count)
        throw Error(where + "." + key + ": expected an array of " + std::to_string(count) + " numbers");
    std::vector<double> out;
    for (const auto& x : v.GetArray()) {
        if (!x.IsNumber() || !std::isfinite(x.GetDouble()))
            throw Error(where + "." + key + ": expected only finite numbers");
        out.push_back(x.GetDouble());
    }
    return out;
}

}  // namespace tl::json

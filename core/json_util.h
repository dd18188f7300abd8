// Small helpers over rapidjson for reading the embedded data tables with
// error messages that name the file and the field at fault.
#pragma once
#include <rapidjson/document.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tl::json {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Limits for data files (the embedded tables, snapshots): far above their sizes.
inline constexpr std::size_t kMaxDataBytes = 16 * 1024 * 1024;
inline constexpr int kMaxDataDepth = 64;

// Parses text through read_untrusted (core/untrusted_json.h); throws Error
// "<where>: invalid JSON (line N: <reason>)" or "<where>: invalid JSON (<field>: given twice ...)".
rapidjson::Document parse(std::string_view text, std::string_view where);

const rapidjson::Value& member(const rapidjson::Value& obj, const char* key, const std::string& where);
std::string get_string(const rapidjson::Value& obj, const char* key, const std::string& where);
std::string get_string_or(const rapidjson::Value& obj, const char* key, std::string fallback);
double get_number(const rapidjson::Value& obj, const char* key, const std::string& where);
bool get_bool_or(const rapidjson::Value& obj, const char* key, bool fallback, const std::string& where);
// A number or an array of numbers of the expected length.
std::vector<double> get_numbers(const rapidjson::Value& obj, const char* key, int count, const std::string& where);

}  // namespace tl::json

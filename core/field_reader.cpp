#include "core/field_reader.h"

#include <algorithm>


namespace tl::json {

void FieldReader::error(const std::string& path, const std::string& msg) {
    if (errors_.size() < max_errors_) errors_.push_back(path + ": " + msg);
    else ++dropped_;
}

void FieldReader::error(const std::string& message) {
    if (errors_.size() < max_errors_) errors_.push_back(message);
    else ++dropped_;
}

void FieldReader::finish() {
    if (dropped_) errors_.push_back("... and " + std::to_string(dropped_) + " more problems");
    dropped_ = 0;
}

void FieldReader::insert(std::size_t position, const std::vector<std::string>& messages) {
    position = std::min(position, errors_.size());
    for (const auto& m : messages) {
        if (errors_.size() >= max_errors_) {
            ++dropped_;
            continue;
        }
        errors_.insert(errors_.begin() + static_cast<std::ptrdiff_t>(position++), m);
    }
}

std::string FieldReader::at(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

const rapidjson::Value* FieldReader::find(const rapidjson::Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    return it == obj.MemberEnd() ? nullptr : &it->value;
}

void FieldReader::text(const rapidjson::Value& obj, const char* key, const std::string& path, std::string& into,
                       bool required, std::size_t max_len) {
    const rapidjson::Value* v = find(obj, key);
    if (!v) {
        if (required) error(at(path, key), "missing");
        return;
    }
    if (!v->IsString()) return error(at(path, key), "expected text");
    into.assign(v->GetString(), v->GetStringLength());
    if (into.size() > max_len)
        error(at(path, key),
              std::to_string(into.size()) + " characters is longer than the " + std::to_string(max_len) + " allowed");
    if (required && into.find_first_not_of(" \t\r\n") == std::string::npos) error(at(path, key), "must not be empty");
}

void FieldReader::text_list(const rapidjson::Value& obj, const char* key, const std::string& path,
                            std::vector<std::string>& into, std::size_t max_items, std::size_t max_len) {
    const rapidjson::Value* v = find(obj, key);
    if (!v) return;
    if (!v->IsArray()) return error(at(path, key), "expected a list of texts");
    if (v->Size() > max_items)
        error(at(path, key), std::to_string(v->Size()) + " entries; at most " + std::to_string(max_items) + " allowed");
    rapidjson::SizeType i = 0;
    for (const auto& item : v->GetArray()) {
        std::string p = at(path, key) + "[" + std::to_string(i++) + "]";
        if (!item.IsString()) {
            error(p, "expected text");
            continue;
        }
        std::string s(item.GetString(), item.GetStringLength());
        if (s.find_first_not_of(" \t\r\n") == std::string::npos) error(p, "must not be empty");
        else if (s.size() > max_len)
            error(p, std::to_string(s.size()) + " characters is longer than the " + std::to_string(max_len) + " allowed");
        into.push_back(std::move(s));
    }
}

bool FieldReader::integer(const rapidjson::Value& obj, const char* key, const std::string& path, int& into,
                          bool required, const char* what) {
    const rapidjson::Value* v = find(obj, key);
    if (!v) {
        if (required) error(at(path, key), "missing");
        return false;
    }
    if (!v->IsInt()) {
        error(at(path, key), std::string("expected ") + what);
        return false;
    }
    into = v->GetInt();
    return true;
}

}  // namespace tl::json

// Reading the fields of a document from core/untrusted_json.h with errors
// that name the field ("steps[2].title: expected text"), capped so a hostile
// file cannot produce a million messages. The error sink and the text and
// number checks of the cereal read archive (core/json_archive.h), through
// which every format is read.
#pragma once
#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tl::json {

class FieldReader {
public:
    explicit FieldReader(std::vector<std::string>& errors, std::size_t max_errors = 40)
        : errors_(errors), max_errors_(max_errors) {}

    void error(const std::string& path, const std::string& msg);
    void error(const std::string& message);  // already "path: msg"
    // The number of problems past the cap; finish() reports them in one line.
    std::size_t dropped() const { return dropped_; }
    void finish();  // appends "... and N more problems" when the cap was reached
    // Problems so far, and problems found later about something that came
    // earlier (an object's unknown fields, known once all of it is read),
    // put back in document order at `position` (a count() taken before).
    std::size_t count() const { return errors_.size(); }
    void insert(std::size_t position, const std::vector<std::string>& messages);

    // "path.key" (or "key" at the top).
    static std::string at(const std::string& path, std::string_view key);
    static const rapidjson::Value* find(const rapidjson::Value& obj, const char* key);

    // Text: a required field must be present and not blank; at most max_len bytes.
    void text(const rapidjson::Value& obj, const char* key, const std::string& path, std::string& into, bool required,
              std::size_t max_len);
    // A list of non-blank texts, at most max_items of at most max_len bytes each.
    void text_list(const rapidjson::Value& obj, const char* key, const std::string& path, std::vector<std::string>& into,
                   std::size_t max_items, std::size_t max_len);
    // A whole number that fits an int; false when missing or wrong (an error unless optional and missing).
    bool integer(const rapidjson::Value& obj, const char* key, const std::string& path, int& into, bool required,
                 const char* what = "a whole number");

private:
    std::vector<std::string>& errors_;
    std::size_t max_errors_;
    std::size_t dropped_ = 0;
};

}  // namespace tl::json

#include "core/json_archive.h"

#include <algorithm>

#include "core/suggest.h"
#include "core/untrusted_json.h"

namespace tl::json {

namespace {
// Limits for the embedded tables: far above their sizes.
constexpr std::size_t kMaxTableBytes = 16 * 1024 * 1024;
constexpr int kMaxTableDepth = 64;

}  // namespace

std::string what_is(const rapidjson::Value& v) {
    if (v.IsArray()) return "a list";
    if (v.IsString()) return "text";
    if (v.IsNumber()) return "a number";
    if (v.IsBool()) return "true or false";
    if (v.IsNull()) return "null";
    return "an object";
}

ReadArchive::ReadArchive(const rapidjson::Value& root, FieldReader& reader, std::string path,
                         bool report_unknown_fields)
    : InputArchive(this), reader_(reader), report_unknown_fields_(report_unknown_fields) {
    // The root is the "next value" of a frame holding only it.
    frames_.push_back({&root, std::move(path), 0, {}, 0});
    frames_.back().next_index = rapidjson::SizeType(-1);  // marks the holder
}

const rapidjson::Value* ReadArchive::object() const {
    const rapidjson::Value* node = frames_.back().node;
    return node && node->IsObject() ? node : nullptr;
}

const rapidjson::Value* ReadArchive::field(const char* key) {
    frames_.back().known.emplace_back(key);
    const rapidjson::Value* obj = object();
    if (!obj) return nullptr;
    auto it = obj->FindMember(key);
    return it == obj->MemberEnd() ? nullptr : &it->value;
}

const rapidjson::Value* ReadArchive::next_value(std::string& at) {
    Frame& f = frames_.back();
    const char* name = next_name_;
    bool optional = next_optional_;
    next_name_ = nullptr;
    next_optional_ = false;
    if (f.next_index == rapidjson::SizeType(-1)) {  // the root
        at = f.path;
        return f.node;
    }
    if (!f.node) return nullptr;  // inside something absent or wrong: reported once, above
    if (name) {
        f.known.emplace_back(name);
        at = FieldReader::at(f.path, name);
        if (!f.node->IsObject()) return nullptr;  // enter() reported it
        auto it = f.node->FindMember(name);
        if (it == f.node->MemberEnd()) {
            if (!optional) reader_.error(at, "missing");
            return nullptr;
        }
        return &it->value;
    }
    at = f.path + "[" + std::to_string(f.next_index) + "]";
    if (!f.node->IsArray() || f.next_index >= f.node->Size()) return nullptr;
    return &(*f.node)[f.next_index++];
}

void ReadArchive::enter(bool list, const char* expected) {
    std::string at;
    const rapidjson::Value* v = next_value(at);
    if (v && (list ? !v->IsArray() : !v->IsObject())) {
        reader_.error(at.empty() ? "file" : at, std::string("expected ") + expected + ", found " + what_is(*v));
        v = nullptr;
    }
    frames_.push_back({v, std::move(at), 0, {}, reader_.count()});
}

void ReadArchive::leave() {
    if (frames_.size() <= 1) return;
    Frame& f = frames_.back();
    if (report_unknown_fields_ && f.node && f.node->IsObject()) {
        std::vector<std::string> unknown;
        for (const auto& m : f.node->GetObject()) {
            std::string key(m.name.GetString(), m.name.GetStringLength());
            if (std::find(f.known.begin(), f.known.end(), key) == f.known.end())
                unknown.push_back(FieldReader::at(f.path, key) + ": unknown field" + did_you_mean(key, f.known));
        }
        reader_.insert(f.first_error, unknown);
    }
    frames_.pop_back();
}

void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, TextField& t) {
    if (ar.field(t.name) || t.required)
        if (const rapidjson::Value* obj = ar.object())
            ar.reader().text(*obj, t.name, ar.path(), t.value, t.required, t.max_len);
}

void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, TextListField& t) {
    if (ar.field(t.name))
        ar.reader().text_list(*ar.object(), t.name, ar.path(), t.items, t.max_items, t.max_len);
}

void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, IntegerField& t) {
    if (ar.field(t.name) || t.required)
        if (const rapidjson::Value* obj = ar.object())
            ar.reader().integer(*obj, t.name, ar.path(), t.value, t.required, t.what);
}

void ReadArchive::load_size(cereal::size_type& size) {
    Frame& f = frames_.back();
    size = 0;
    if (!f.node) return;
    if (!f.node->IsArray()) {
        reader_.error(f.path, "expected a list, found " + what_is(*f.node));
        f.node = nullptr;
        return;
    }
    size = f.node->Size();
}

void ReadArchive::load_text(std::string& into) {
    std::string at;
    const rapidjson::Value* v = next_value(at);
    if (!v) return;
    if (!v->IsString()) return reader_.error(at, "expected text");
    into.assign(v->GetString(), v->GetStringLength());
}

void ReadArchive::load_version(std::uint32_t& into) {
    const rapidjson::Value* v = field("version");
    into = v && v->IsUint() ? v->GetUint() : 0;
}

void ReadArchive::report_ids(const std::string& at, std::string_view found, const std::string_view* ids, std::size_t n,
                             const char* what) {
    std::vector<std::string> allowed(ids, ids + n);
    std::string hint = did_you_mean(std::string(found), allowed);
    std::string list;
    if (n <= 8)  // short lists are worth reading in full
        for (std::size_t i = 0; i < n; ++i) list += (i ? (i + 1 == n ? " or " : ", ") : " (") + allowed[i];
    reader_.error(at, "unknown " + std::string(what) + " " + quoted(found) + (list.empty() ? "" : list + ")") + hint);
}

WriteArchive::WriteArchive(bool pretty)
    : OutputArchive(this), pretty_(pretty), writer_(buffer_), pretty_writer_(buffer_) {
    pretty_writer_.SetIndent(' ', 2);
}

void WriteArchive::write_name() {
    if (!next_name_) return;
    key(next_name_);
    next_name_ = nullptr;
}

rapidjson::Document parse_table(std::string_view text, std::string_view where) {
    // The embedded tables go through the same guarded reader as untrusted
    // text: one parser, one number conversion, and a key given twice in a
    // table is an error instead of a silent first-wins.
    InputDocument input = read_untrusted(text, {"data", kMaxTableBytes, kMaxTableDepth});
    if (!input.ok) throw Error(std::string(where) + ": invalid JSON (" + input.error + ")");
    return std::move(input.doc);
}

std::string join_problems(std::string_view where, const std::vector<std::string>& problems) {
    std::string out;
    for (const auto& p : problems) out += (out.empty() ? "" : "\n") + std::string(where) + ": " + p;
    return out;
}

}  // namespace tl::json

// cereal archives for the core's JSON formats: one declaration of a type's
// fields (a `serialize`, or `save`/`load` pair, beside the type) serves both
// reading and writing.
//
// Reading (ReadArchive) never parses: it walks a document that
// core/untrusted_json.h has already built and checked (size, depth, UTF-8,
// numbers, duplicate keys), so cereal's recursive RapidJSON parse never sees
// untrusted text. It does not throw either: a missing field, a wrong type or
// an unknown id is reported through a FieldReader with the field's path
// ("levers.EU.market_access: expected a number", "steps[2].title: missing")
// and reading goes on, so one pass reports every problem.
//
// Writing (WriteArchive) emits the same JSON the formats have always had
// (RapidJSON's writer, compact or indented by 2): no cereal wrapper object,
// no "value0" names. A versioned type's cereal class version is the
// document's own "version" field: WriteArchive leaves it to the type's save
// (which writes "version" where the format puts it) and ReadArchive reads
// it from "version" (0 when missing or not a whole number).
#pragma once
#include <cmath>
#include <cereal/cereal.hpp>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/field_reader.h"

namespace tl::json {

// The embedded data tables are part of the build: a problem in one is a bug,
// thrown at first use with every problem found ("assets/levers.json:
// levers[3].min: expected a number").
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------
// Field wrappers (both archives)
// ---------------------------------------------------------------------------

// Values, names and wrappers are read and written in place (a field of the
// object being read, or the object's own fields): they open no node. A
// wrapper says so with `using json_in_place = void;`. Every other class (a
// struct, a std::vector) is an object or a list of its own.
template <class T>
inline constexpr bool is_cereal_wrapper = false;
template <class T>
inline constexpr bool is_cereal_wrapper<cereal::NameValuePair<T>> = true;
template <class T>
inline constexpr bool is_cereal_wrapper<cereal::SizeTag<T>> = true;
template <class T>
concept InPlace = requires { typename T::json_in_place; } || std::is_arithmetic_v<T> || std::is_same_v<T, std::string> ||
                  is_cereal_wrapper<T>;
template <class T>
concept Node = !InPlace<T>;

// A field the document may leave out: reading leaves the value as it was.
// T is a reference for a variable, a value for a wrapper such as as_id(...).
template <class T>
struct OptionalField {
    using json_in_place = void;
    const char* name;
    T value;
};
template <class T>
OptionalField<T> optional_nvp(const char* name, T&& value) {
    return {name, std::forward<T>(value)};
}

// An enum stored as its id from a table of ids ("US", "protect"): an unknown
// id is an error naming what it is and listing the ones allowed
// ("seat: unknown bloc \"Mars\" (US, China, EU, Allies or GlobalSouth)").
template <class E, std::size_t N>
struct IdField {
    using json_in_place = void;
    const std::array<std::string_view, N>& ids;
    E& value;
    const char* what;  // "bloc"
};
template <class E, std::size_t N>
IdField<E, N> as_id(const std::array<std::string_view, N>& ids, E& value, const char* what) {
    return {ids, value, what};
}

// Text of at most max_len bytes; a required text must be there and not blank.
struct TextField {
    using json_in_place = void;
    const char* name;
    std::string& value;
    std::size_t max_len;
    bool required;
};
inline TextField text(const char* name, std::string& value, std::size_t max_len, bool required) {
    return {name, value, max_len, required};
}

// A list of non-blank texts: at most max_items of at most max_len bytes each.
struct TextListField {
    using json_in_place = void;
    const char* name;
    std::vector<std::string>& items;
    std::size_t max_items, max_len;
};
inline TextListField text_list(const char* name, std::vector<std::string>& items, std::size_t max_items,
                               std::size_t max_len) {
    return {name, items, max_items, max_len};
}

// A whole number; `what` names it in the error ("a year", "a whole number of minutes").
struct IntegerField {
    using json_in_place = void;
    const char* name;
    int& value;
    const char* what;
    bool required;
};
inline IntegerField integer(const char* name, int& value, const char* what, bool required) {
    return {name, value, what, required};
}

// An object of numbers keyed by name, kept in document order:
// {"enforcement": 400, "China.export_controls.cleantech": 60} -> items of T{key, value}.
template <class T>
struct KeyedNumbers {
    using json_in_place = void;
    std::vector<T>& items;
    const char* expected;  // "an object of lever values"
    std::size_t max_items;
};
template <class T>
KeyedNumbers<T> keyed_numbers(std::vector<T>& items, const char* expected, std::size_t max_items) {
    return {items, expected, max_items};
}

// Every field of the object being read, in document order, as (name, T):
// for objects keyed by data (a snapshot's presets, blocs and indicators).
template <class T>
struct Members {
    using json_in_place = void;
    std::vector<std::pair<std::string, T>>& items;
};
template <class T>
Members<T> members(std::vector<std::pair<std::string, T>>& items) {
    return {items};
}

template <class T>
inline constexpr bool is_vector = false;
template <class T, class A>
inline constexpr bool is_vector<std::vector<T, A>> = true;

// What a node of type T must be, for the error when it is not: a type may
// declare `const char* json_expected(const T*)` beside it ("an object
// describing a step"); otherwise "an object" or "a list".
template <class T>
const char* expected_node() {
    if constexpr (requires(const T* p) { json_expected(p); }) return json_expected(static_cast<const T*>(nullptr));
    else if constexpr (is_vector<T>) return "a list";
    else return "an object";
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

class ReadArchive : public cereal::InputArchive<ReadArchive, cereal::AllowEmptyClassElision> {
public:
    // Reads below `root`, reporting problems to `reader` with paths starting
    // at `path`. With report_unknown_fields, a field of an object that its
    // type did not ask for is an error ("briefng: unknown field (did you
    // mean \"briefing\"?)"): the names a type reads are the format.
    ReadArchive(const rapidjson::Value& root, FieldReader& reader, std::string path = "",
                bool report_unknown_fields = false);

    FieldReader& reader() { return reader_; }
    // The path of the object being read, and of one of its fields.
    const std::string& path() const { return frames_.back().path; }
    std::string path_of(std::string_view key) const { return FieldReader::at(path(), key); }
    // The object being read (null while reading something that is not there or not an object).
    const rapidjson::Value* object() const;
    // A field of the object being read (null when absent); the name counts as asked for.
    const rapidjson::Value* field(const char* key);
    bool has(const char* key) { return field(key) != nullptr; }
    void error(std::string_view key, const std::string& msg) { reader_.error(path_of(key), msg); }

    // --- used by the cereal functions below ---
    void set_next_name(const char* name, bool optional) { next_name_ = name, next_optional_ = optional; }
    // The next value: the named field of the current object, or the next
    // element of the current list. Null (after reporting what is wrong unless
    // quietly missing) when there is nothing to read.
    const rapidjson::Value* next_value(std::string& path);
    void enter(bool list, const char* expected);  // a class or list: read from the next value
    void leave();
    void load_size(cereal::size_type& size);
    template <class T>
    void load_number(T& into);
    void load_text(std::string& into);
    template <class E, std::size_t N>
    void load_id(const std::array<std::string_view, N>& ids, E& into, const char* what);
    void load_version(std::uint32_t& into);

private:
    struct Frame {
        const rapidjson::Value* node;  // null: absent or already reported; nothing below it is read
        std::string path;
        rapidjson::SizeType next_index = 0;
        std::vector<std::string> known;  // the field names asked for
        std::size_t first_error = 0;     // where its unknown fields' errors go
    };
    FieldReader& reader_;
    bool report_unknown_fields_;
    std::vector<Frame> frames_;
    const char* next_name_ = nullptr;
    bool next_optional_ = false;
    void report_ids(const std::string& path, std::string_view found, const std::string_view* ids, std::size_t n,
                    const char* what);
};

template <class T>
void ReadArchive::load_number(T& into) {
    std::string at;
    const rapidjson::Value* v = next_value(at);
    if (!v) return;
    if constexpr (std::is_same_v<T, bool>) {
        if (!v->IsBool()) return reader_.error(at, "expected true or false");
        into = v->GetBool();
    } else if constexpr (std::is_integral_v<T>) {
        if (!v->IsInt64() || v->GetInt64() < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
            static_cast<std::uint64_t>(v->GetInt64()) > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
            return reader_.error(at, "expected a whole number");
        into = static_cast<T>(v->GetInt64());
    } else {
        // Every number of the document went through parse_json_number: finite.
        if (!v->IsNumber()) return reader_.error(at, "expected a number");
        into = static_cast<T>(v->GetDouble());
    }
}

template <class E, std::size_t N>
void ReadArchive::load_id(const std::array<std::string_view, N>& ids, E& into, const char* what) {
    std::string at;
    const rapidjson::Value* v = next_value(at);
    if (!v) return;
    if (!v->IsString()) return reader_.error(at, "expected text");
    std::string_view found(v->GetString(), v->GetStringLength());
    for (std::size_t i = 0; i < N; ++i)
        if (ids[i] == found) {
            into = static_cast<E>(i);
            return;
        }
    report_ids(at, found, ids.data(), N, what);
}

// Names select fields; the wrappers say whether a field may be missing.
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, cereal::NameValuePair<T>& t) {
    // cereal asks for a versioned type's version by this name: it is the document's "version".
    if (std::string_view(t.name) == "cereal_class_version") {
        if constexpr (std::is_same_v<std::decay_t<T>, std::uint32_t>) ar.load_version(t.value);
        return;
    }
    ar.set_next_name(t.name, false);
    ar(t.value);
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, OptionalField<T>& t) {
    ar.set_next_name(t.name, true);
    ar(t.value);
}
template <class E, std::size_t N>
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, IdField<E, N>& t) {
    ar.load_id(t.ids, t.value, t.what);
}

template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, T& t) {
    ar.load_number(t);
}

inline void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, std::string& t) { ar.load_text(t); }

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, cereal::SizeTag<T>& t) {
    ar.load_size(t.size);
}

// The field wrappers read through the FieldReader's checks.
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, TextField& t);
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, TextListField& t);
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, IntegerField& t);
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, KeyedNumbers<T>& t) {
    std::string at;
    const rapidjson::Value* v = ar.next_value(at);
    if (!v) return;
    if (!v->IsObject()) return ar.reader().error(at, std::string("expected ") + t.expected);
    if (v->MemberCount() > t.max_items)
        return ar.reader().error(at, std::to_string(v->MemberCount()) + " values; at most " +
                                         std::to_string(t.max_items) + " allowed");
    for (const auto& m : v->GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        if (!m.value.IsNumber()) ar.reader().error(FieldReader::at(at, key), "expected a number");
        else t.items.push_back({std::move(key), m.value.GetDouble()});
    }
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(ReadArchive& ar, Members<T>& t) {
    const rapidjson::Value* obj = ar.object();
    if (!obj) return;
    for (const auto& m : obj->GetObject()) {
        t.items.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()), T{});
        ar.set_next_name(m.name.GetString(), false);  // the document's own key: stable while reading
        ar(t.items.back().second);
    }
}

template <InPlace T>
void prologue(ReadArchive&, const T&) {}
template <InPlace T>
void epilogue(ReadArchive&, const T&) {}
template <Node T>
void prologue(ReadArchive& ar, const T&) {
    ar.enter(is_vector<T>, expected_node<T>());
}
template <Node T>
void epilogue(ReadArchive& ar, const T&) {
    ar.leave();
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

class WriteArchive : public cereal::OutputArchive<WriteArchive, cereal::AllowEmptyClassElision> {
public:
    explicit WriteArchive(bool pretty);
    std::string text() const { return {buffer_.GetString(), buffer_.GetSize()}; }

    // --- used by the cereal functions below ---
    void set_next_name(const char* name) { next_name_ = name; }
    void start_object() { with([](auto& w) { w.StartObject(); }); }
    void start_array() { with([](auto& w) { w.StartArray(); }); }
    void end_object() { with([](auto& w) { w.EndObject(); }); }
    void end_array() { with([](auto& w) { w.EndArray(); }); }
    void write_name();  // the pending name, if any, as the next key
    void key(std::string_view k) {
        with([&](auto& w) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); });
    }
    template <class T>
    void write_number(T v) {
        write_name();
        with([&](auto& w) {
            if constexpr (std::is_same_v<T, bool>) w.Bool(v);
            else if constexpr (std::is_integral_v<T>) w.Int64(static_cast<std::int64_t>(v));
            else w.Double(static_cast<double>(v));
        });
    }
    // Whole numbers without ".0" (hand-written files read naturally: "target": 60).
    void write_plain_number(double v) {
        // The range test first: converting a double outside long long's range is undefined.
        if (v < 1e15 && v > -1e15 && v == std::trunc(v)) write_number(static_cast<long long>(v));
        else write_number(v);
    }
    void write_text(std::string_view s) {
        write_name();
        with([&](auto& w) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); });
    }
    // A std::vector is a list; any other class an object.
    template <class T>
    void start_node() {
        write_name();
        if constexpr (is_vector<T>) start_array();
        else start_object();
    }
    template <class T>
    void end_node() {
        if constexpr (is_vector<T>) end_array();
        else end_object();
    }

private:
    template <class F>
    void with(F f) {
        if (pretty_) f(pretty_writer_);
        else f(writer_);
    }
    bool pretty_;
    rapidjson::StringBuffer buffer_;
    rapidjson::Writer<rapidjson::StringBuffer> writer_;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> pretty_writer_;
    const char* next_name_ = nullptr;
};

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const cereal::NameValuePair<T>& t) {
    if (std::string_view(t.name) == "cereal_class_version") return;  // the type's save writes "version"
    ar.set_next_name(t.name);
    ar(t.value);
}
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const OptionalField<T>& t) {
    ar.set_next_name(t.name);
    ar(t.value);
}
template <class E, std::size_t N>
void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const IdField<E, N>& t) {
    auto i = static_cast<std::size_t>(t.value);
    ar.write_text(i < N ? t.ids[i] : std::string_view("?"));
}

template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const T& t) {
    ar.write_number(t);
}

inline void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const std::string& t) { ar.write_text(t); }

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(WriteArchive&, const cereal::SizeTag<T>&) {}  // a list's length is its own

inline void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const TextField& t) {
    ar.set_next_name(t.name);
    ar.write_text(t.value);
}
inline void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const TextListField& t) {
    ar.set_next_name(t.name);
    ar.write_name();
    ar.start_array();
    for (const auto& item : t.items) ar.write_text(item);
    ar.end_array();
}
inline void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const IntegerField& t) {
    ar.set_next_name(t.name);
    ar.write_number(t.value);
}
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const KeyedNumbers<T>& t) {
    ar.write_name();
    ar.start_object();
    for (const auto& item : t.items) {
        ar.key(item.key);
        ar.write_plain_number(item.value);
    }
    ar.end_object();
}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(WriteArchive& ar, const Members<T>& t) {
    for (const auto& [name, value] : t.items) {
        ar.set_next_name(name.c_str());
        ar(value);
    }
}

template <InPlace T>
void prologue(WriteArchive&, const T&) {}
template <InPlace T>
void epilogue(WriteArchive&, const T&) {}
template <Node T>
void prologue(WriteArchive& ar, const T&) {
    ar.start_node<T>();
}
template <Node T>
void epilogue(WriteArchive& ar, const T&) {
    ar.end_node<T>();
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

// Reads an embedded data table (assets/*.json) into `into` through the
// guarded reader and the archive; throws Error with every problem found,
// each prefixed by `where` ("assets/levers.json").
template <class T>
void read_table(std::string_view text, std::string_view where, T& into);

std::string join_problems(std::string_view where, const std::vector<std::string>& problems);

// A table that is one list under one field ({"levers": [...]}): its items.
template <class T>
std::vector<T> read_table_list(std::string_view text, std::string_view where, const char* field);

// "a list", "text", "a number", ...: what a reader found where it wanted something else.
std::string what_is(const rapidjson::Value& v);
// The document of an embedded table, or Error "<where>: invalid JSON (...)".
rapidjson::Document parse_table(std::string_view text, std::string_view where);

template <class T>
void read_table(std::string_view text, std::string_view where, T& into) {
    rapidjson::Document doc = parse_table(text, where);
    std::vector<std::string> problems;
    FieldReader reader(problems);
    {
        ReadArchive ar(doc, reader);
        ar(into);
    }
    reader.finish();
    if (!problems.empty()) throw Error(join_problems(where, problems));
}

template <class T>
struct ListTable {
    const char* field;
    std::vector<T> items;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp(field, items));
    }
};

template <class T>
std::vector<T> read_table_list(std::string_view text, std::string_view where, const char* field) {
    ListTable<T> table{field, {}};
    read_table(text, where, table);
    return std::move(table.items);
}

}  // namespace tl::json

CEREAL_REGISTER_ARCHIVE(tl::json::ReadArchive)
CEREAL_REGISTER_ARCHIVE(tl::json::WriteArchive)
CEREAL_SETUP_ARCHIVE_TRAITS(tl::json::ReadArchive, tl::json::WriteArchive)

// The cereal archives of core/json_archive.h on a small type of their own:
// one field list reads and writes; reading names every problem by its path,
// goes on after one, reports unknown fields in document order, takes a
// versioned type's version from "version", and never throws.
#include <doctest/doctest.h>

#include <cereal/types/vector.hpp>

#include "core/json_archive.h"
#include "core/untrusted_json.h"

namespace {

enum class Colour { Red, Green };
constexpr std::array<std::string_view, 2> kColourIds{"red", "green"};

struct Item {
    std::string name;
    double weight = 0.0;
    bool operator==(const Item&) const = default;
};
template <class Archive>
void serialize(Archive& ar, Item& item) {
    ar(tl::json::text("name", item.name, 10, true), cereal::make_nvp("weight", item.weight));
}

struct Box {
    int version = 0;  // as read by cereal
    std::string label;
    Colour colour = Colour::Red;
    int count = 1;
    std::vector<Item> items;
    bool operator==(const Box&) const = default;
};
template <class Archive>
void serialize(Archive& ar, Box& box, std::uint32_t version) {
    if constexpr (Archive::is_loading::value) box.version = static_cast<int>(version);
    else ar(cereal::make_nvp("version", version));
    ar(tl::json::text("label", box.label, 20, true), cereal::make_nvp("colour", tl::json::as_id(kColourIds, box.colour, "colour")),
       tl::json::optional_nvp("count", box.count), cereal::make_nvp("items", box.items));
}

struct Read {
    Box box;
    std::vector<std::string> errors;
};
Read read(std::string_view text) {
    Read r;
    tl::json::InputDocument doc = tl::json::read_untrusted(text, {"box", 4096});
    REQUIRE_MESSAGE(doc.ok, doc.error);
    tl::json::FieldReader reader(r.errors);
    tl::json::ReadArchive ar(doc.doc, reader, "", /*report_unknown_fields=*/true);
    ar(r.box);
    return r;
}

}  // namespace

CEREAL_CLASS_VERSION(Box, 3)

TEST_CASE("json archive: one field list writes and reads back the same value") {
    Box box{3, "crate", Colour::Green, 2, {{"a", 1.5}, {"b", 2}}};
    for (bool pretty : {false, true}) {
        tl::json::WriteArchive out(pretty);
        out(box);
        if (!pretty)
            CHECK(out.text() == R"({"version":3,"label":"crate","colour":"green","count":2,)"
                                R"("items":[{"name":"a","weight":1.5},{"name":"b","weight":2.0}]})");
        Read back = read(out.text());
        CHECK(back.errors.empty());
        CHECK(back.box == box);
    }
}

TEST_CASE("json archive: every problem is named by its path, in document order, and reading goes on") {
    Read r = read(R"({"labl": "x", "colour": "blue", "items": [{"name": "a", "weight": "heavy"}, 5,
                     {"weight": 1, "extra": true}], "version": 1})");
    const std::vector<std::string> expected{
        "labl: unknown field (did you mean \"label\"?)",
        "label: missing",
        "colour: unknown colour \"blue\" (red or green)",
        "items[0].weight: expected a number",
        "items[1]: an object, found a number",
        "items[2].extra: unknown field",
        "items[2].name: missing",
    };
    REQUIRE(r.errors.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(r.errors[i].find(expected[i].substr(0, expected[i].find(": ") + 2)) == 0);
        CHECK(r.errors[i].find(expected[i].substr(expected[i].find(": ") + 2)) != std::string::npos);
    }
    // What could be read was read; the version is the document's "version".
    CHECK(r.box.version == 1);
    CHECK(r.box.items.size() == 3);
    CHECK(r.box.items[2].weight == 1);
}

TEST_CASE("json archive: wrong shapes anywhere are errors, never exceptions") {
    for (const char* text : {"[]", "3", "null", R"({"items": {}})", R"({"items": [[[]]]})", R"({"label": ["x"]})"}) {
        CAPTURE(text);
        Read r;
        REQUIRE_NOTHROW(r = read(text));
        REQUIRE(!r.errors.empty());
        CHECK(r.errors.front().find(": ") > 0);  // every message starts with where ("file" for the whole)
    }
    CHECK(read("[]").errors.front() == "file: expected an object, found a list");
    // A negative or missing version reads as 0 (the type decides what that means).
    Read negative = read(R"({"version": -1, "label": "x", "colour": "red", "items": []})");
    CHECK(negative.errors.empty());
    CHECK(negative.box.version == 0);
}

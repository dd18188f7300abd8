// The one door through which untrusted JSON text enters the core: scenario
// files (opened, dropped, pasted) and guides (files and `#guide=` links).
//
// A single non-recursive pass checks what a naive parser would get wrong or
// crash on, and builds the RapidJSON document as it goes:
//   - size (before anything else is allocated) and binary data ("not a
//     text/JSON file" rather than a size or syntax complaint);
//   - a leading UTF-8 byte-order mark is skipped (editors on Windows add it);
//   - nesting depth (no recursion anywhere, so "[[[[…" cannot overflow the stack);
//   - valid UTF-8 in every string, and no lone UTF-16 surrogate in a \u escape,
//     refused with the field path ("name: not valid UTF-8 text");
//   - numbers by the JSON grammar, converted by parse_json_number below and
//     nowhere else (RapidJSON's full-precision path read "0e308" as 3.5e72);
//   - a key given twice in one object, refused naming the key
//     ("levers.US.enforcement: given twice").
// Errors carry a line number (line_at) or the field path, like every other
// message of the readers.
#pragma once
#include <rapidjson/document.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tl::json {

struct InputLimits {
    std::string_view kind;  // "scenario", "guide": for "not a text/JSON scenario file"
    std::size_t max_bytes = 0;
    int max_depth = 32;     // nested objects/arrays; the formats need at most 6
};

struct InputDocument {
    bool ok = false;
    rapidjson::Document doc;  // the whole text, when ok
    std::string error;        // "line 3: not valid JSON (...)", "levers.US.enforcement: given twice", "file: ..."
};

// Never throws.
InputDocument read_untrusted(std::string_view text, const InputLimits& limits);

// The one number parser for untrusted text: a JSON number token (RFC 8259
// grammar, nothing before or after it) to the nearest double (strtod is
// correctly rounded). nullopt when the token is malformed or out of range.
std::optional<double> parse_json_number(std::string_view token);

// 1-based line of a byte offset: people edit these files by hand.
int line_at(std::string_view text, std::size_t offset);

// The text without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view skip_byte_order_mark(std::string_view text);

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF):
// the one UTF-8 check of the core (files, guides, names in share codes).
bool is_valid_utf8(std::string_view text);
// Length of the well-formed UTF-8 sequence at text[i], 0 if there is none.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

}  // namespace tl::json

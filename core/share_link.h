// Share codes: a whole scenario in the URL fragment (`#s=<code>`), with no
// server. Only what differs from the scenario's preset is written, so a
// typical scenario takes a few dozen characters. Every code carries the share
// format version and the model version it was made with.
//
// A code is fields separated by '.', all characters URL-fragment safe
// (0-9 a-z A-Z - _ .):
//
//   2.2.0.013525.00280h1o0q0u0r1y.._.gow    (status quo, US, 5 levers moved: 36 characters)
//   | | | |      |                 ||  └ check: 3 base-36 digits of FNV-1a(everything before this '.')
//   | | | |      |                 |└ name (optional; "_" = the preset's), then notes (optional)
//   | | | |      |                 └ assumptions that differ from 0 (central): none here
//   | | | |      └ levers that differ from the preset: "0028" = US (0), slot 0
//   | | | |        (export_controls.semis), "28" = 2*36+8 = 80 steps of 1 above 0 = 80
//   | | | └ setup: seat (0-4: US China EU Allies GlobalSouth), reactions (0/1),
//   | | |   horizon and start year as two decimal digits each (year - 2000)
//   | | └ preset: base-36 index in assets/presets.json, or "_" + base64url(id)
//   | └ model version (base 36)
//   └ share format version (base 36)
//
// Format 1 (codes made before the start year was stored) is the same
// without the start year: a setup of 4 characters ("0135"). Its codes still
// open, with the start year kDefaultStartYear (2025).
//
// Levers: 4-character entries <bloc 0-4><slot, base 36><value: 2 base-36
// digits = steps above the lever's min>, i.e. value = min + n * step from
// assets/levers.json. A value that is not on the lever's step grid is written
// exactly instead: <bloc><slot>_<11 base64url characters: the IEEE-754 bits>.
// Entries are sorted by bloc, then slot; each slot at most once.
// Assumptions: entries <parameter index: 2 base-36 digits><position: 2 base-36
// digits = 20 * position + 20, a grid of 0.05 from -1 to 1>, or
// <index>_<11 base64url characters> for a position off that grid; sorted.
// Name and notes: base64url (no padding) of UTF-8 text; the name "_" stands
// for the preset's own name. Both are left out when empty.
//
// Exactness: decode(encode(s)) == s for every valid scenario whose name and
// notes are valid UTF-8 within kShareMaxNameBytes / kShareMaxNotesBytes;
// values on and off the step grid alike. Only if the exact code would exceed
// kMaxShareCodeLength (possible only with nearly every value off its grid) are
// off-grid values rounded to their grid; share_code_losses() says beforehand
// whether anything would change. Longer name/notes are cut at a character
// boundary; invalid UTF-8 bytes become U+FFFD.
//
// Because slots, presets and steps are referred to by index, changing the
// order of levers or presets, or a lever's min or step, changes what old codes
// mean: bump kShareFormatVersion and keep a reader for the old format (a
// model-version notice alone would let old links open with wrong values).
// tests/unit/share_link_test.cpp pins the layout with a golden code.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.h"

namespace tl {

inline constexpr int kShareFormatVersion = 2;  // 2: the setup carries the start year
inline constexpr std::size_t kMaxShareCodeLength = 4096;  // characters, decoder and encoder
inline constexpr std::size_t kShareMaxNameBytes = 100;    // UTF-8 bytes of the name in a link
inline constexpr std::size_t kShareMaxNotesBytes = 500;   // UTF-8 bytes of the notes in a link
inline constexpr int kShareAssumptionGrid = 20;           // positions in steps of 1/20 = 0.05

struct ShareDecodeOptions {
    // false: skip comparing the check digits (their format is still checked).
    // For fuzzing, so that mutated inputs reach the parser.
    bool verify_check = true;
};

struct ShareDecodeResult {
    bool ok = false;
    Scenario scenario;                 // the decoded scenario when ok
    std::vector<std::string> errors;   // "levers.US.tariffs.ai (character 17): 140 is outside 0..100"
    std::vector<std::string> notices;  // e.g. made with an older model version
    // 0-based offset in the decoded text of the first error (npos: none, or
    // no single place), so that a UI can point at it.
    std::size_t error_position = std::string::npos;
    int format_version = 0;
    int model_version = 0;
};

// The code for a scenario (without "#s="). Never throws; at most
// kMaxShareCodeLength characters. For an invalid scenario (see validate())
// it returns a code that does not decode.
std::string encode_share_code(const Scenario& s);

// Reads a code. Accepts the bare code, "s=<code>", "#s=<code>" or a whole
// link ending in "#s=<code>", with surrounding whitespace. Validates
// everything and reports what is wrong and where (1-based character positions
// in `text`); never throws, never returns a half-read scenario, and does work
// and allocation bounded by kMaxShareCodeLength whatever the input.
ShareDecodeResult decode_share_code(std::string_view text, ShareDecodeOptions options = {});

// Where share links or codes lie in one line of pasted text, as chat apps and
// a phone's Share button send them with a title ("Team Red: http://host/#s=...",
// "<http://host/#s=...> from Blue", "2.2.0.013525.._.gow,"): each is a word
// with "#s=" in it (from the "http" before it, else from after any bracket or
// quote, up to the code's last character), a word starting "s=", or a bare
// code (a word of code characters, starting with a letter or digit, with at
// least 5 dots). Brackets, quotes and punctuation around it are not part of
// it. Whether it decodes is decode_share_code's to say. Work linear in the
// line's length; at most `max_links` are returned.
struct ShareLinkSpan {
    std::size_t begin = 0, end = 0;  // bytes [begin, end) of the line
};
std::vector<ShareLinkSpan> find_share_links(std::string_view line, std::size_t max_links = 200);

// Why a link of `s` would not restore it exactly (name or notes too long or
// not UTF-8, values rounded to fit the length limit), as messages for the UI;
// empty when it would. Assumes a valid scenario.
std::vector<std::string> share_code_losses(const Scenario& s);

// The 3 check digits for the part of a code before its last '.'.
std::string share_code_check(std::string_view body);

// base64url without padding (RFC 4648 section 5), for text carried in links
// (names, notes, custom guides). Decoding returns nullopt for invalid text.
std::string encode_base64url(std::string_view bytes);
std::optional<std::string> decode_base64url(std::string_view text);

// The notice for a code or file made with an older model version `made_with`
// when this app runs `current`; empty otherwise (newer ones are refused).
std::string model_version_notice(int made_with, int current, std::string_view what = "link");

}  // namespace tl

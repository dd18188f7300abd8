// Index:
//   [SECTION] Digits, bits and base64url
//   [SECTION] Encoding
//   [SECTION] Decoding
//   [SECTION] Public functions
#include "core/share_link.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>

#include "core/untrusted_json.h"
#include "core/version.h"

namespace tl {

static_assert(kSlotCount <= 36, "a lever slot is one base-36 digit in share codes");
static_assert(kBlocCount <= 10, "a bloc is one decimal digit in share codes");
static_assert(kParamCount <= 36 * 36, "an assumption index is two base-36 digits in share codes");
static_assert(kMinHorizon > 2000 && kMaxHorizon < 2099, "the horizon is two decimal digits (year - 2000)");
static_assert(kBaseYear + 1 > 2000, "the start year is two decimal digits (year - 2000)");

namespace {

constexpr std::string_view kB36 = "0123456789abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr int kValueDigits = 2;                 // base-36 digits of a value on its grid
constexpr int kMaxGridSteps = 36 * 36 - 1;      // largest step count they hold
constexpr int kBitsChars = 11;                  // base64url characters of an exact double
constexpr std::size_t kMaxPresetIdBytes = 64;   // of a preset written by id
constexpr int kMinFields = 7, kMaxFields = 9;
constexpr std::size_t kMaxErrors = 20;

// ---------------------------------------------------------------------------
// [SECTION] Digits, bits and base64url
// ---------------------------------------------------------------------------

int b36_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    return -1;
}
int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}
bool code_char(char c) { return b64_value(c) >= 0 || c == '.'; }

void put_b36(std::string& out, std::uint64_t v, int width) {
    char buf[16];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = kB36[v % 36];
        v /= 36;
    }
    out.append(buf, width);
}
void put_b36(std::string& out, std::uint64_t v) {
    char buf[16];
    int n = 0;
    do {
        buf[n++] = kB36[v % 36];
        v /= 36;
    } while (v > 0);
    while (n > 0) out += buf[--n];
}

std::uint64_t bits_of(double v) {
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
}
double double_of(std::uint64_t b) {
    double v;
    std::memcpy(&v, &b, sizeof v);
    return v;
}
void put_bits(std::string& out, double v) {
    std::uint64_t b = bits_of(v);
    for (int i = kBitsChars - 1; i >= 0; --i) out += kB64[(b >> (6 * i)) & 63];
}

std::string base64url(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t v = (std::uint8_t(bytes[i]) << 16) | (std::uint8_t(bytes[i + 1]) << 8) | std::uint8_t(bytes[i + 2]);
        for (int k = 3; k >= 0; --k) out += kB64[(v >> (6 * k)) & 63];
    }
    if (bytes.size() - i == 1) {
        std::uint32_t v = std::uint8_t(bytes[i]) << 16;
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
    } else if (bytes.size() - i == 2) {
        std::uint32_t v = (std::uint8_t(bytes[i]) << 16) | (std::uint8_t(bytes[i + 1]) << 8);
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += kB64[(v >> 6) & 63];
    }
    return out;
}

// Decodes canonical unpadded base64url; nullopt on a bad length, character
// or nonzero unused bits.
std::optional<std::string> from_base64url(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        int v = b64_value(c);
        if (v < 0) return std::nullopt;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
        acc &= (1u << bits) - 1;
    }
    if (acc != 0) return std::nullopt;  // unused low bits must be zero
    return out;
}

// Valid UTF-8 of at most max_bytes: invalid bytes become U+FFFD, the text is
// cut at a character boundary.
std::string link_text(std::string_view s, std::size_t max_bytes) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = json::utf8_sequence_length(s, i);
        std::string_view piece = n ? s.substr(i, n) : std::string_view("\xEF\xBF\xBD");
        if (out.size() + piece.size() > max_bytes) break;
        out += piece;
        i += n ? n : 1;
    }
    return out;
}

std::string fmt(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    if (std::strtod(buf, nullptr) != v) std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// The value of n steps above a lever's min: the one expression both the
// encoder and the decoder use, so that grid values round-trip bit for bit.
double grid_value(const LeverDef& d, int n) { return d.min + n * d.step; }
double assumption_value(int k) { return static_cast<double>(k) / kShareAssumptionGrid; }

// n with grid_value(d, n) == v exactly, if there is one the code can hold.
std::optional<int> on_grid(const LeverDef& d, double v) {
    if (!std::isfinite(v)) return std::nullopt;
    double n = std::round((v - d.min) / d.step);
    if (!(n >= 0 && n <= kMaxGridSteps)) return std::nullopt;
    int k = static_cast<int>(n);
    if (grid_value(d, k) != v) return std::nullopt;
    return k;
}
std::optional<int> on_assumption_grid(double v) {
    if (!std::isfinite(v)) return std::nullopt;
    double k = std::round(v * kShareAssumptionGrid);
    if (!(k >= -kShareAssumptionGrid && k <= kShareAssumptionGrid)) return std::nullopt;
    int n = static_cast<int>(k);
    if (assumption_value(n) != v) return std::nullopt;
    return n;
}
// Nearest grid value within the lever's range (NaN: the neutral value).
double round_to_grid(const LeverDef& d, double v) {
    if (!std::isfinite(v)) v = d.neutral;
    v = std::clamp(v, d.min, d.max);
    double top = std::floor((d.max - d.min) / d.step);
    double n = std::clamp(std::round((v - d.min) / d.step), 0.0, std::min(top, double(kMaxGridSteps)));
    return grid_value(d, static_cast<int>(n));
}
double round_to_assumption_grid(double v) {
    if (!std::isfinite(v)) return 0.0;
    v = std::clamp(v, -1.0, 1.0);
    return assumption_value(static_cast<int>(std::round(v * kShareAssumptionGrid)));
}

// ---------------------------------------------------------------------------
// [SECTION] Encoding
// ---------------------------------------------------------------------------

// A year as two decimal digits (year - 2000): the horizon and the start year.
void put_year(std::string& out, int year) {
    int two_digits = std::clamp(year - 2000, 0, 99);
    out += static_cast<char>('0' + two_digits / 10);
    out += static_cast<char>('0' + two_digits % 10);
}

const Policy& base_policy(const Preset* preset, int bloc) {
    return (preset ? *preset : presets().front()).policy[bloc];
}

std::string encode(const Scenario& s, bool exact) {
    std::string out;
    out.reserve(256);
    put_b36(out, kShareFormatVersion);
    out += '.';
    put_b36(out, kModelVersion);
    out += '.';
    const Preset* preset = find_preset(s.preset);
    if (preset) put_b36(out, static_cast<std::uint64_t>(preset - presets().data()));
    else out += "_" + base64url(link_text(s.preset, kMaxPresetIdBytes));
    out += '.';
    int seat = idx(s.seat);
    out += (seat >= 0 && seat < kBlocCount) ? kB36[seat] : 'z';
    out += s.reactions ? '1' : '0';
    put_year(out, s.horizon);
    put_year(out, s.start_year);
    out += '.';
    for (int b = 0; b < kBlocCount; ++b) {
        const Policy& base = base_policy(preset, b);
        for (int slot = 0; slot < kSlotCount; ++slot) {
            const LeverDef& d = lever_def(slot_info(slot).lever);
            double v = s.policy[b][slot];
            if (!exact) v = round_to_grid(d, v);
            if (v == base[slot]) continue;
            out += kB36[b];
            out += kB36[slot];
            if (auto n = on_grid(d, v)) {
                put_b36(out, static_cast<std::uint64_t>(*n), kValueDigits);
            } else {
                out += '_';
                put_bits(out, v);
            }
        }
    }
    out += '.';
    for (int i = 0; i < kParamCount; ++i) {
        double v = s.assumptions[i];
        if (!exact) v = round_to_assumption_grid(v);
        if (v == 0.0) continue;
        put_b36(out, static_cast<std::uint64_t>(i), 2);
        if (auto k = on_assumption_grid(v)) {
            put_b36(out, static_cast<std::uint64_t>(*k + kShareAssumptionGrid), 2);
        } else {
            out += '_';
            put_bits(out, v);
        }
    }
    if (!s.name.empty() || !s.notes.empty()) {
        out += '.';
        if (preset && !s.name.empty() && s.name == preset->name) out += '_';
        else out += base64url(link_text(s.name, kShareMaxNameBytes));
        if (!s.notes.empty()) {
            out += '.';
            out += base64url(link_text(s.notes, kShareMaxNotesBytes));
        }
    }
    std::string check = share_code_check(out);
    out += '.';
    out += check;
    return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Decoding
// ---------------------------------------------------------------------------

struct Field {
    std::string_view text;
    std::size_t pos;  // offset of its first character in the decoded text
};

std::string show_char(char c) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7F) return std::string("'") + c + "'";
    if (c == ' ') return "a space";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", u);
    return buf;
}

// A base-36 number of 1..max_digits digits without leading zeros.
std::optional<std::uint64_t> parse_b36(std::string_view t, std::size_t max_digits) {
    if (t.empty() || t.size() > max_digits) return std::nullopt;
    if (t.size() > 1 && t[0] == '0') return std::nullopt;
    std::uint64_t v = 0;
    for (char c : t) {
        int d = b36_value(c);
        if (d < 0) return std::nullopt;
        v = v * 36 + static_cast<std::uint64_t>(d);
    }
    return v;
}
std::optional<int> fixed_b36(std::string_view t) {
    int v = 0;
    for (char c : t) {
        int d = b36_value(c);
        if (d < 0) return std::nullopt;
        v = v * 36 + d;
    }
    return v;
}
std::optional<double> parse_bits(std::string_view t) {
    if (t.size() != static_cast<std::size_t>(kBitsChars)) return std::nullopt;
    std::uint64_t b = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        int v = b64_value(t[i]);
        if (v < 0 || (i == 0 && v >= 16)) return std::nullopt;  // 11 x 6 bits hold 64 + 2 leading zero bits
        b = (b << 6) | static_cast<std::uint64_t>(v);
    }
    return double_of(b);
}

class Decoder {
public:
    Decoder(ShareDecodeResult& r, std::size_t base) : r_(r), base_(base) {}

    void error(std::string_view field, std::size_t pos, const std::string& msg) {
        if (r_.error_position == std::string::npos) r_.error_position = base_ + pos;
        add(std::string(field) + " (character " + std::to_string(base_ + pos + 1) + "): " + msg);
    }
    void error(const std::string& msg) { add(msg); }

    void decode(std::string_view code, const ShareDecodeOptions& options);

private:
    void add(std::string msg) {
        if (r_.errors.size() < kMaxErrors) r_.errors.push_back(std::move(msg));
        else if (r_.errors.size() == kMaxErrors) r_.errors.push_back("... and more problems");
    }
    void levers(const Field& f, const Preset* preset, Scenario& s);
    void assumptions(const Field& f, Scenario& s);
    std::optional<std::string> text(const Field& f, std::string_view what, std::size_t max_bytes);
    std::optional<int> year_at(const Field& f, std::size_t at, std::string_view what, int min, int max);

    ShareDecodeResult& r_;
    std::size_t base_;
};

void Decoder::decode(std::string_view code, const ShareDecodeOptions& options) {
    if (code.empty())
        return error("share code: empty (a share link ends in #s= and a code that starts with \"" +
                     std::to_string(kShareFormatVersion) + ".\")");
    if (code.size() > kMaxShareCodeLength)
        return error("share code: " + std::to_string(code.size()) + " characters is longer than the " +
                     std::to_string(kMaxShareCodeLength) + " a share code may have");
    for (std::size_t i = 0; i < code.size(); ++i)
        if (!code_char(code[i]))
            return error("share code", i,
                         show_char(code[i]) + " cannot appear in a share code (letters, digits, '-', '_' and '.' only)");

    std::array<Field, kMaxFields + 1> fields{};
    int count = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= code.size(); ++i) {
        if (i == code.size() || code[i] == '.') {
            if (count <= kMaxFields) fields[count] = {code.substr(start, i - start), start};
            ++count;
            start = i + 1;
        }
    }

    // The format version first: a newer format may differ in everything else.
    auto format = parse_b36(fields[0].text, 2);
    if (!format || *format == 0)
        return error("share code", 0, "this is not a Trilemma Lab share code (they start with \"" +
                                          std::to_string(kShareFormatVersion) + ".\")");
    r_.format_version = static_cast<int>(*format);
    if (*format > static_cast<std::uint64_t>(kShareFormatVersion))
        return error("format", 0, "this link was made by a newer version of Trilemma Lab (share format " +
                                      std::to_string(*format) + "; this app reads format " +
                                      std::to_string(kShareFormatVersion) + "): reload the page to update the app");
    if (count < kMinFields)
        return error("share code", code.size(), "has " + std::to_string(count) + " parts separated by '.', not " +
                                                    std::to_string(kMinFields) + " to " + std::to_string(kMaxFields) +
                                                    ": the code is incomplete, it may have been cut short");
    if (count > kMaxFields)
        return error("share code", fields[kMaxFields].pos,
                     "has more than " + std::to_string(kMaxFields) +
                         " parts separated by '.': something was added after the end of the code");

    const Field& check = fields[count - 1];
    if (check.text.size() != 3 || !fixed_b36(check.text))
        return error("check", check.pos, "the code should end in 3 check characters (0-9, a-z): it may have been cut short");
    std::string_view body = code.substr(0, check.pos - 1);
    if (options.verify_check && share_code_check(body) != check.text)
        return error("check", check.pos,
                     "the code does not match its check characters: it was cut short or altered; copy the whole link "
                     "again");

    const Field& model = fields[1];
    auto model_version = parse_b36(model.text, 4);
    if (!model_version || *model_version == 0)
        error("model_version", model.pos, "expected the model version (a base-36 number)");
    else if (*model_version > static_cast<std::uint64_t>(kModelVersion))
        // Its results would differ from what the sender saw, silently: refuse.
        return error("model_version", model.pos,
                     "made with a newer version of Trilemma Lab (model version " + std::to_string(*model_version) +
                         "); this app runs model version " + std::to_string(kModelVersion) +
                         ": reload the page to update the app");
    else r_.model_version = static_cast<int>(*model_version);

    Scenario s;
    const Preset* preset = nullptr;
    const Field& pf = fields[2];
    if (!pf.text.empty() && pf.text[0] == '_') {
        auto id = from_base64url(pf.text.substr(1));
        if (!id) error("preset", pf.pos, "expected a preset id in base64url");
        else if (id->size() > kMaxPresetIdBytes)
            error("preset", pf.pos, "preset id longer than " + std::to_string(kMaxPresetIdBytes) + " bytes");
        else if (!(preset = find_preset(*id)))
            error("preset", pf.pos, "unknown preset \"" + link_text(*id, kMaxPresetIdBytes) + "\"");
    } else if (auto index = parse_b36(pf.text, 3); !index) {
        error("preset", pf.pos, "expected a preset number (base 36)");
    } else if (*index >= presets().size()) {
        error("preset", pf.pos, "there is no preset number " + std::to_string(*index) + " in this app (it has " +
                                    std::to_string(presets().size()) + ")");
    } else {
        preset = &presets()[*index];
    }
    if (preset) {
        s.preset = preset->id;
        s.policy = preset->policy;
    }

    // Format 1 had no start year (4 characters): its codes open with the default.
    const Field& setup = fields[3];
    const std::size_t setup_size = r_.format_version == 1 ? 4 : 6;
    if (setup.text.size() != setup_size) {
        error("setup", setup.pos, "expected " + std::to_string(setup_size) + " characters (seat, reactions, horizon" +
                                      (setup_size == 6 ? ", start year" : "") + "), found " +
                                      std::to_string(setup.text.size()));
    } else {
        char seat = setup.text[0], reactions = setup.text[1];
        if (seat >= '0' && seat < '0' + kBlocCount) s.seat = static_cast<Bloc>(seat - '0');
        else error("seat", setup.pos, show_char(seat) + " is not a bloc (0 to " + std::to_string(kBlocCount - 1) + ")");
        if (reactions == '0' || reactions == '1') s.reactions = reactions == '1';
        else error("reactions", setup.pos + 1, show_char(reactions) + " is not 0 (off) or 1 (on)");
        if (auto year = year_at(setup, 2, "horizon", kMinHorizon, kMaxHorizon)) s.horizon = *year;
        if (setup_size == 6)
            if (auto year = year_at(setup, 4, "start_year", kBaseYear + 1, kMaxHorizon)) s.start_year = *year;
    }

    levers(fields[4], preset, s);
    assumptions(fields[5], s);

    if (count >= 8) {
        const Field& nf = fields[6];
        if (nf.text == "_") {
            if (preset) s.name = preset->name;
        } else if (auto name = text(nf, "name", kShareMaxNameBytes)) {
            s.name = std::move(*name);
        }
    }
    if (count >= 9)
        if (auto notes = text(fields[7], "notes", kShareMaxNotesBytes)) s.notes = std::move(*notes);

    if (r_.errors.empty())
        for (auto& e : validate(s)) error(e);

    if (r_.model_version != 0 && r_.model_version != kModelVersion)
        r_.notices.push_back(model_version_notice(r_.model_version, kModelVersion));
    if (r_.errors.empty()) {
        r_.scenario = std::move(s);
        r_.ok = true;
    }
}

// Two decimal digits at f.text[at]: a year minus 2000, within min..max.
std::optional<int> Decoder::year_at(const Field& f, std::size_t at, std::string_view what, int min, int max) {
    char tens = f.text[at], ones = f.text[at + 1];
    if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
        error(what, f.pos + at, "expected two digits (the year minus 2000)");
        return std::nullopt;
    }
    int year = 2000 + (tens - '0') * 10 + (ones - '0');
    if (year < min || year > max) {
        error(what, f.pos + at, std::to_string(year) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
        return std::nullopt;
    }
    return year;
}

void Decoder::levers(const Field& f, const Preset* preset, Scenario& s) {
    std::string_view t = f.text;
    int previous = -1;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t at = f.pos + i;
        if (t.size() - i < 4)
            return error("levers", at, "incomplete entry \"" + std::string(t.substr(i)) +
                                           "\" (each is 4 characters): the code may have been cut short");
        int b = b36_value(t[i]);
        if (b < 0 || b >= kBlocCount)
            return error("levers", at, show_char(t[i]) + " is not a bloc (0 to " + std::to_string(kBlocCount - 1) + ")");
        int slot = b36_value(t[i + 1]);
        if (slot < 0 || slot >= kSlotCount)
            return error("levers", at + 1, show_char(t[i + 1]) + " is not a lever (0 to " +
                                               std::string(1, kB36[kSlotCount - 1]) + ")");
        std::string key = "levers." + std::string(kBlocIds[b]) + "." + slot_key(slot);
        const LeverDef& d = lever_def(slot_info(slot).lever);
        double v;
        if (t[i + 2] == '_') {
            auto bits = parse_bits(t.substr(i + 3, kBitsChars));
            if (!bits)
                return error(key, at + 2, "expected '_' and " + std::to_string(kBitsChars) +
                                              " base64url characters for an exact value");
            v = *bits;
            i += 3 + kBitsChars;
        } else {
            auto n = fixed_b36(t.substr(i + 2, kValueDigits));
            if (!n) return error(key, at + 2, "expected a value as two base-36 digits");
            v = grid_value(d, *n);
            i += 2 + kValueDigits;
        }
        int id = b * kSlotCount + slot;
        if (id == previous) error(key, at, "set twice");
        else if (id < previous) error(key, at, "out of order (entries are sorted by bloc, then lever)");
        previous = std::max(previous, id);
        if (!std::isfinite(v)) error(key, at, "not a finite number");
        else if (v < d.min || v > d.max)
            error(key, at, fmt(v) + " is outside " + fmt(d.min) + ".." + fmt(d.max) + " (" + d.unit + ")");
        else if (preset) s.policy[b][slot] = v;
    }
}

void Decoder::assumptions(const Field& f, Scenario& s) {
    std::string_view t = f.text;
    int previous = -1;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t at = f.pos + i;
        if (t.size() - i < 4)
            return error("assumptions", at, "incomplete entry \"" + std::string(t.substr(i)) +
                                                "\" (each is 4 characters): the code may have been cut short");
        auto index = fixed_b36(t.substr(i, 2));
        if (!index) return error("assumptions", at, "expected an assumption number as two base-36 digits");
        if (*index >= kParamCount)
            return error("assumptions", at, "there is no assumption number " + std::to_string(*index) + " in this app");
        const ParamDef& def = param_defs()[*index];
        std::string key = "assumptions." + def.key;
        double v;
        if (t[i + 2] == '_') {
            auto bits = parse_bits(t.substr(i + 3, kBitsChars));
            if (!bits)
                return error(key, at + 2, "expected '_' and " + std::to_string(kBitsChars) +
                                              " base64url characters for an exact position");
            v = *bits;
            i += 3 + kBitsChars;
        } else {
            auto k = fixed_b36(t.substr(i + 2, 2));
            if (!k) return error(key, at + 2, "expected a position as two base-36 digits");
            if (*k > 2 * kShareAssumptionGrid) {
                std::string top;
                put_b36(top, 2 * kShareAssumptionGrid, 2);
                return error(key, at + 2, "position code \"" + std::string(t.substr(i + 2, 2)) + "\" is outside 00.." + top);
            }
            v = assumption_value(*k - kShareAssumptionGrid);
            i += 4;
        }
        if (*index == previous) error(key, at, "set twice");
        else if (*index < previous) error(key, at, "out of order (entries are sorted by assumption number)");
        previous = std::max(previous, *index);
        if (!std::isfinite(v) || v < -1.0 || v > 1.0) error(key, at, "position " + fmt(v) + " is outside -1..1");
        else if (v != 0.0 && !def.uncertain()) error(key, at, "a sourced fact cannot be moved");
        else s.assumptions[*index] = v;
    }
}

std::optional<std::string> Decoder::text(const Field& f, std::string_view what, std::size_t max_bytes) {
    if (f.text.size() > (max_bytes + 2) / 3 * 4) {
        error(what, f.pos, "longer than the " + std::to_string(max_bytes) + " bytes a link may carry");
        return std::nullopt;
    }
    auto bytes = from_base64url(f.text);
    if (!bytes) {
        error(what, f.pos, "not valid base64url text");
        return std::nullopt;
    }
    if (bytes->size() > max_bytes) {
        error(what, f.pos, "longer than the " + std::to_string(max_bytes) + " bytes a link may carry");
        return std::nullopt;
    }
    if (!json::is_valid_utf8(*bytes)) {
        error(what, f.pos, "not valid UTF-8 text");
        return std::nullopt;
    }
    return bytes;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Public functions
// ---------------------------------------------------------------------------

std::string share_code_check(std::string_view body) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (char c : body) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    std::string out;
    put_b36(out, h % (36 * 36 * 36), 3);
    return out;
}

std::string model_version_notice(int made_with, int current, std::string_view what) {
    // Newer ones never get this far: the decoders refuse them.
    if (made_with >= current) return {};
    return "This " + std::string(what) + " was made with model version " + std::to_string(made_with) +
           "; this app runs version " + std::to_string(current) +
           ". The baseline has changed since: results may differ from when it was made.";
}

std::string encode_share_code(const Scenario& s) {
    std::string code = encode(s, true);
    if (code.size() > kMaxShareCodeLength) code = encode(s, false);
    return code;
}

std::vector<std::string> share_code_losses(const Scenario& s) {
    std::vector<std::string> out;
    auto check_text = [&](const std::string& t, const char* what, std::size_t max) {
        if (!json::is_valid_utf8(t)) out.push_back(std::string(what) + ": characters that are not valid UTF-8 become \xEF\xBF\xBD");
        if (link_text(t, max).size() < t.size() && json::is_valid_utf8(t))
            out.push_back(std::string(what) + ": only the first " + std::to_string(max) + " bytes go into a link");
    };
    check_text(s.name, "name", kShareMaxNameBytes);
    check_text(s.notes, "notes", kShareMaxNotesBytes);
    if (encode(s, true).size() > kMaxShareCodeLength)
        out.push_back("levers: values between the steps of their lever are rounded to a step, to keep the link "
                      "within " + std::to_string(kMaxShareCodeLength) + " characters");
    return out;
}

std::vector<ShareLinkSpan> find_share_links(std::string_view line, std::size_t max_links) {
    std::vector<ShareLinkSpan> out;
    // Words: split at ASCII whitespace and U+00A0 (no-break space, which chat apps insert).
    const auto space_at = [&](std::size_t i) -> std::size_t {  // bytes of the space at i, or 0
        if (is_space(line[i])) return 1;
        if (line[i] == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xA0') return 2;
        return 0;
    };
    // Brackets, quotes and marks a link may be wrapped in: "(<[{'\"|*_" (Markdown's too).
    const auto opener = [](char c) { return std::string_view("(<[{'\"|*`").find(c) != std::string_view::npos; };
    std::size_t i = 0;
    while (i < line.size() && out.size() < max_links) {
        if (std::size_t n = space_at(i)) {
            i += n;
            continue;
        }
        std::size_t end = i;
        while (end < line.size() && !space_at(end)) ++end;
        const std::string_view word = line.substr(i, end - i);
        std::size_t b = std::string_view::npos, e = 0;
        if (std::size_t hash = word.find("#s="); hash != std::string_view::npos) {
            // From the last "http" before "#s=", else from after the last bracket or quote before it.
            b = word.rfind("http", hash);
            if (b == std::string_view::npos) {
                b = hash;
                while (b > 0 && !opener(word[b - 1])) --b;
            }
            e = hash + 3;
        } else {
            std::size_t k = 0;
            while (k < word.size() && opener(word[k])) ++k;  // an opening bracket or quote
            if (word.substr(k, 2) == "s=") {
                b = k;
                e = k + 2;
            } else if (k < word.size() && std::isalnum(static_cast<unsigned char>(word[k]))) {
                std::size_t m = k, dots = 0;
                while (m < word.size() && code_char(word[m])) dots += word[m++] == '.';
                // What follows the code: nothing, or closing brackets, quotes and punctuation.
                const bool whole = word.substr(m).find_first_not_of(")>]}'\"|*`.,;:!?") == std::string_view::npos;
                if (dots >= 5 && whole) b = k, e = k;
            }
        }
        if (b != std::string_view::npos) {
            while (e < word.size() && code_char(word[e])) ++e;
            while (e > b && word[e - 1] == '.') --e;  // a sentence's full stop: a code ends in its check digits
            out.push_back({i + b, i + e});
        }
        i = end;
    }
    return out;
}

ShareDecodeResult decode_share_code(std::string_view text, ShareDecodeOptions options) {
    ShareDecodeResult r;
    // Bounded work whatever the input: only trimming and one search look at
    // more than kMaxShareCodeLength characters.
    std::size_t begin = 0, end = text.size();
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    std::string_view code = text.substr(begin, end - begin);
    if (auto hash = code.find('#'); hash != std::string_view::npos) {
        begin += hash + 1;
        code = code.substr(hash + 1);
    }
    if (code.substr(0, 2) == "s=") {
        begin += 2;
        code = code.substr(2);
    }
    Decoder(r, begin).decode(code, options);
    return r;
}

std::string encode_base64url(std::string_view bytes) { return base64url(bytes); }
std::optional<std::string> decode_base64url(std::string_view text) { return from_base64url(text); }

}  // namespace tl

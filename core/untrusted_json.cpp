// Index:
//   [SECTION] Text helpers (UTF-8, byte-order mark, lines, numbers)
//   [SECTION] The scanner: one pass, no recursion, builds the document
//   [SECTION] read_untrusted
#include "core/untrusted_json.h"

#include <rapidjson/error/en.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <unordered_set>
#include <vector>

namespace tl::json {

// ---------------------------------------------------------------------------
// [SECTION] Text helpers (UTF-8, byte-order mark, lines, numbers)
// ---------------------------------------------------------------------------

namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0 if there is none
// (Unicode 15, table 3-7: no overlongs, no surrogates, at most U+10FFFF).
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0x100u; };
    unsigned b0 = byte(i);
    if (b0 < 0x80) return 1;
    auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return byte(k) >= lo && byte(k) <= hi; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (b0 == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
    if (b0 == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;  // not a surrogate
    if (b0 >= 0xE1 && b0 <= 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
    if (b0 == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (b0 >= 0xF1 && b0 <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (b0 == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    return 0;
}

// A control character no text file holds (tab, line feed and carriage return
// are text): the mark of a binary file.
bool is_binary_byte(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// Length of the JSON number token at text[i] (0 if none), by RFC 8259:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
std::size_t number_token(std::string_view t, std::size_t i, rapidjson::ParseErrorCode& why) {
    auto digit = [&](std::size_t k) { return k < t.size() && t[k] >= '0' && t[k] <= '9'; };
    std::size_t k = i;
    if (k < t.size() && t[k] == '-') ++k;
    if (!digit(k)) return why = rapidjson::kParseErrorValueInvalid, 0;
    if (t[k] == '0') ++k;
    else
        while (digit(k)) ++k;
    if (k < t.size() && t[k] == '.') {
        ++k;
        if (!digit(k)) return why = rapidjson::kParseErrorNumberMissFraction, 0;
        while (digit(k)) ++k;
    }
    if (k < t.size() && (t[k] == 'e' || t[k] == 'E')) {
        ++k;
        if (k < t.size() && (t[k] == '+' || t[k] == '-')) ++k;
        if (!digit(k)) return why = rapidjson::kParseErrorNumberMissExponent, 0;
        while (digit(k)) ++k;
    }
    return k - i;
}

}  // namespace

std::string_view skip_byte_order_mark(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) { return utf8_sequence(text, i); }

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8_sequence(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

int line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    int line = 1;
    for (std::size_t i = 0; i < offset; ++i) line += text[i] == '\n';
    return line;
}

std::optional<double> parse_json_number(std::string_view token) {
    rapidjson::ParseErrorCode why{};
    if (token.empty() || number_token(token, 0, why) != token.size()) return std::nullopt;
    // strtod, not RapidJSON: its full-precision path computes clz(0) for a
    // zero with a large exponent ("0e308" read as 3.5e72 or -6e-269, found by
    // fuzzing) and its default path can be an ulp off. strtod is correctly
    // rounded, so a saved file reads back bit-identical. (The token is plain
    // ASCII digits, so the C locale's decimal point is the only one it meets.)
    std::string copy(token);
    double v = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(v)) return std::nullopt;
    return v;
}

// ---------------------------------------------------------------------------
// [SECTION] The scanner: one pass, no recursion, builds the document
// ---------------------------------------------------------------------------

namespace {

class Scanner {
public:
    Scanner(std::string_view text, const InputLimits& limits) : t_(text), limits_(limits) {}

    // Feeds the document's SAX handler; false (with error_) on the first problem.
    bool run(rapidjson::Document& d) {
        enum class Expect { Value, ValueOrEnd, Key, KeyOrEnd, CommaOrEnd };
        Expect expect = Expect::Value;
        for (;;) {
            skip_space();
            if (expect == Expect::KeyOrEnd || expect == Expect::ValueOrEnd) {
                char close = expect == Expect::KeyOrEnd ? '}' : ']';
                if (i_ < t_.size() && t_[i_] == close) {
                    if (!close_container(d)) return false;
                    expect = Expect::CommaOrEnd;
                    if (stack_.empty()) break;
                    continue;
                }
                expect = expect == Expect::KeyOrEnd ? Expect::Key : Expect::Value;
                if (expect == Expect::Value) stack_.back().segment = "[0]";
            }
            if (expect == Expect::Key) {
                if (!key(d)) return false;
                skip_space();
                if (i_ >= t_.size() || t_[i_] != ':') return syntax(rapidjson::kParseErrorObjectMissColon);
                ++i_;
                expect = Expect::Value;
                continue;
            }
            if (expect == Expect::Value) {
                if (i_ >= t_.size())
                    return syntax(stack_.empty() ? rapidjson::kParseErrorDocumentEmpty : rapidjson::kParseErrorValueInvalid);
                char c = t_[i_];
                if (c == '{' || c == '[') {
                    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
                        return fail("line " + std::to_string(line_at(t_, i_)) + ": not valid JSON (nested more than " +
                                    std::to_string(limits_.max_depth) + " levels deep)");
                    ++i_;
                    stack_.push_back({c == '{'});
                    if (c == '{') d.StartObject();
                    else d.StartArray();
                    expect = c == '{' ? Expect::KeyOrEnd : Expect::ValueOrEnd;
                    continue;
                }
                if (!scalar(d)) return false;
                if (stack_.empty()) break;
                ++stack_.back().count;
                expect = Expect::CommaOrEnd;
                continue;
            }
            // CommaOrEnd: after a member or an element.
            Frame& f = stack_.back();
            if (i_ < t_.size() && t_[i_] == ',') {
                ++i_;
                if (f.object) expect = Expect::Key;
                else {
                    f.segment = "[" + std::to_string(f.count) + "]";
                    expect = Expect::Value;
                }
                continue;
            }
            if (i_ < t_.size() && t_[i_] == (f.object ? '}' : ']')) {
                if (!close_container(d)) return false;
                if (stack_.empty()) break;
                continue;
            }
            return syntax(f.object ? rapidjson::kParseErrorObjectMissCommaOrCurlyBracket
                                   : rapidjson::kParseErrorArrayMissCommaOrSquareBracket);
        }
        skip_space();
        if (i_ < t_.size()) return syntax(rapidjson::kParseErrorDocumentRootNotSingular);
        return true;
    }

    const std::string& error() const { return error_; }

private:
    struct Frame {
        bool object;
        rapidjson::SizeType count = 0;
        std::string segment;                 // the member or element being read: "enforcement", "[2]"
        std::unordered_set<std::string> keys;  // of an object, to refuse a key given twice
    };

    std::string_view t_;
    const InputLimits& limits_;
    std::size_t i_ = 0;
    std::vector<Frame> stack_;
    std::string error_;
    std::string buf_;  // the string being read

    bool fail(std::string msg) {
        error_ = std::move(msg);
        return false;
    }
    bool syntax(rapidjson::ParseErrorCode code) {
        return fail("line " + std::to_string(line_at(t_, i_)) + ": not valid JSON (" + rapidjson::GetParseError_En(code) +
                    ")");
    }

    // "steps[2].goal.conditions[0].target": where the value being read sits.
    std::string path(std::size_t depth) const {
        std::string p;
        for (std::size_t k = 0; k < depth && k < stack_.size(); ++k) {
            const std::string& s = stack_[k].segment;
            if (s.empty()) continue;
            if (stack_[k].object && !p.empty()) p += '.';
            p += s;
        }
        return p.empty() ? "file" : p;
    }
    std::string here() const { return path(stack_.size()); }

    void skip_space() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }

    bool close_container(rapidjson::Document& d) {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        ++i_;
        if (f.object) d.EndObject(f.count);
        else d.EndArray(f.count);
        if (!stack_.empty()) ++stack_.back().count;
        return true;
    }

    bool key(rapidjson::Document& d) {
        if (i_ >= t_.size() || t_[i_] != '"') return syntax(rapidjson::kParseErrorObjectMissName);
        Frame& f = stack_.back();
        f.segment.clear();  // errors inside the key name its object
        if (!string_value(true)) return false;
        f.segment = buf_;
        if (!f.keys.insert(buf_).second)
            return fail(here() + ": given twice (each field may appear once; line " + std::to_string(line_at(t_, i_)) +
                        ")");
        d.Key(buf_.data(), static_cast<rapidjson::SizeType>(buf_.size()), true);
        return true;
    }

    bool scalar(rapidjson::Document& d) {
        char c = t_[i_];
        if (c == '"') {
            if (!string_value(false)) return false;
            d.String(buf_.data(), static_cast<rapidjson::SizeType>(buf_.size()), true);
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number(d);
        for (std::string_view word : {"true", "false", "null"})
            if (t_.substr(i_, word.size()) == word) {
                i_ += word.size();
                if (word == "null") d.Null();
                else d.Bool(word == "true");
                return true;
            }
        return syntax(rapidjson::kParseErrorValueInvalid);
    }

    bool number(rapidjson::Document& d) {
        rapidjson::ParseErrorCode why{};
        std::size_t n = number_token(t_, i_, why);
        if (n == 0) return syntax(why);
        std::string_view token = t_.substr(i_, n);
        // Whole numbers stay integers (a year, a version), as RapidJSON keeps them.
        if (token.find_first_of(".eE") == std::string_view::npos) {
            long long v = 0;
            auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
            if (ec == std::errc() && end == token.data() + token.size()) {
                i_ += n;
                if (v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max())
                    d.Int(static_cast<int>(v));
                else d.Int64(v);
                return true;
            }
        }
        auto v = parse_json_number(token);
        if (!v) return syntax(rapidjson::kParseErrorNumberTooBig);
        i_ += n;
        d.Double(*v);
        return true;
    }

    // Reads the string at t_[i_] (a key or a value) into buf_, decoding escapes.
    bool string_value(bool is_key) {
        // The field path is built only for an error: most strings have none.
        auto where = [&] { return is_key ? here() + ": a field name" : here(); };
        buf_.clear();
        ++i_;  // the opening quote
        for (;;) {
            if (i_ >= t_.size()) return syntax(rapidjson::kParseErrorStringMissQuotationMark);
            unsigned char c = static_cast<unsigned char>(t_[i_]);
            if (c == '"') {
                ++i_;
                return true;
            }
            if (c < 0x20) return syntax(rapidjson::kParseErrorStringInvalidEncoding);
            if (c == '\\') {
                if (!escape(where)) return false;
                continue;
            }
            if (c < 0x80) {  // a run of plain ASCII, appended at once
                std::size_t end = i_ + 1;
                while (end < t_.size()) {
                    unsigned char d = static_cast<unsigned char>(t_[end]);
                    if (d == '"' || d == '\\' || d < 0x20 || d >= 0x80) break;
                    ++end;
                }
                buf_.append(t_.substr(i_, end - i_));
                i_ = end;
                continue;
            }
            std::size_t n = utf8_sequence(t_, i_);
            if (n == 0)
                return fail(where() + ": not valid UTF-8 text (byte " + std::to_string(i_ + 1) + ", line " +
                            std::to_string(line_at(t_, i_)) + ")");
            buf_.append(t_.substr(i_, n));
            i_ += n;
        }
    }

    std::optional<unsigned> hex4(std::size_t at) const {
        if (at + 4 > t_.size()) return std::nullopt;
        unsigned v = 0;
        for (std::size_t k = at; k < at + 4; ++k) {
            char h = t_[k];
            int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) return std::nullopt;
            v = v * 16 + static_cast<unsigned>(d);
        }
        return v;
    }

    template <typename Where>
    bool escape(const Where& where) {
        if (i_ + 1 >= t_.size()) return syntax(rapidjson::kParseErrorStringEscapeInvalid);
        char e = t_[i_ + 1];
        const char* simple = nullptr;
        switch (e) {
            case '"': simple = "\""; break;
            case '\\': simple = "\\"; break;
            case '/': simple = "/"; break;
            case 'b': simple = "\b"; break;
            case 'f': simple = "\f"; break;
            case 'n': simple = "\n"; break;
            case 'r': simple = "\r"; break;
            case 't': simple = "\t"; break;
            case 'u': break;
            default: ++i_; return syntax(rapidjson::kParseErrorStringEscapeInvalid);
        }
        if (simple) {
            buf_ += simple;
            i_ += 2;
            return true;
        }
        auto unit = hex4(i_ + 2);
        if (!unit) return syntax(rapidjson::kParseErrorStringUnicodeEscapeInvalidHex);
        std::size_t start = i_;
        i_ += 6;
        unsigned cp = *unit;
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            std::optional<unsigned> low;
            if (cp <= 0xDBFF && i_ + 1 < t_.size() && t_[i_] == '\\' && t_[i_ + 1] == 'u') low = hex4(i_ + 2);
            if (!low || *low < 0xDC00 || *low > 0xDFFF) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "%04X", cp);
                return fail(where() + ": not valid text (a lone UTF-16 surrogate \\u" + hex + " at line " +
                            std::to_string(line_at(t_, start)) + ")");
            }
            i_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
        }
        if (cp < 0x80) buf_ += static_cast<char>(cp);
        else if (cp < 0x800) {
            buf_ += static_cast<char>(0xC0 | (cp >> 6));
            buf_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            buf_ += static_cast<char>(0xE0 | (cp >> 12));
            buf_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            buf_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            buf_ += static_cast<char>(0xF0 | (cp >> 18));
            buf_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            buf_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            buf_ += static_cast<char>(0x80 | (cp & 0x3F));
        }
        return true;
    }
};

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] read_untrusted
// ---------------------------------------------------------------------------

InputDocument read_untrusted(std::string_view text, const InputLimits& limits) {
    InputDocument out;
    text = skip_byte_order_mark(text);
    const std::string kind(limits.kind);
    // Binary first: a picture or an archive chosen by mistake is named as
    // such, whatever its size. (NUL and other control bytes never occur in a
    // JSON text; a raw one inside a string is invalid JSON too.)
    for (std::size_t i = 0; i < text.size(); ++i)
        if (is_binary_byte(static_cast<unsigned char>(text[i]))) {
            out.error = "file: not a text/JSON " + kind + " file (it holds binary data, e.g. byte " +
                        std::to_string(i + 1) + ")";
            return out;
        }
    if (text.size() > limits.max_bytes) {
        out.error = "file: " + std::to_string(text.size()) + " bytes is larger than the " +
                    std::to_string(limits.max_bytes / 1024) + " KiB a " + kind + " may have";
        return out;
    }
    Scanner scanner(text, limits);
    auto generate = [&](rapidjson::Document& d) { return scanner.run(d); };
    out.doc.Populate(generate);
    if (!scanner.error().empty()) {
        out.error = scanner.error();
        out.doc.SetNull();
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace tl::json

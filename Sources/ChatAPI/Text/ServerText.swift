import Foundation
import ContactDeskStrings

/// Text that came from the service (ErrorInfo, an HTTP error body), made fit to show: an HTML page is reduced
/// to its title, white space is folded, control characters are shown visibly instead of being sent to a
/// terminal, and very long text is cut.
public enum ServerText {
    /// The text to show for `raw`.
    public static func clean(_ raw: String, limit: Int = 300) -> String {
        var text = raw
        let lower = raw.lowercased()
        if lower.contains("<html") || lower.contains("<!doctype") || lower.contains("<title") || lower.contains("<body") {
            text = title(of: raw) ?? stripTags(raw)
        }
        text = visible(text)
        let folded = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        return folded.count > limit ? String(folded.prefix(limit - 1)) + Glyphs.g("…") : folded
    }

    /// The service's text beside a catalog name, or nil when it only repeats the name ("internal server error").
    public static func detail(_ info: String, besides name: String) -> String? {
        let cleaned = clean(info)
        if cleaned.isEmpty { return nil }
        let a = cleaned.lowercased().filter { $0.isLetter || $0.isNumber }, b = name.lowercased().filter { $0.isLetter || $0.isNumber }
        return a == b ? nil : cleaned
    }

    /// The one sanitiser of every output path (screen, standard output and error, log file): control characters
    /// (C0, DEL, C1) and bidirectional overrides become visible escapes, `\x1b`, `\u202e`, so text from the
    /// service or a file can never move the cursor, retitle the window, write the clipboard or reverse a line.
    /// Tab and, unless `keepingNewlines` (which keeps line ends, CR LF included), newline become a space.
    /// Secrets go first (`Redactor`): a key or UserSig the text quotes shows as a placeholder.
    public static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
        let s = Redactor.redact(text)
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            let lineEnd = u.value == 0x0A || (u.value == 0x0D && i + 1 < scalars.count && scalars[i + 1].value == 0x0A)
            if lineEnd && keepingNewlines { out.unicodeScalars.append(u); continue }
            out += escape(u) ?? String(u)
        }
        return out
    }

    /// JSON text whose strings hold no raw DEL, C1 or bidirectional control: JSONEncoder escapes only C0, so the
    /// rest become `\u0085`-style escapes, which decode to the same text (unlike `visible`, which would not be JSON).
    public static func jsonSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = ""
        for u in json.unicodeScalars {
            if u.value >= 0x20 && needsEscape(u) { out += "\\u" + hex(u.value, 4) } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// Whether a scalar may not reach a terminal as it is. Each of them is a grapheme of its own (Unicode's
    /// Control break class; CR LF is one grapheme starting with CR), so checking a character's first scalar
    /// is enough.
    @inlinable
    public static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The visible form of a scalar that may not reach a terminal, or nil for any other.
    public static func escape(_ u: Unicode.Scalar) -> String? {
        switch u.value {
        case 0x09, 0x0A: " "
        case 0x00...0x1F, 0x7F...0x9F: "\\x" + hex(u.value, 2)
        case 0x202A...0x202E, 0x2066...0x2069: "\\u" + hex(u.value, 4)
        default: nil
        }
    }

    private static func hex(_ v: UInt32, _ digits: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }

    private static func title(of html: String) -> String? {
        guard let open = html.range(of: "<title", options: .caseInsensitive),
              let gt = html[open.upperBound...].firstIndex(of: ">"),
              let close = html[gt...].range(of: "</title>", options: .caseInsensitive) else { return nil }
        let t = html[html.index(after: gt)..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    private static func stripTags(_ html: String) -> String {
        var out = "", inTag = false
        for c in html {
            if c == "<" { inTag = true; out.append(" ") } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }
}

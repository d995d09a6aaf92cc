import Foundation

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
        return folded.count > limit ? String(folded.prefix(limit - 1)) + "…" : folded
    }

    /// The service's text beside a catalog name, or nil when it only repeats the name ("internal server error").
    public static func detail(_ info: String, besides name: String) -> String? {
        let cleaned = clean(info)
        if cleaned.isEmpty { return nil }
        let a = cleaned.lowercased().filter { $0.isLetter || $0.isNumber }, b = name.lowercased().filter { $0.isLetter || $0.isNumber }
        return a == b ? nil : cleaned
    }

    /// Control characters (C0, DEL, C1) and bidirectional overrides as visible escapes: `\x1b`, `\u202e`.
    public static func visible(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A: out.unicodeScalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: out += "\\x" + hex(u.value, 2)
            case 0x202A...0x202E, 0x2066...0x2069: out += "\\u" + hex(u.value, 4)
            default: out.unicodeScalars.append(u)
            }
        }
        return out
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

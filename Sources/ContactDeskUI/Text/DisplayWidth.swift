import ChatAPI
import ContactDeskStrings
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc declares wcwidth only under _XOPEN_SOURCE, which the Glibc module does not set; bind the symbol directly.
@_silgen_name("wcwidth") private func c_wcwidth(_ c: Int32) -> Int32

/// Terminal column widths of text, from the C library's wcwidth, per grapheme cluster.
public enum DisplayWidth {
    /// wcwidth answers -1 for every non-ASCII character under the C locale; make sure the character type is
    /// UTF-8 whatever locale the process was started with (C.UTF-8 exists on every glibc system).
    private static let utf8Ready: Bool = {
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if current.uppercased().contains("UTF-8") || current.uppercased().contains("UTF8") { return true }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil
    }()

    /// Columns one grapheme cluster takes: 0, 1 or 2; a control character counts as its visible escape
    /// (`\x1b` is 4), which is what `Canvas.put` draws in its place.
    public static func of(_ c: Character) -> Int {
        _ = utf8Ready
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F && first.value >= 0x20 { return 1 }
        if ServerText.needsEscape(first), let shown = visible(c) { return shown.utf8.count }
        // An emoji with presentation selector or a ZWJ sequence draws as one wide glyph.
        if scalars.contains(where: { $0.value == 0xFE0F }) || (scalars.count > 1 && first.properties.isEmojiPresentation) { return 2 }
        let w = Int(c_wcwidth(Int32(bitPattern: first.value)))
        if w >= 0 { return w }
        // Unassigned or control: show as one column rather than breaking the layout.
        return first.properties.generalCategory == .control ? 0 : 1
    }

    /// What is drawn for a character that may not reach the terminal as it is (ServerText's escapes), else nil.
    public static func visible(_ c: Character) -> String? {
        guard let first = c.unicodeScalars.first, ServerText.needsEscape(first) else { return nil }
        return c.unicodeScalars.map { ServerText.escape($0) ?? String($0) }.joined()
    }

    /// Columns a string takes.
    public static func of(_ s: some StringProtocol) -> Int { s.reduce(0) { $0 + of($1) } }

    /// The longest prefix that fits in `columns`, never splitting a wide character; with `ellipsis`, a cut
    /// string ends in "…" within the same width.
    public static func truncate(_ s: String, to columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        if of(s) <= columns { return s }
        let budget = ellipsis ? columns - 1 : columns
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        return ellipsis ? out + Glyphs.g("…") : out
    }

    /// `s` truncated or padded with spaces to exactly `columns`.
    public static func pad(_ s: String, to columns: Int) -> String {
        let t = truncate(s, to: columns)
        return t + String(repeating: " ", count: max(0, columns - of(t)))
    }
}

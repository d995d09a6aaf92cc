import ContactDeskStrings

/// Breaks text into lines of a display width, so a message longer than its space wraps instead of losing its end.
public enum TextWrap {
    /// Lines of at most `width` columns: breaks at spaces and, as Chinese and Japanese text does, between wide
    /// characters (never before closing punctuation such as "，。）" nor after opening "（“"); inside a word only
    /// when the word alone is wider than a line. Explicit newlines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for (wi, word) in paragraph.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                for (si, piece) in pieces(word).enumerated() {
                    let spaced = si == 0 && wi > 0
                    let w = DisplayWidth.of(piece)
                    let gap = spaced && used > 0 ? 1 : 0
                    if used > 0 && used + gap + w <= width {
                        line += (gap == 1 ? " " : "") + piece; used += gap + w
                        continue
                    }
                    if used > 0 { out.append(line); line = ""; used = 0 }
                    if w <= width { line = piece; used = w; continue }
                    for c in piece {
                        let cw = DisplayWidth.of(c)
                        if used + cw > width { out.append(line); line = ""; used = 0 }
                        line.append(c); used += cw
                    }
                }
            }
            out.append(line)
        }
        return out
    }

    private static let closing = Set("，。、；：？！）」』”’》〉%,.;:!?)]…")
    private static let opening = Set("（「『“‘《〈([")

    /// A word cut where a line may break: around wide characters, keeping punctuation with its neighbour.
    static func pieces(_ word: Substring) -> [String] {
        guard word.unicodeScalars.contains(where: { $0.value >= 0x1100 }) else { return [String(word)] }
        var out: [String] = [], current = ""
        var previous: Character?
        for c in word {
            if let p = previous, DisplayWidth.of(p) == 2 || DisplayWidth.of(c) == 2, !closing.contains(c), !opening.contains(p) {
                out.append(current)
                current = ""
            }
            current.append(c)
            previous = c
        }
        out.append(current)
        return out
    }

    /// At most `maxLines` lines; when the text needs more, the last one ends in "…" so it never reads as complete.
    public static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        let all = lines(text, width: width)
        guard all.count > maxLines, maxLines > 0 else { return Array(all.prefix(max(0, maxLines))) }
        var kept = Array(all.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = DisplayWidth.of(last) < width ? last + Glyphs.g("…") : DisplayWidth.truncate(last, to: width)
        return kept
    }
}

/// Breaks text into lines of a display width, so a message longer than its space wraps instead of losing its end.
public enum TextWrap {
    /// Lines of at most `width` columns: breaks at spaces, and inside a word only when the word alone is wider than
    /// a line (Chinese text has no spaces, so it breaks between characters). Explicit newlines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(word)
                if used > 0 && used + 1 + w <= width {
                    line += " " + word; used += 1 + w
                    continue
                }
                if used > 0 { out.append(line); line = ""; used = 0 }
                if w <= width { line = String(word); used = w; continue }
                for c in word {
                    let cw = DisplayWidth.of(c)
                    if used + cw > width { out.append(line); line = ""; used = 0 }
                    line.append(c); used += cw
                }
            }
            out.append(line)
        }
        return out
    }

    /// At most `maxLines` lines; when the text needs more, the last one ends in "…" so it never reads as complete.
    public static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        let all = lines(text, width: width)
        guard all.count > maxLines, maxLines > 0 else { return Array(all.prefix(max(0, maxLines))) }
        var kept = Array(all.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = DisplayWidth.of(last) < width ? last + "…" : DisplayWidth.truncate(last, to: width)
        return kept
    }
}

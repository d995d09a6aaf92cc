/// East Asian "ambiguous" characters (·, …, ─, │, →, ▲, ●, …): one cell by Unicode and glibc's wcwidth, two
/// cells in terminals set up for CJK (Xshell, SecureCRT, iTerm2 and others with "ambiguous characters wide").
/// ncurses positions by wcwidth, so on such a terminal every one of them shifts the rest of its line.
/// With `ambiguous_width = 2` (or `--ambiguous-wide`) the terminal adapter draws each of these as a one-cell
/// ASCII stand-in, so the layout and the terminal agree; everything else is drawn as it is.
public enum AmbiguousWidth {
    /// The stand-ins: the symbols the screens draw and the punctuation common in names and remarks.
    public static let standIns: [Character: Character] = [
        "·": ".", "…": "~", "–": "-", "—": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "•": "*", "°": "o", "×": "x", "÷": "/",
        "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "▲": "^", "△": "^", "▼": "v", "▽": "v", "▶": ">", "◀": "<", "→": ">", "←": "<", "↑": "^", "↓": "v", "↔": "-",
        "●": "*", "○": "o", "◆": "*", "◇": "o", "■": "#", "□": "#", "★": "*", "☆": "*", "▏": "|", "※": "*", "§": "S",
    ]

    /// The one-cell stand-in for an ambiguous character, or nil when it is drawn as it is.
    public static func standIn(_ c: Character) -> Character? { standIns[c] }

    /// `text` with every ambiguous character replaced by its stand-in (same width in cells).
    public static func narrow(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text }
        return String(text.map { standIns[$0] ?? $0 })
    }
}

import Foundation
import Synchronization

/// The symbols the screens draw around the data: result markers, the mark and staged signs, box lines, arrows,
/// separators, the ellipsis. With `--ascii` (or `ascii = true`, or a locale whose charset is not UTF-8) each
/// becomes a one-cell ASCII stand-in, in the views' own symbols and in every template of the strings table;
/// the data (nicknames, remarks, group names) keeps its own characters.
public enum Glyphs {
    /// Set by tests that render both ways side by side.
    @TaskLocal public static var scoped: Bool?

    private static let chosen = FlagBox()

    /// Whether the screens draw ASCII only.
    public static var ascii: Bool { scoped ?? chosen.value }

    /// Chooses ASCII or Unicode symbols for the process, once at start.
    public static func choose(ascii: Bool) { chosen.value = ascii }

    /// The stand-ins, one cell each like what they replace.
    public static let standIns: [Character: Character] = [
        "✓": "+", "✗": "x", "●": "*", "✎": "~", "▸": ">", "◂": "<", "▲": "^", "▼": "v", "↑": "^", "↓": "v", "→": ">",
        "…": "~", "·": "|", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "–": "-", "▏": "|",
    ]

    /// Whether the locale's character set is UTF-8, by the names of LC_ALL, LC_CTYPE, LANG (the first set wins);
    /// none set is the C locale, which is ASCII.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let lower = name.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// A symbol (or a template) as drawn now.
    public static func g(_ symbol: String) -> String { ascii ? map(symbol) : symbol }

    /// `text` with every symbol replaced by its stand-in.
    public static func map(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text }
        return String(text.map { standIns[$0] ?? $0 })
    }
}

/// A flag set once at start and read by every frame: an atomic rather than a lock.
final class FlagBox: Sendable {
    private let stored = Atomic<Bool>(false)
    var value: Bool {
        get { stored.load(ordering: .relaxed) }
        set { stored.store(newValue, ordering: .relaxed) }
    }
}

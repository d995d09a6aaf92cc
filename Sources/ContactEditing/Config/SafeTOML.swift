import ContactDeskStrings
import TOMLKit

/// A TOML problem found before the parser sees the text, with its line.
public struct TOMLShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "\(message) (at line \(line))" }
}

/// TOMLKit's toml++ asserts (SIGABRT) on a table header or dotted key whose name starts with a character that
/// cannot start a key (`[{x]`, `[= b]`, `[a.]]`, `a.{ = 1`), found by the file fuzz tests. Such a line is refused
/// here, naming it, before the text reaches the parser; everything else is the parser's to judge.
public enum SafeTOML {
    public static func parse(_ text: String) throws -> TOMLTable {
        if let problem = problem(text) ?? valueProblem(text) { throw problem }
        return try TOMLTable(string: text)
    }

    /// toml++ also asserts when a value is missing where one must start: `a = ,`, `[1,,2]`, `["j",} "x"]`. Outside
    /// strings and comments, a `,`, `]` or `}` right after `=`, and a `,` or `}` right after `[` or `,`, is refused.
    static func valueProblem(_ text: String) -> TOMLShapeError? {
        var line = 1
        var previous: Character = "\n"
        var chars = Array(text)[...]
        func skipString(_ quote: Character) {
            let triple = chars.prefix(2) == [quote, quote]
            if triple { chars = chars.dropFirst(2) }
            while let c = chars.popFirst() {
                if c == "\n" { line += 1 }
                if c == "\\" && quote == "\"" { _ = chars.popFirst(); continue }
                if c == quote {
                    if !triple { return }
                    if chars.prefix(2) == [quote, quote] { chars = chars.dropFirst(2); return }
                }
            }
        }
        while let c = chars.popFirst() {
            switch c {
            case "\n": line += 1; continue
            case " ", "\t", "\r": continue
            case "#": while let d = chars.first, d != "\n" { chars = chars.dropFirst(); _ = d }; continue
            case "\"", "'": skipString(c); previous = "v"; continue
            default: break
            }
            let bad = (previous == "=" && [",", "]", "}"].contains(c)) || ((previous == "[" || previous == ",") && [",", "}"].contains(c))
            if bad { return TOMLShapeError(line: line, message: EditText.tomlMissingValue.text) }
            previous = c
        }
        return nil
    }

    static func isKeyStart(_ c: Character) -> Bool {
        c == "\"" || c == "'" || c == "_" || c == "-" || (c.isASCII && (c.isLetter || c.isNumber))
    }

    /// The first header or dotted key with a name part that does not start like a key.
    public static func problem(_ text: String) -> TOMLShapeError? {
        var inMultiline: String?
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            // Lines inside a multi-line string are text, not TOML.
            if let close = inMultiline {
                if line.components(separatedBy: close).count % 2 == 0 { inMultiline = nil }
                continue
            }
            for quote in ["\"\"\"", "'''"] where line.components(separatedBy: quote).count % 2 == 0 { inMultiline = quote }
            guard let first = line.first, first != "#" else { continue }
            var name: Substring
            if first == "[" {
                // A header: [a.b] or [[a.b]]; a line of a multi-line array ([1, 2], ["x"]) starts like a key too.
                name = line.dropFirst(line.hasPrefix("[[") ? 2 : 1)
            } else if isKeyStart(first), let eq = line.firstIndex(of: "="), !line[..<eq].contains("\"") && !line[..<eq].contains("'") {
                name = line[..<eq]
            } else {
                continue
            }
            // Every part of the name, after the start and after each dot, starts like a key.
            var expectStart = true
            for c in name {
                if c == "]" || c == "\"" || c == "'" { break }
                if expectStart {
                    if c == " " || c == "\t" { continue }
                    guard isKeyStart(c) else { return TOMLShapeError(line: n + 1, message: EditText.tomlBadName.text) }
                    expectStart = false
                } else if c == "." {
                    expectStart = true
                }
            }
            // A name that ends at a dot, or a header with no name at all (`[` alone), is refused too.
            if expectStart { return TOMLShapeError(line: n + 1, message: EditText.tomlBadName.text) }
        }
        return nil
    }
}

import Foundation
import ContactEditing
import TOMLKit
import ContactDeskStrings

/// The screen settings of config.toml: `theme = "name"` and a `[keys]` table of action id → key names.
public struct UIConfig: Equatable, Sendable {
    public var theme: String?
    /// `language = "en" | "zh"`: the language when `--lang` is not given (checked by `Language.resolve`).
    public var language: String?
    /// `ambiguous_width = 1 | 2`: 2 for terminals that draw East Asian ambiguous characters two cells wide.
    public var ambiguousWidth: Int?
    /// `ascii = true`: ASCII symbols only (borders, markers, the ellipsis), as `--ascii`.
    public var ascii: Bool?
    /// `colors = 0 | 8 | 256 | "24bit"`: the colour depth, overriding the terminfo entry.
    public var colors: ColorDepth?
    public var keys: [String: [String]] = [:]
    /// Problems found, each naming the file and what to fix; the program starts anyway.
    public var problems: [String] = []

    public init() {}

    /// Reads the file if it exists; a missing file is an empty config.
    public static func load(_ url: URL) -> UIConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return UIConfig() }
        return parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) -> UIConfig {
        var config = UIConfig()
        let table: TOMLTable
        do { table = try SafeTOML.parse(text) } catch let e as TOMLParseError {
            config.problems.append(ConfigText.notTOML.text(["file": file, "line": e.source.begin.line, "error": e.description]))
            return config
        } catch let e as TOMLShapeError {
            config.problems.append(ConfigText.notTOML.text(["file": file, "line": e.line, "error": e.message]))
            return config
        } catch {
            config.problems.append("\(file): \(error)")
            return config
        }
        if let t = table["theme"] {
            if let s = t.string { config.theme = s } else { config.problems.append(ConfigText.themeNotString.text(["file": file])) }
        }
        if let t = table["language"] {
            if let s = t.string { config.language = s } else { config.problems.append(ConfigText.languageNotString.text(["file": file])) }
        }
        if let t = table["ambiguous_width"] {
            if let n = t.int, n == 1 || n == 2 { config.ambiguousWidth = n }
            else { config.problems.append(ConfigText.ambiguousWidthBad.text(["file": file])) }
        }
        if let t = table["ascii"] {
            if let b = t.bool { config.ascii = b } else { config.problems.append(ConfigText.asciiBad.text(["file": file])) }
        }
        if let t = table["colors"] {
            if let c = t.int.map(String.init).flatMap(ColorDepth.init(argument:)) ?? t.string.flatMap(ColorDepth.init(argument:)) { config.colors = c }
            else { config.problems.append(ConfigText.colorsBad.text(["file": file])) }
        }
        if let keys = table["keys"]?.table {
            for action in keys.keys {
                if let one = keys[action]?.string { config.keys[action] = [one] }
                else if let list = keys[action]?.array { config.keys[action] = list.compactMap(\.string) }
                else { config.problems.append(ConfigText.keysNotList.text(["file": file, "action": action])) }
            }
        }
        return config
    }
}

/// One text in both languages. Placeholders are named, never positional:
///
///     {name}             the argument `name`
///     {count:one|other}  a form chosen by the integer argument `count` (English: 1 takes `one`); Chinese,
///                        which does not inflect, usually writes `{count} 位好友` instead
///     {{ and }}          literal braces
public struct Bilingual: Sendable, Hashable {
    public let en: String
    public let zh: String
    /// False for a text that names the symbols themselves (`ambiguous_width` lists ·, …, ─): `--ascii` leaves it.
    public let mapsSymbols: Bool

    public init(_ en: String, _ zh: String, mapsSymbols: Bool = true) {
        self.en = en
        self.zh = zh
        self.mapsSymbols = mapsSymbols
    }

    /// The text in `language` (default: the current one), placeholders filled from `arguments`.
    public func text(_ arguments: [String: any Sendable] = [:], in language: Language = .current) -> String {
        TextTemplate.fill(language == .zh ? zh : en, arguments, mapsSymbols: mapsSymbols)
    }
}

/// A typed key of the strings table: an enum whose every case has a text in both languages.
public protocol LocalizedText: CaseIterable, Sendable {
    var bilingual: Bilingual { get }
}

extension LocalizedText {
    /// The text in the current language, without arguments.
    public var text: String { bilingual.text() }
    /// The text in the current language with its named arguments.
    public func text(_ arguments: [String: any Sendable]) -> String { bilingual.text(arguments) }
    /// The text in a given language.
    public func text(in language: Language, _ arguments: [String: any Sendable] = [:]) -> String {
        bilingual.text(arguments, in: language)
    }
}

/// Fills `{name}` and `{name:one|other}` placeholders.
public enum TextTemplate {
    public static func fill(_ template: String, _ arguments: [String: any Sendable], mapsSymbols: Bool = true) -> String {
        // The template's own symbols follow --ascii; the arguments (data) keep their characters.
        let template = mapsSymbols ? Glyphs.g(template) : template
        guard template.contains("{") || template.contains("}") else { return template }
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            let next = template.index(after: i)
            if (c == "{" || c == "}") && next < template.endIndex && template[next] == c {
                out.append(c)
                i = template.index(after: next)
                continue
            }
            guard c == "{", let close = template[next...].firstIndex(of: "}") else {
                out.append(c)
                i = next
                continue
            }
            let body = template[next..<close]
            if let colon = body.firstIndex(of: ":") {
                let name = String(body[..<colon])
                let forms = body[body.index(after: colon)...].split(separator: "|", omittingEmptySubsequences: false)
                let n = (arguments[name] as? Int) ?? Int("\(arguments[name] ?? "")") ?? 0
                out += String(n == 1 || forms.count < 2 ? forms[0] : forms[1])
            } else {
                let name = String(body)
                out += arguments[name].map { "\($0)" } ?? "{\(name)}"
            }
            i = template.index(after: close)
        }
        return out
    }

    /// The placeholder names a template uses (`{count}` and `{count:…}` both name `count`).
    public static func placeholders(_ template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template.replacingOccurrences(of: "{{", with: "").replacingOccurrences(of: "}}", with: ""))
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let body = rest[rest.index(after: open)..<close]
            names.insert(String(body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

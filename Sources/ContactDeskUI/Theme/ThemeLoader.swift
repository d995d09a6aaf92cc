import Foundation
import ContactEditing
import TOMLKit
import ContactDeskStrings

/// A theme file that cannot be used, with where and how to fix it.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Reads themes from TOML: a palette of named colours, styles per role, and `inherits` for a base theme.
///
/// ```toml
/// inherits = "default"
/// [palette]
/// accent = "#5fafff"
/// [styles]
/// header = { fg = "black", bg = "accent", attrs = ["bold"], mono = ["reverse", "bold"] }
/// ```
public struct ThemeLoader: Sendable {
    /// Folders searched for `NAME.toml`, in order (the user's first, then an installed share folder).
    public var searchPath: [URL]
    /// Themes compiled into the binary, found after every folder: a name in a folder overrides it.
    public var builtIn: [String: String]

    /// Deeper `inherits` chains than this are refused: no real theme needs them, and a cycle through
    /// paths that name one file differently must still end.
    static let maxDepth = 8

    public init(searchPath: [URL], builtIn: [String: String] = ThemeLoader.shipped) {
        self.searchPath = searchPath
        self.builtIn = builtIn
    }

    /// The shipped themes (the project's themes/ folder), name -> TOML text.
    public static var shipped: [String: String] { ShippedThemes.files }

    /// Where a theme's text comes from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case file(URL)
        case builtIn(String)

        /// Names it in messages and in `contactdesk themes`.
        public var description: String {
            switch self {
            case .file(let url): url.path
            case .builtIn(let name): ConfigText.builtInTheme.text(["name": name])
            }
        }
    }

    /// Theme names available on the search path and built in, sorted, without duplicates.
    public func available() -> [String] {
        let names = searchPath.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        }
        return Array(Set(names).union(builtIn.keys)).sorted()
    }

    /// Where a name (from the search path, then built in) or a path (anything with a slash or ending in .toml) leads.
    public func source(for nameOrPath: String) -> Source? {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return .file(URL(fileURLWithPath: nameOrPath).standardizedFileURL.resolvingSymlinksInPath())
        }
        if let url = searchPath.map({ $0.appendingPathComponent(nameOrPath + ".toml") }).first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            return .file(url.standardizedFileURL.resolvingSymlinksInPath())
        }
        return builtIn[nameOrPath] != nil ? .builtIn(nameOrPath) : nil
    }

    /// Loads a theme by name or by path.
    public func load(_ nameOrPath: String) throws -> Theme {
        try load(nameOrPath, seen: [])
    }

    private func load(_ nameOrPath: String, seen: [Source]) throws -> Theme {
        guard let source = source(for: nameOrPath) else {
            throw ThemeError(file: nameOrPath, line: nil,
                             message: ConfigText.noSuchTheme.text(["name": nameOrPath, "available": available().joined(separator: ", ")]))
        }
        let text: String
        let name: String
        switch source {
        case .file(let url):
            guard let t = try? String(contentsOf: url, encoding: .utf8) else {
                throw ThemeError(file: url.path, line: nil, message: ConfigText.cannotRead.text)
            }
            text = t
            name = url.deletingPathExtension().lastPathComponent
        case .builtIn(let n):
            text = builtIn[n] ?? ""
            name = n
        }
        return try parse(text, file: source.description, name: name, seen: seen + [source])
    }

    /// Parses theme text; `file` names it in errors.
    public func parse(_ text: String, file: String, name: String, seen: [Source] = []) throws -> Theme {
        let table: TOMLTable
        do { table = try SafeTOML.parse(text) } catch let e as TOMLParseError {
            throw ThemeError(file: file, line: e.source.begin.line, message: ConfigText.themeNotTOML.text(["error": e.description]))
        } catch let e as TOMLShapeError {
            throw ThemeError(file: file, line: e.line, message: ConfigText.themeNotTOML.text(["error": e.message]))
        }
        let lines = text.components(separatedBy: "\n")
        func line(of key: String, in section: String? = nil) -> Int? {
            var inSection = section == nil
            for (i, l) in lines.enumerated() {
                let t = l.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("[") { inSection = section.map { t == "[\($0)]" } ?? false; continue }
                if inSection && (t.hasPrefix(key + " ") || t.hasPrefix(key + "=") || t.hasPrefix("\"\(key)\"")) { return i + 1 }
            }
            return nil
        }
        func fail(_ message: String, _ key: String, _ section: String? = nil) -> ThemeError {
            ThemeError(file: file, line: line(of: key, in: section), message: message)
        }
        for key in table.keys where !["name", "inherits", "palette", "styles", "monochrome"].contains(key) {
            throw fail(ConfigText.themeUnknownKey.text(["key": key]), key)
        }
        var theme = Theme(name: table["name"]?.string ?? name, styles: [:])
        if let parent = table["inherits"]?.string {
            if let next = source(for: parent), seen.contains(next) {
                throw fail(ConfigText.themeLoop.text(["parent": parent, "chain": (seen + [next]).map(\.description).joined(separator: " -> ")]), "inherits")
            }
            if seen.count >= Self.maxDepth {
                throw fail(ConfigText.themeTooDeep.text(["depth": Self.maxDepth]), "inherits")
            }
            let base = try load(parent, seen: seen)
            theme.styles = base.styles
            theme.monochrome = base.monochrome
        }
        if let mono = table["monochrome"]?.bool { theme.monochrome = mono }
        var palette: [String: ThemeColor] = [:]
        if let p = table["palette"]?.table {
            for key in p.keys {
                guard let s = p[key]?.string ?? p[key]?.int.map(String.init), let c = ThemeColor(s) else {
                    throw fail(ConfigText.paletteColour.text(["key": key, "names": ThemeColor.names.joined(separator: "/")]),
                               key, "palette")
                }
                palette[key] = c
            }
        }
        func color(_ value: TOMLValueConvertible?, role: String, field: String) throws -> ThemeColor? {
            guard let value else { return nil }
            if let n = value.int, let c = ThemeColor(String(n)) { return c }
            if let s = value.string, let c = palette[s] ?? ThemeColor(s) { return c }
            throw fail(ConfigText.styleColour.text(["field": field, "role": role, "value": value.debugDescription, "palette": palette.keys.sorted().joined(separator: ", ")]),
                       role, "styles")
        }
        func attributes(_ value: TOMLValueConvertible?, role: String, field: String) throws -> Set<TextAttribute>? {
            guard let value else { return nil }
            guard let array = value.array else { throw fail(ConfigText.styleAttrsList.text(["field": field, "role": role]), role, "styles") }
            var out: Set<TextAttribute> = []
            for item in array {
                guard let s = item.string, let a = TextAttribute(rawValue: s) else {
                    throw fail(ConfigText.styleAttrUnknown.text(["field": field, "role": role, "value": item.debugDescription, "attributes": TextAttribute.allCases.map(\.rawValue).joined(separator: ", ")]),
                               role, "styles")
                }
                out.insert(a)
            }
            return out
        }
        if let styles = table["styles"]?.table {
            for key in styles.keys {
                guard let role = Role(rawValue: key) else {
                    throw fail(ConfigText.unknownRole.text(["key": key, "roles": Role.allCases.map(\.rawValue).joined(separator: ", ")]), key, "styles")
                }
                guard let spec = styles[key]?.table else {
                    throw fail(ConfigText.styleNotTable.text(["key": key]), key, "styles")
                }
                for field in spec.keys where !["fg", "bg", "attrs", "mono"].contains(field) {
                    throw fail(ConfigText.styleUnknownField.text(["key": key, "field": field]), key, "styles")
                }
                var style = theme.styles[role] ?? RoleStyle()
                if let fg = try color(spec["fg"], role: key, field: "fg") { style.fg = fg }
                if let bg = try color(spec["bg"], role: key, field: "bg") { style.bg = bg }
                if let a = try attributes(spec["attrs"], role: key, field: "attrs") { style.attributes = a }
                if let m = try attributes(spec["mono"], role: key, field: "mono") { style.mono = m }
                theme.styles[role] = style
            }
        }
        return theme
    }
}

extension ThemeLoader {
    /// `PREFIX/share/contactdesk/themes` for a binary installed as `PREFIX/bin/contactdesk` (`make install`).
    public static var installedDirectory: URL? {
        guard let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        return exe.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/contactdesk/themes")
    }

    /// The user's themes folder first, then the installed share folder, then the built-in themes.
    public static func standard(configDirectory: URL, installed: URL? = installedDirectory) -> ThemeLoader {
        ThemeLoader(searchPath: [configDirectory.appendingPathComponent("themes")] + (installed.map { [$0] } ?? []))
    }
}

extension Theme {
    /// Used when no theme file can be read at all: attributes only, so it is legible anywhere.
    public static let fallback = Theme(name: "fallback", styles: [
        .header: RoleStyle(attributes: [.reverse, .bold]), .rowSelected: RoleStyle(attributes: [.reverse]),
        .rowMarked: RoleStyle(attributes: [.bold]), .columnHeading: RoleStyle(attributes: [.bold, .underline]),
        .staged: RoleStyle(attributes: [.underline]), .resultError: RoleStyle(attributes: [.bold]),
        .formFieldFocused: RoleStyle(attributes: [.reverse]), .footer: RoleStyle(attributes: [.dim]),
    ], monochrome: true)
}

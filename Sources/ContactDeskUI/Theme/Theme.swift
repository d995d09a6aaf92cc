import Foundation

/// How one role looks: colours, attributes, and the attributes to use where there is no colour.
public struct RoleStyle: Equatable, Sendable {
    public var fg: ThemeColor?
    public var bg: ThemeColor?
    public var attributes: Set<TextAttribute>
    /// The attributes-only variant, for monochrome terminals and NO_COLOR.
    public var mono: Set<TextAttribute>?

    public init(fg: ThemeColor? = nil, bg: ThemeColor? = nil, attributes: Set<TextAttribute> = [], mono: Set<TextAttribute>? = nil) {
        self.fg = fg; self.bg = bg; self.attributes = attributes; self.mono = mono
    }
}

/// A named set of role styles, resolved for what a terminal can show.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]
    /// Draw without colours (a monochrome theme, NO_COLOR, or a terminal without colours).
    public var monochrome: Bool

    public init(name: String, styles: [Role: RoleStyle], monochrome: Bool = false) {
        self.name = name; self.styles = styles; self.monochrome = monochrome
    }

    /// The style of a role, falling back along its dotted name ("row.selected" → "row") when a theme leaves it out.
    public func style(_ role: Role) -> RoleStyle {
        var name = role.rawValue
        while true {
            if let r = Role(rawValue: name), let s = styles[r] { return s }
            guard let dot = name.lastIndex(of: ".") else { break }
            name = String(name[..<dot])
        }
        return styles[.row] ?? RoleStyle()
    }

    /// What to draw a role with on a terminal of `colors` colours: colour numbers (-1 default) and attributes.
    public func resolved(_ role: Role, colors: Int) -> (fg: Int, bg: Int, attributes: Set<TextAttribute>) {
        let s = style(role)
        if monochrome || colors < 8 {
            return (-1, -1, s.mono ?? s.attributes)
        }
        return (s.fg?.number(forColors: colors) ?? -1, s.bg?.number(forColors: colors) ?? -1, s.attributes)
    }

    /// The same theme drawn without colour.
    public var withoutColor: Theme { Theme(name: name, styles: styles, monochrome: true) }
}

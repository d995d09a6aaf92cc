/// A key press as the UI understands it, independent of the terminal library.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, insert, tab, backTab
    case function(Int)
    /// The terminal changed size.
    case resize

    /// The name used in help and in config files: "j", "Ctrl-R", "Alt-b", "PgDn", "Space".
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .alt(let c): "Alt-" + String(c)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .function(let n): "F\(n)"
        case .resize: "Resize"
        }
    }

    /// Parses a name as `description` writes it (case-insensitive for named keys).
    public init?(name: String) {
        let named: [String: Key] = ["space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
                                    "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
                                    "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape,
                                    "escape": .escape, "backspace": .backspace, "delete": .delete, "del": .delete, "insert": .insert, "ins": .insert,
                                    "tab": .tab, "shift-tab": .backTab, "backtab": .backTab]
        if let k = named[name.lowercased()] { self = k; return }
        if name.count == 1, let c = name.first { self = .char(c); return }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-"), name.count == 6, let c = lower.last { self = .ctrl(c); return }
        if lower.hasPrefix("alt-"), name.count == 5, let c = name.last { self = .alt(c); return }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        return nil
    }
}

/// How many colours to draw with, when the operator says so: `--colors 0|8|256|24bit`, `colors =` in
/// config.toml, or `COLORTERM=truecolor|24bit` (which terminals set when they draw 24-bit colour whatever
/// their TERM says). Without any of them the terminfo entry decides.
public enum ColorDepth: String, Equatable, Sendable, CaseIterable {
    case none = "0", eight = "8", indexed = "256", direct = "24bit"

    /// `0`, `8`, `256`, `24bit` (also `truecolor`, `16m`).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "0", "none", "off": self = .none
        case "8", "16": self = .eight
        case "256": self = .indexed
        case "24bit", "truecolor", "16m", "direct": self = .direct
        default: return nil
        }
    }

    /// The most colours this depth addresses.
    public var colors: Int {
        switch self {
        case .none: 0
        case .eight: 8
        case .indexed: 256
        case .direct: 0x1000000
        }
    }

    /// The flag, else the config, else COLORTERM; nil leaves it to the terminfo entry. COLORTERM is not taken
    /// under GNU screen (TERM=screen*), which passes it on from the outer terminal but cannot draw 24-bit colour.
    public static func wanted(flag: ColorDepth?, config: ColorDepth?, environment: [String: String]) -> ColorDepth? {
        if let flag { return flag }
        if let config { return config }
        let colorterm = (environment["COLORTERM"] ?? "").lowercased()
        if (environment["TERM"] ?? "").hasPrefix("screen") && environment["TMUX"] == nil { return nil }
        return colorterm == "truecolor" || colorterm == "24bit" ? .direct : nil
    }
}

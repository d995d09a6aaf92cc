import Foundation

/// Where ContactDesk keeps its files, following the XDG base directory rules.
public enum StatePaths {
    /// `$XDG_STATE_HOME/contactdesk`, or `~/.local/state/contactdesk`: journal, audit, cache, log.
    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(environment["XDG_STATE_HOME"], fallback: ".local/state", environment).appendingPathComponent("contactdesk")
    }

    /// `$XDG_CONFIG_HOME/contactdesk`, or `~/.config/contactdesk`: config.toml, themes.
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(environment["XDG_CONFIG_HOME"], fallback: ".config", environment).appendingPathComponent("contactdesk")
    }

    private static func base(_ value: String?, fallback: String, _ environment: [String: String]) -> URL {
        // The spec says relative values are invalid and must be ignored.
        if let value, value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(fallback)
    }

    /// Creates a directory readable only by its owner, as state may hold customer data.
    public static func ensure(_ directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }
}

import Foundation
import Synchronization

/// The languages ContactDesk speaks. English is the reference: every key has an English text and a Simplified
/// Chinese one (the tests refuse a key without both).
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// The language of texts made on this task: set by tests that render in both languages side by side.
    @TaskLocal public static var scoped: Language?

    private static let chosen = LanguageBox()

    /// The language texts are made in now: a scoped one, else the one chosen at start, else English.
    public static var current: Language { scoped ?? chosen.value }

    /// Chooses the process's language, once at start (the CLI's `--lang`, config, then the locale).
    public static func choose(_ language: Language) { chosen.value = language }

    /// A `--lang` or `language =` value: `en` or `zh` (also `zh-CN`, `zh_Hans`, `english`, `chinese`, `中文`).
    public init?(argument: String) {
        switch argument.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "en", "en-us", "en-gb", "english": self = .en
        case "zh", "zh-cn", "zh-hans", "zh-sg", "chinese", "中文", "简体中文": self = .zh
        default: return nil
        }
    }

    /// The language a locale name asks for: `zh_CN`, `zh_SG`, `zh_Hans*` and plain `zh` are Simplified Chinese.
    /// Traditional Chinese locales (`zh_TW`, `zh_HK`, `zh_MO`, `zh_Hant*`) get English: there is no Traditional
    /// table, and as with gettext programs a Simplified screen is not what they asked for (`--lang zh` picks it).
    /// Everything else, `C` and `POSIX` included, is English.
    public static func forLocale(_ name: String) -> Language {
        let base = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        let bare = base.split(separator: "@", maxSplits: 1).first.map(String.init) ?? base
        let parts = bare.split(whereSeparator: { $0 == "_" || $0 == "-" }).map { $0.lowercased() }
        guard parts.first == "zh" else { return .en }
        if parts.contains("hant") || parts.contains("tw") || parts.contains("hk") || parts.contains("mo") { return .en }
        return .zh
    }

    /// The language of the locale environment: the first of LC_ALL, LC_MESSAGES, LANG that is set and not
    /// empty decides, as for every POSIX program; nil when none is set. Only the names are read, so it works
    /// when the locale itself is not installed (Debian installs none but C.UTF-8).
    public static func fromEnvironment(_ environment: [String: String]) -> Language? {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return forLocale(value) }
        }
        return nil
    }

    /// Where the language came from, in the order they are asked: `--lang`, then config.toml's `language`,
    /// then the locale; an unknown config value is a problem to report, and the locale decides instead.
    public static func resolve(flag: Language?, config: String?, environment: [String: String]) -> (language: Language, problem: String?) {
        if let flag { return (flag, nil) }
        var problem: String?
        if let config {
            if let l = Language(argument: config) { return (l, nil) }
            problem = Strings.configLanguageUnknown.text(["value": config])
        }
        return (fromEnvironment(environment) ?? .en, problem)
    }
}

/// The chosen language: set once at start, read by every text of every frame, so an atomic rather than a lock.
private final class LanguageBox: Sendable {
    private let stored = Atomic<UInt8>(0)
    var value: Language {
        get { stored.load(ordering: .relaxed) == 1 ? .zh : .en }
        set { stored.store(newValue == .zh ? 1 : 0, ordering: .relaxed) }
    }
}

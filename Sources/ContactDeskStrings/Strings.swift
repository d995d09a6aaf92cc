/// Texts of the start-up: the language, the config file, the terminal. Keys and protocol terms (UserID,
/// SDKAppID, error codes, `--lang`) stay as they are in both languages.
public enum Strings: LocalizedText {
    case configLanguageUnknown

    public var bilingual: Bilingual {
        switch self {
        case .configLanguageUnknown:
            Bilingual("config.toml: language = \"{value}\" is not a language ContactDesk speaks; write \"en\" or \"zh\" (the locale decides meanwhile)",
                      "config.toml：language = \"{value}\" 不是 ContactDesk 支持的语言；请写 \"en\" 或 \"zh\"（暂按系统区域设置选择）")
        }
    }
}

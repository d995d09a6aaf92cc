/// Texts of config.toml's profiles (ContactEditing's `ProfileLoader`): each problem names the file, line,
/// profile and key (that part is not a text) and says the fix. Config keys (`sdkappid`, `key_env`, `read_only`),
/// their values and `[profiles.NAME]` stay as they are in both languages.
public enum ProfileText: LocalizedText {
    case profileLabel
    case fileMissing
    case typeNumber
    case typeRegion
    case typeURL
    case typeUserID
    case typeVariable
    case typePath
    case typeCommand
    case typeTheme
    case typeBool
    case typeFieldList
    case typeConcurrency
    case typeOther
    case notTOML
    case noProfiles
    case noSuchProfile
    case secretInFile
    case unknownKey
    case unknownKeyDidYouMean
    case mustBe
    case mustBeFound
    case sdkAppIDMissing
    case sdkAppIDNotPositive
    case adminMissing
    case endpointMissing
    case endpointBoth
    case keyEnvNotAName
    case keyFileNotAPath
    case credentialsNotOne
    case customFieldInvalid
    case userSigCommandFailed

    public var bilingual: Bilingual {
        switch self {
        case .profileLabel: Bilingual("Profile {name}", "配置档 {name}")
        case .fileMissing:
            Bilingual("{path} does not exist; create it with a [profiles.{name}] table (README, \"Profiles\")",
                      "{path} 不存在；请创建该文件并写入 [profiles.{name}] 表（见 README 的 \"Profiles\"）")
        case .typeNumber: Bilingual("a number such as 1400000000", "数字，如 1400000000")
        case .typeRegion: Bilingual("a region name in quotes", "加引号的地域名")
        case .typeURL: Bilingual("a URL in quotes", "加引号的 URL")
        case .typeUserID: Bilingual("a UserID in quotes", "加引号的 UserID")
        case .typeVariable: Bilingual("an environment variable name in quotes", "加引号的环境变量名")
        case .typePath: Bilingual("a path in quotes", "加引号的路径")
        case .typeCommand: Bilingual("a command in quotes", "加引号的命令")
        case .typeTheme: Bilingual("a theme name or path in quotes", "加引号的主题名或路径")
        case .typeBool: Bilingual("true or false", "布尔值 true 或 false")
        case .typeFieldList: Bilingual("a list of field names such as [\"Tier\"]", "字段名列表，如 [\"Tier\"]")
        case .typeConcurrency: Bilingual("a whole number from 1 to 64 (read calls at once; default 16)", "1 到 64 的整数（同时进行的读取调用数；默认 16）")
        case .typeOther: Bilingual("another type", "其他类型")
        case .notTOML: Bilingual("not valid TOML: {error}", "不是有效的 TOML：{error}")
        case .noProfiles: Bilingual("no [profiles.NAME] tables in the file", "文件中没有 [profiles.NAME] 表")
        case .noSuchProfile: Bilingual("no such profile; profiles are {names}", "没有此配置档；现有配置档：{names}")
        case .secretInFile:
            Bilingual("a secret never goes in this file (its value is not shown here); remove it and use key_env, key_file or usersig_command",
                      "密钥绝不能写在此文件中（此处不显示其值）；请删除它，改用 key_env、key_file 或 usersig_command")
        case .unknownKey: Bilingual("unknown key; a profile has {keys}", "未知的键；配置档的键为 {keys}")
        case .unknownKeyDidYouMean:
            Bilingual("unknown key; did you mean {near}?; a profile has {keys}", "未知的键；是否想写 {near}？配置档的键为 {keys}")
        case .mustBe: Bilingual("must be {expected}", "必须是{expected}")
        case .mustBeFound: Bilingual("must be {expected} (found {found})", "必须是{expected}（实际为 {found}）")
        case .sdkAppIDMissing: Bilingual("sdkappid = N is missing (the app's SDKAppID)", "缺少 sdkappid = N（应用的 SDKAppID）")
        case .sdkAppIDNotPositive: Bilingual("must be the app's SDKAppID, a positive number", "必须是应用的 SDKAppID，即一个正数")
        case .adminMissing: Bilingual("admin = \"ID\" is missing (an app administrator)", "缺少 admin = \"ID\"（应用管理员）")
        case .endpointMissing:
            Bilingual("give region = \"singapore\" (or another region) or base_url = \"https://...\"",
                      "请给出 region = \"singapore\"（或其他地域）或 base_url = \"https://...\"")
        case .endpointBoth: Bilingual("give region or base_url, not both", "region 与 base_url 只能给出其一")
        case .keyEnvNotAName:
            Bilingual("must name an environment variable (letters, digits and _), not hold the key: put the key in that variable (the value is not shown here)",
                      "必须是环境变量名（字母、数字和 _），而不是密钥本身：请把密钥放进该变量（此处不显示其值）")
        case .keyFileNotAPath:
            Bilingual("must be the path of a file holding the key, not the key itself (the value is not shown here)",
                      "必须是存放密钥的文件路径，而不是密钥本身（此处不显示其值）")
        case .credentialsNotOne:
            Bilingual("give exactly one of key_env = \"VAR\", key_file = \"PATH\" (chmod 600) or usersig_command = \"COMMAND\"; the key itself never goes in this file",
                      "key_env = \"VAR\"、key_file = \"PATH\"（chmod 600）、usersig_command = \"COMMAND\" 须且只能给出其一；密钥本身绝不能写在此文件中")
        case .customFieldInvalid:
            Bilingual("\"{name}\" is not a custom friend field key: 1 to 8 letters (A-Z, a-z), as configured in the Chat console",
                      "\"{name}\" 不是自定义好友字段的键：须为 1 到 8 个字母（A-Z、a-z），与即时通信 IM 控制台中的配置一致")
        case .userSigCommandFailed: Bilingual("exited {status} without printing a UserSig", "以状态 {status} 退出，未输出 UserSig")
        }
    }
}

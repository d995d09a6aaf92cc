/// The words of the error catalog (ChatAPI's `ErrorCatalog`), keyed by error code: per code a short name shown
/// inline beside the code on a row, what the code means, and one sentence telling the operator what to do.
/// Codes, protocol terms (UserID, SDKAppID, identifier, ErrorInfo) and command names stay as they are.
public enum CatalogText {
    /// The three texts of one code.
    public typealias Words = (name: Bilingual, meaning: Bilingual, hint: Bilingual)

    private static let bugHint = Bilingual("A ContactDesk bug: report it with the log file.",
                                           "ContactDesk 的缺陷：请附上日志文件报告。")
    private static let adminHint = Bilingual("Use an administrator identifier in the profile.",
                                             "请在配置档中使用管理员 identifier。")
    private static let pauseHint = Bilingual("Retried automatically after a pause.", "暂停片刻后自动重试。")
    private static let transientHint = Bilingual("Transient; retried automatically.", "临时错误，已自动重试。")
    private static let regionHint = Bilingual("Wrong region domain? Check the profile's region.",
                                              "地域域名可能有误，请检查配置档的 region。")

    private static let table: [(code: Int, name: Bilingual, meaning: Bilingual, hint: Bilingual)] = [
        (30001, Bilingual("bad parameter", "参数错误"),
         Bilingual("A parameter is wrong: also not a friend, already a friend, or an unconfigured custom field",
                   "参数错误：也可能是对方不是好友、已是好友，或自定义字段未配置"),
         Bilingual("Read the ErrorInfo/ResultInfo; fix the value or configure the field in the Chat console.",
                   "查看 ErrorInfo/ResultInfo；修正值，或在即时通信 IM 控制台配置该字段。")),
        (30002, Bilingual("SDKAppID mismatch", "SDKAppID 不匹配"),
         Bilingual("The SDKAppID does not match", "SDKAppID 不匹配"),
         Bilingual("Check the profile's sdkappid against the Chat console.", "对照即时通信 IM 控制台检查配置档的 sdkappid。")),
        (30003, Bilingual("account does not exist", "账号不存在"),
         Bilingual("The requested account does not exist", "请求的账号不存在"),
         Bilingual("Check the UserID; the account must be imported first.", "检查 UserID；账号须先导入。")),
        (30004, Bilingual("needs app admin", "需要应用管理员"),
         Bilingual("The request requires app administrator permissions", "请求需要应用管理员权限"),
         adminHint),
        (30005, Bilingual("sensitive word", "含敏感词"),
         Bilingual("A field contains a sensitive word", "字段含有敏感词"),
         Bilingual("Change the text; the service refuses it.", "请修改文本；服务端拒绝接受。")),
        (30006, Bilingual("internal server error", "服务端内部错误"),
         Bilingual("Internal server error", "服务端内部错误"),
         Bilingual("Transient; retried automatically. Retry the failed rows if it persists.",
                   "临时错误，已自动重试。若持续出现，请重试失败的行。")),
        (30007, Bilingual("service network timeout", "服务端网络超时"),
         Bilingual("Network timeout inside the service", "服务端内部网络超时"),
         Bilingual("Transient; retried automatically. Retry later if it persists.",
                   "临时错误，已自动重试。若持续出现，请稍后重试。")),
        (30008, Bilingual("concurrent write conflict", "并发写冲突"),
         Bilingual("Write conflict from concurrent writes on one user", "同一用户被并发写入导致冲突"),
         Bilingual("Another tool is writing to this account; retried automatically, one write at a time.",
                   "另有工具正在写入此账号；已自动逐次重试。")),
        (30010, Bilingual("own friend limit reached", "本方好友数已达上限"),
         Bilingual("The account's friend count is at its limit", "该账号的好友数已达上限"),
         Bilingual("Remove friends from this account first.", "请先删除此账号的部分好友。")),
        (30014, Bilingual("peer friend limit reached", "对方好友数已达上限"),
         Bilingual("The other account's friend count is at its limit", "对方账号的好友数已达上限"),
         Bilingual("The peer must remove friends first.", "对方须先删除部分好友。")),
        (30011, Bilingual("friend-list group limit reached (32)", "好友分组数量已达上限（32）"),
         Bilingual("The account already has 32 friend groups", "该账号已有 32 个好友分组"),
         Bilingual("Use an existing group, or delete an unused group first.", "请使用已有分组，或先删除一个不用的分组。")),
        (32216, Bilingual("group_add target is not a friend", "group_add 的对象不是好友"),
         Bilingual("group_add named an account that is not a friend", "group_add 指定的账号不是好友"),
         Bilingual("Add the friend first, or leave it out of the group.", "请先添加该好友，或不要将其加入分组。")),
        (60002, Bilingual("HTTP parse error", "HTTP 解析错误"),
         Bilingual("The service could not parse the HTTP request", "服务端无法解析 HTTP 请求"),
         bugHint),
        (60003, Bilingual("JSON parse error", "JSON 解析错误"),
         Bilingual("The service could not parse the JSON body", "服务端无法解析 JSON 请求体"),
         bugHint),
        (60004, Bilingual("identifier or UserSig wrong", "identifier 或 UserSig 错误"),
         Bilingual("The identifier or UserSig is wrong", "identifier 或 UserSig 错误"),
         Bilingual("Check the admin identifier and the secret key of the profile.", "检查配置档的管理员 identifier 和密钥。")),
        (60005, Bilingual("identifier or UserSig wrong", "identifier 或 UserSig 错误"),
         Bilingual("The identifier or UserSig is wrong", "identifier 或 UserSig 错误"),
         Bilingual("Check the admin identifier and the secret key of the profile.", "检查配置档的管理员 identifier 和密钥。")),
        (60006, Bilingual("SDKAppID invalid", "SDKAppID 无效"),
         Bilingual("The SDKAppID is invalid", "SDKAppID 无效"),
         Bilingual("Check the profile's sdkappid.", "检查配置档的 sdkappid。")),
        (60016, Bilingual("SDKAppID disabled", "SDKAppID 已停用"),
         Bilingual("The SDKAppID is disabled", "SDKAppID 已被停用"),
         Bilingual("The app is disabled in the Chat console.", "该应用已在即时通信 IM 控制台停用。")),
        (60007, Bilingual("API rate limit", "接口频率超限"),
         Bilingual("Frequency limit of the API", "接口调用频率超限"),
         pauseHint),
        (60011, Bilingual("app rate limit", "应用频率超限"),
         Bilingual("Frequency limit of the app", "应用调用频率超限"),
         pauseHint),
        (60018, Bilingual("rate limit", "频率超限"),
         Bilingual("Frequency limit", "调用频率超限"),
         pauseHint),
        (60019, Bilingual("rate limit", "频率超限"),
         Bilingual("Frequency limit", "调用频率超限"),
         pauseHint),
        (60008, Bilingual("service timeout", "服务端超时"),
         Bilingual("The service timed out", "服务端超时"),
         Bilingual("Retried once; retry the failed rows later.", "已重试一次；请稍后重试失败的行。")),
        (60009, Bilingual("unknown command", "未知命令"),
         Bilingual("Wrong service or command in the URL", "URL 中的服务名或命令错误"),
         bugHint),
        (60010, Bilingual("needs admin identifier", "需要管理员 identifier"),
         Bilingual("The request needs an administrator identifier", "请求需要管理员 identifier"),
         adminHint),
        (60020, Bilingual("no valid package", "无有效套餐"),
         Bilingual("The app has no valid package", "应用没有有效的套餐"),
         Bilingual("Renew the app's package in the Chat console.", "请在即时通信 IM 控制台续费应用的套餐。")),
        (60021, Bilingual("caller IP not allowed", "调用方 IP 不被允许"),
         Bilingual("The caller's IP address is not allowed", "调用方的 IP 地址不被允许"),
         Bilingual("Add this host's address to the app's IP allow list.", "请将本机地址加入应用的 IP 白名单。")),
        (70001, Bilingual("UserSig expired", "UserSig 已过期"),
         Bilingual("The UserSig has expired", "UserSig 已过期"),
         Bilingual("A new UserSig is made automatically; check the clock if it repeats.",
                   "会自动生成新的 UserSig；若反复出现，请检查系统时钟。")),
        (70052, Bilingual("UserSig invalidated", "UserSig 已失效"),
         Bilingual("The UserSig was invalidated", "UserSig 已被置为失效"),
         Bilingual("A new UserSig is made automatically.", "会自动生成新的 UserSig。")),
        (70002, Bilingual("UserSig empty", "UserSig 为空"),
         Bilingual("The UserSig is empty", "UserSig 为空"),
         Bilingual("Check the credential source of the profile.", "检查配置档的凭据来源。")),
        (70003, Bilingual("UserSig malformed", "UserSig 格式错误"),
         Bilingual("The UserSig cannot be decoded", "UserSig 无法解码"),
         Bilingual("Check the credential source; `contactdesk usersig --verify` explains a UserSig.",
                   "检查凭据来源；`contactdesk usersig --verify` 可解读 UserSig。")),
        (70005, Bilingual("UserSig malformed", "UserSig 格式错误"),
         Bilingual("The UserSig cannot be decoded", "UserSig 无法解码"),
         Bilingual("Check the credential source; `contactdesk usersig --verify` explains a UserSig.",
                   "检查凭据来源；`contactdesk usersig --verify` 可解读 UserSig。")),
        (70009, Bilingual("UserSig verification failed", "UserSig 校验失败"),
         Bilingual("The UserSig fails verification", "UserSig 未通过校验"),
         Bilingual("The secret key does not belong to this SDKAppID; check the key file or variable.",
                   "密钥不属于此 SDKAppID；请检查密钥文件或环境变量。")),
        (70013, Bilingual("identifier differs from UserSig", "identifier 与 UserSig 不符"),
         Bilingual("The identifier differs from the UserSig's", "identifier 与 UserSig 中的不一致"),
         Bilingual("The UserSig was made for another identifier; check the profile's admin.",
                   "该 UserSig 是为其他 identifier 生成的；请检查配置档的 admin。")),
        (70014, Bilingual("SDKAppID differs from UserSig", "SDKAppID 与 UserSig 不符"),
         Bilingual("The SDKAppID differs from the UserSig's", "SDKAppID 与 UserSig 中的不一致"),
         Bilingual("The UserSig was made for another app; check the profile's sdkappid.",
                   "该 UserSig 是为其他应用生成的；请检查配置档的 sdkappid。")),
        (70016, Bilingual("key not found", "找不到密钥"),
         Bilingual("The key or SDKAppID was not found", "找不到密钥或 SDKAppID"),
         regionHint),
        (70020, Bilingual("SDKAppID not found", "找不到 SDKAppID"),
         Bilingual("The SDKAppID was not found", "找不到该 SDKAppID"),
         regionHint),
        (70050, Bilingual("locked after bad signatures", "签名多次错误已锁定"),
         Bilingual("Locked for a minute after repeated bad signatures", "签名多次错误，已锁定一分钟"),
         Bilingual("Wait one minute before trying again, with a corrected key.", "请等待一分钟，改正密钥后再试。")),
        (70107, Bilingual("account not imported", "账号未导入"),
         Bilingual("The account is not imported", "账号未导入"),
         Bilingual("Import the account first.", "请先导入该账号。")),
        (70169, Bilingual("internal timeout", "内部超时"),
         Bilingual("Internal timeout", "内部超时"),
         transientHint),
        (70500, Bilingual("internal error", "内部错误"),
         Bilingual("Internal error", "内部错误"),
         transientHint),
    ]

    private static let byCode: [Int: Words] = Dictionary(uniqueKeysWithValues: table.map { ($0.code, ($0.name, $0.meaning, $0.hint)) })

    /// Every code with its three texts, in the order of the API's error code page.
    public static var all: [(code: Int, name: Bilingual, meaning: Bilingual, hint: Bilingual)] { table }

    /// The texts of a documented code; nil for a code the catalog does not know (see `unknown`).
    public static func words(_ code: Int) -> Words? { byCode[code] }

    /// The texts of a code the catalog does not know: the name has a `{code}` placeholder.
    public static let unknown: Words = (CatalogCommonText.unknownName.bilingual, CatalogCommonText.unknownMeaning.bilingual,
                                        CatalogCommonText.unknownHint.bilingual)

    /// The catalog as entries of the strings table: "CatalogText.30011.name", ".meaning", ".hint".
    public static var entries: [StringsTable.Entry] {
        table.flatMap { row in
            [StringsTable.Entry(key: "CatalogText.\(row.code).name", text: row.name),
             StringsTable.Entry(key: "CatalogText.\(row.code).meaning", text: row.meaning),
             StringsTable.Entry(key: "CatalogText.\(row.code).hint", text: row.hint)]
        }
    }
}

/// The catalog's texts that are not one code's: an unknown code, and what ContactDesk does about a retry class.
public enum CatalogCommonText: LocalizedText {
    case unknownName
    case unknownMeaning
    case unknownHint
    /// Shown after a code that is neither in the catalog nor explained by the service.
    case unknownError
    case actionBackoff
    case actionOnce
    case actionRenewUserSig
    case actionNever
    case actionStop

    public var bilingual: Bilingual {
        switch self {
        case .unknownName: Bilingual("error {code}", "错误 {code}")
        case .unknownMeaning: Bilingual("Not in ContactDesk's catalog", "不在 ContactDesk 的错误码目录中")
        case .unknownHint:
            Bilingual("Look the code up in the Chat error code list; the service's own text follows.",
                      "请在即时通信 IM 错误码列表中查找此错误码；其后是服务端的原文。")
        case .unknownError: Bilingual("unknown error", "未知错误")
        case .actionBackoff: Bilingual("retried with backoff", "退避重试")
        case .actionOnce: Bilingual("retried once", "重试一次")
        case .actionRenewUserSig: Bilingual("new UserSig, retried once", "生成新 UserSig，重试一次")
        case .actionNever: Bilingual("not retried", "不重试")
        case .actionStop: Bilingual("stops: fix configuration or credentials", "停止：请修正配置或凭据")
        }
    }
}

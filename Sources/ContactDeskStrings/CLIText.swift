/// Texts of the `contactdesk` subcommands (apply, audit, friends list, errors, usersig, sandbox, themes) and of
/// the connection and start-up options. Option names, protocol terms (UserID, SDKAppID), paths, config keys and
/// the machine formats (json, csv, exit codes) stay as they are in both languages; the program's name
/// (`contactdesk:`, `sandbox:`) prefixes a line in both.
public enum CLIText: LocalizedText {
    // Shared by apply and the TUI's --import.
    case fileUnreadable
    case fileProblem

    // `contactdesk apply FILE`
    case applyNoValidEntry
    case applyWouldSend
    case applyConflictNotSent
    case applyAlreadyAsStaged
    case applyDryRunSummary
    case applySummary
    case applyAuditFailure
    case applySkipping
    case applyRefused
    case applyRefusedSkipInvalid

    // `contactdesk audit`
    case auditSinceNotADate
    case auditHeadingWhen
    case auditHeadingWho
    case auditHeadingApp
    case auditHeadingAccount
    case auditHeadingFriend
    case auditHeadingField
    case auditHeadingOld
    case auditHeadingNew
    case auditHeadingResult
    case auditEmptyValue
    case auditRecordCount

    // `contactdesk errors`
    case errorsMeaning
    case errorsContactDesk
    case errorsWhatToDo

    // `contactdesk usersig`
    case usersigExpireNotPositive
    case usersigIdentifierLength
    case usersigValid
    case usersigInvalid

    // `contactdesk sandbox`
    case sandboxListenFormat
    case sandboxDemoKey
    case sandboxRunning
    case sandboxRunningDemo

    // `contactdesk themes`
    case themesNoColour
    case themesBroken
    case themesHowToChoose

    // Connection options (every command that calls the REST API)
    case connectionMissingSDKAppID
    case connectionMissingAdmin
    case connectionMissingEndpoint
    case connectionEndpointAndRegion
    case connectionKeyVariableUnset

    // `contactdesk [open]`: start-up refusals before the screen opens
    case openMissingAccount
    case openThemeFallback
    case importRefused
    case importWrongAccount
    case badEncoding
    case lateCustomFields

    public var bilingual: Bilingual {
        switch self {
        case .fileUnreadable:
            Bilingual("{file}: no such file, or it cannot be read",
                      "{file}：文件不存在或无法读取")
        case .fileProblem:
            Bilingual("{file}: {problem}",
                      "{file}：{problem}")

        case .applyNoValidEntry:
            Bilingual("{file}: no valid entry left; nothing was sent",
                      "{file}：没有剩下有效的条目；未发送任何内容")
        case .applyWouldSend:
            Bilingual("{friend}  would send {fields}",
                      "{friend}  将发送 {fields}")
        case .applyConflictNotSent:
            Bilingual("{friend}  ! conflict: {fields} (not sent)",
                      "{friend}  ! 冲突：{fields}（未发送）")
        case .applyAlreadyAsStaged:
            Bilingual("{friend}  already as staged",
                      "{friend}  已与暂存的一致")
        case .applyDryRunSummary:
            Bilingual("dry run: {count} {count:row|rows} would be sent to {account}; nothing was sent",
                      "试运行：将向 {account} 发送 {count} 行；未发送任何内容")
        case .applySummary:
            Bilingual("{applied} applied, {bad} failed or conflicted, account {account}",
                      "{applied} 行已应用，{bad} 行失败或冲突，账号 {account}")
        case .applyAuditFailure:
            Bilingual("AUDIT: {problem}",
                      "审计日志：{problem}")
        case .applySkipping:
            Bilingual("skipping {count} {count:invalid entry|invalid entries} (--skip-invalid)",
                      "跳过 {count} 个无效条目（--skip-invalid）")
        case .applyRefused:
            Bilingual("{file}: refused, nothing was sent; fix the entries above or pass --skip-invalid to leave them out",
                      "{file}：已拒绝，未发送任何内容；请修正上面的条目，或加 --skip-invalid 略过它们")
        case .applyRefusedSkipInvalid:
            Bilingual("{file}: refused, nothing was sent; fix the entries above",
                      "{file}：已拒绝，未发送任何内容；请修正上面的条目")

        case .auditSinceNotADate:
            Bilingual("--since {value} is not a date; use YYYY-MM-DD or 2026-11-27T10:00:00Z",
                      "--since {value} 不是日期；请写 YYYY-MM-DD 或 2026-11-27T10:00:00Z")
        case .auditHeadingWhen: Bilingual("WHEN", "时间")
        case .auditHeadingWho: Bilingual("WHO", "操作人")
        case .auditHeadingApp: Bilingual("APP", "应用")
        case .auditHeadingAccount: Bilingual("ACCOUNT", "账号")
        case .auditHeadingFriend: Bilingual("FRIEND", "好友")
        case .auditHeadingField: Bilingual("FIELD", "字段")
        case .auditHeadingOld: Bilingual("OLD", "旧值")
        case .auditHeadingNew: Bilingual("NEW", "新值")
        case .auditHeadingResult: Bilingual("RESULT", "结果")
        case .auditEmptyValue: Bilingual("(empty)", "（空）")
        case .auditRecordCount:
            Bilingual("{count} {count:record|records}",
                      "{count} 条记录")

        case .errorsMeaning: Bilingual("meaning:", "含义：")
        case .errorsContactDesk: Bilingual("ContactDesk:", "ContactDesk：")
        case .errorsWhatToDo: Bilingual("what to do:", "处理建议：")

        case .usersigExpireNotPositive:
            Bilingual("--expire {value}: must be a positive number of seconds (86400 is one day)",
                      "--expire {value}：须为正的秒数（86400 为一天）")
        case .usersigIdentifierLength:
            Bilingual("--identifier must be 1 to 32 bytes, got {bytes}",
                      "--identifier 须为 1 到 32 字节，现为 {bytes} 字节")
        case .usersigValid:
            Bilingual("valid: identifier {identifier}, SDKAppID {sdkAppID}, expires {until}",
                      "有效：identifier {identifier}，SDKAppID {sdkAppID}，到期 {until}")
        case .usersigInvalid:
            Bilingual("invalid ({code}): {reason}",
                      "无效（{code}）：{reason}")

        case .sandboxListenFormat:
            Bilingual("--listen must be HOST:PORT, e.g. 127.0.0.1:0, got {value}",
                      "--listen 须为 HOST:PORT，例如 127.0.0.1:0，现为 {value}")
        case .sandboxDemoKey:
            Bilingual("sandbox: no key given; using the public demo key (README, \"Try it\")",
                      "sandbox：未提供密钥；使用公开的演示密钥（见 README 的 \"Try it\"）")
        case .sandboxRunning:
            Bilingual("sandbox: SDKAppID {sdkAppID}, admin {admin}; Ctrl-C stops",
                      "sandbox：SDKAppID {sdkAppID}，管理员 {admin}；按 Ctrl-C 停止")
        case .sandboxRunningDemo:
            Bilingual("sandbox: SDKAppID {sdkAppID}, admin {admin}, demo accounts {accounts}; Ctrl-C stops",
                      "sandbox：SDKAppID {sdkAppID}，管理员 {admin}，演示账号 {accounts}；按 Ctrl-C 停止")

        case .themesNoColour:
            Bilingual("{name} (no colour)",
                      "{name}（无颜色）")
        case .themesBroken:
            Bilingual("{name}: broken: {error}",
                      "{name}：已损坏：{error}")
        case .themesHowToChoose:
            Bilingual("Choose with --theme NAME or theme = \"NAME\" in config.toml; your own go in {directory}/themes.",
                      "用 --theme NAME 或 config.toml 中的 theme = \"NAME\" 选择；自己的主题放在 {directory}/themes。")

        case .connectionMissingSDKAppID:
            Bilingual("missing --sdkappid N (the app's SDKAppID from the Chat console) or --profile NAME",
                      "缺少 --sdkappid N（即时通信 IM 控制台中应用的 SDKAppID）或 --profile NAME")
        case .connectionMissingAdmin:
            Bilingual("missing --admin ID (an app administrator's UserID)",
                      "缺少 --admin ID（应用管理员的 UserID）")
        case .connectionMissingEndpoint:
            Bilingual("missing --endpoint URL or --region NAME",
                      "缺少 --endpoint URL 或 --region NAME")
        case .connectionEndpointAndRegion:
            Bilingual("give either --endpoint or --region, not both",
                      "--endpoint 与 --region 只能指定其一")
        case .connectionKeyVariableUnset:
            Bilingual("profile {profile}: the key variable {variable} is not set",
                      "配置档 {profile}：密钥变量 {variable} 未设置")

        case .openMissingAccount:
            Bilingual("missing --account ID (or use --demo to try ContactDesk on the built-in emulator)",
                      "缺少 --account ID（或用 --demo 在内置模拟器上试用 ContactDesk）")
        case .openThemeFallback:
            Bilingual("theme: {error}; using the default theme",
                      "主题：{error}；改用默认主题")
        case .importRefused:
            Bilingual("--import {path}: refused, nothing was staged",
                      "--import {path}：已拒绝，未暂存任何内容")
        case .lateCustomFields:
            Bilingual("custom fields {fields} first appeared after the first page, so their column is missing; name them in the profile's custom_fields",
                      "自定义字段 {fields} 在第一页之后才出现，因此没有对应的列；请在配置档的 custom_fields 中列出它们")
        case .badEncoding: Bilingual("--encoding {value}: the encodings are utf-8 and gb18030", "--encoding {value}：可用的编码为 utf-8 和 gb18030")
        case .importWrongAccount:
            Bilingual("--import {path}: the file is for account {fileAccount}, not {account}; drop --account or open {fileAccount}",
                      "--import {path}：该文件属于账号 {fileAccount}，不是 {account}；请去掉 --account 或打开 {fileAccount}")
        }
    }
}

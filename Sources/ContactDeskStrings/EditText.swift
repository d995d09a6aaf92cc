/// Texts of ContactEditing an operator reads: why a value cannot be staged, why a change-set file cannot be
/// used, what went wrong with the journal (暂存记录) or the audit log, what a submit left undone. Field names of
/// the file (`friend`, `field`, `from`, `to`, `add`, `remove`, remark, groups, custom:KEY), UserIDs, SDKAppID and
/// paths stay as they are. The config file's texts are in `ProfileText`.
public enum EditText: LocalizedText {
    // Validation (the edit and bulk forms, and files)
    case fieldMessage
    case fieldRemark
    case fieldGroupName
    case fieldGroupNamed
    case fieldCustom
    case fieldGroups
    case remarkTooLong
    case groupNameEmpty
    case groupNameTooLong
    case customNotConfigured
    case customTooLong
    case groupsOverLimit
    // Stager
    case problemLine
    case problemAllFriends
    case notAFriendOfEntry
    case changeDoesNotFit
    // Change-set file
    case fileNotJSONObject
    case fileDuplicateKey
    case fileTheFile
    case fileNoVersion
    case fileVersionTooNew
    case fileVersionInvalid
    case fileUnknownKey
    case fileAppNotNumber
    case fileAppMismatch
    case fileAccountInvalid
    case fileExportedAtInvalid
    case fileEntriesInvalid
    case fileProblemAt
    case entryLabel
    case entryLabelFriend
    case entryLabelField
    case entryRepeats
    case entryNotObject
    case entryFriendInvalid
    case entryFieldInvalid
    case entryUnknownKey
    case entryChangesNothing
    case entryHintGiveFrom
    case entryHintRemove
    case entryCustomNoName
    case entryCustomKeyInvalid
    case entryUnknownField
    case entryToNotForGroups
    case entryGroupsNeedAddRemove
    case entryKeyNotForField
    case entryToMustBeText
    case entryFromMustBeText
    case entryBaseDoesNotFit
    case entryIntentDoesNotFit
    case entryListOfGroupNames
    case entryGroupNamesOnly
    // Journal
    case journalCannotOpen
    case journalUnknownField
    case journalCannotRead
    case journalNotStaged
    case journalCannotSettle
    case journalCannotMarkInFlight
    case journalCannotWrite
    case reasonDiskFull
    case reasonFolderReadOnly
    case reasonFileReadOnly
    case reasonPathCannotOpen
    case reasonFileCannotOpen
    // Submit and audit
    case auditUnavailable
    case auditDecidedRowsMissing
    case auditAppliedRowsMissing
    case submitNotAFriend
    case submitNotAFriendWithInfo
    case submitConflict
    /// Stored in the audit log in English (a record, like the log file); shown in the operator's language.
    case auditInfoConflict
    case auditInfoNoOutcome
    case auditInfoReconciled

    case tomlBadName
    case tomlMissingValue

    public var bilingual: Bilingual {
        switch self {
        case .fieldMessage: Bilingual("{field}: {message}", "{field}：{message}")
        case .fieldRemark: Bilingual("Remark", "备注")
        case .fieldGroupName: Bilingual("Group name", "分组名")
        case .fieldGroupNamed: Bilingual("Group \"{name}\"", "分组 \"{name}\"")
        case .fieldCustom: Bilingual("Custom field {key}", "自定义字段 {key}")
        case .fieldGroups: Bilingual("Groups", "分组")
        case .remarkTooLong:
            Bilingual("{size} bytes, the limit is {limit} bytes of UTF-8 (about 32 Chinese characters); shorten it by {count} {count:byte|bytes}",
                      "{size} 字节，上限为 {limit} 字节 UTF-8（约 32 个汉字）；请缩短 {count} 字节")
        case .groupNameEmpty: Bilingual("empty; a group needs a name of 1 to {limit} bytes", "为空；分组名须为 1 到 {limit} 字节")
        case .groupNameTooLong:
            Bilingual("{size} bytes, the limit is {limit} bytes of UTF-8; shorten it by {count} {count:byte|bytes}",
                      "{size} 字节，上限为 {limit} 字节 UTF-8；请缩短 {count} 字节")
        case .customNotConfigured:
            Bilingual("not configured for this app (configured: {configured}); configure it in the Chat console first",
                      "此应用未配置该字段（已配置：{configured}）；请先在即时通信 IM 控制台配置")
        case .customTooLong:
            Bilingual("{size} bytes, the limit is {limit} bytes; shorten it by {count} {count:byte|bytes}",
                      "{size} 字节，上限为 {limit} 字节；请缩短 {count} 字节")
        case .groupsOverLimit:
            Bilingual("the account would have {count} groups (new: {new}), the limit is {limit}; use an existing group or delete an unused one",
                      "该账号将有 {count} 个分组（新增：{new}），上限为 {limit}；请使用已有分组，或删除一个不用的分组")

        case .tomlMissingValue:
            Bilingual("a value is missing (after = or between commas), like a = 1 or x = [\"a\", \"b\"]",
                      "缺少值（= 之后或两个逗号之间），如 a = 1 或 x = [\"a\", \"b\"]")
        case .tomlBadName:
            Bilingual("a table header or key needs a name before and after each dot, like [profiles.sg] or a.b = 1",
                      "表头或键的每个点前后都需要名称，如 [profiles.sg] 或 a.b = 1")
        case .problemLine: Bilingual("{friend} {field}: {message}", "{friend} {field}：{message}")
        case .problemAllFriends: Bilingual("(all)", "（全部）")
        case .notAFriendOfEntry:
            Bilingual("not a friend of {account}; remove the entry or check the UserID", "不是 {account} 的好友；请删除该条目或检查 UserID")
        case .changeDoesNotFit: Bilingual("the change does not fit this field", "该更改不适用于此字段")

        case .fileNotJSONObject:
            Bilingual("not a ContactDesk change-set file (not a JSON object); export one with x on the change-set screen",
                      "不是 ContactDesk 变更集文件（不是 JSON 对象）；请在变更集界面按 x 导出")
        case .fileDuplicateKey:
            Bilingual("{where} has the key \"{key}\" twice; a reader and ContactDesk could see different values: keep one",
                      "{where}中的键 \"{key}\" 出现了两次；其他程序与 ContactDesk 读到的值可能不同：请只保留一个")
        case .fileTheFile: Bilingual("the file", "该文件")
        case .fileNoVersion:
            Bilingual("not a ContactDesk change-set file (no \"version\"); export one with x on the change-set screen",
                      "不是 ContactDesk 变更集文件（没有 \"version\"）；请在变更集界面按 x 导出")
        case .fileVersionTooNew:
            Bilingual("version {version} is newer than this ContactDesk reads ({current}); update ContactDesk",
                      "版本 {version} 比此 ContactDesk 能读取的版本（{current}）新；请更新 ContactDesk")
        case .fileVersionInvalid: Bilingual("version {version} is not a change-set version (1 or 2)", "版本 {version} 不是变更集版本（1 或 2）")
        case .fileUnknownKey: Bilingual("unknown key \"{key}\"; a change-set file has {keys}", "未知的键 \"{key}\"；变更集文件的键为 {keys}")
        case .fileAppNotNumber: Bilingual("\"app\" must be the SDKAppID as a number", "\"app\" 必须是数字形式的 SDKAppID")
        case .fileAppMismatch:
            Bilingual("made for SDKAppID {fileApp}, not {app}; open the matching profile", "此文件属于 SDKAppID {fileApp}，而不是 {app}；请打开对应的配置档")
        case .fileAccountInvalid:
            Bilingual("\"account\" must be the UserID whose friends change (1 to 32 bytes)", "\"account\" 必须是要更改其好友的 UserID（1 到 32 字节）")
        case .fileExportedAtInvalid:
            Bilingual("\"exportedAt\" must be a text such as \"2026-11-27T05:00:00Z\"", "\"exportedAt\" 必须是如 \"2026-11-27T05:00:00Z\" 的文本")
        case .fileEntriesInvalid: Bilingual("\"entries\" must be a list of changes", "\"entries\" 必须是更改的列表")
        case .fileProblemAt: Bilingual("{path}: {problem}", "{path}：{problem}")
        case .entryLabel: Bilingual("entry {number}", "条目 {number}")
        case .entryLabelFriend: Bilingual("entry {number} ({friend})", "条目 {number}（{friend}）")
        case .entryLabelField: Bilingual("entry {number} ({friend} {field})", "条目 {number}（{friend} {field}）")
        case .entryRepeats:
            Bilingual("repeats entry {first} ({friend} {field}); keep one of them", "与条目 {first}（{friend} {field}）重复；请只保留一个")
        case .entryNotObject: Bilingual("must be an object with \"friend\" and \"field\"", "必须是含 \"friend\" 和 \"field\" 的对象")
        case .entryFriendInvalid:
            Bilingual("\"friend\" must be the friend's UserID (1 to 32 bytes)", "\"friend\" 必须是好友的 UserID（1 到 32 字节）")
        case .entryFieldInvalid: Bilingual("\"field\" must be remark, groups or custom:KEY", "\"field\" 必须是 remark、groups 或 custom:KEY")
        case .entryUnknownKey:
            Bilingual("unknown key \"{key}\"; a version {version} entry has {keys}", "未知的键 \"{key}\"；版本 {version} 的条目的键为 {keys}")
        case .entryChangesNothing:
            Bilingual("changes nothing (the new value equals the old); {hint}", "没有任何更改（新值与旧值相同）；{hint}")
        case .entryHintGiveFrom:
            Bilingual("give \"from\" (the friend's groups now) for a remove-only entry", "只移除分组的条目须给出 \"from\"（好友当前的分组）")
        case .entryHintRemove: Bilingual("remove the entry", "请删除该条目")
        case .entryCustomNoName:
            Bilingual("the custom field has no name; write custom:KEY, e.g. custom:Tier", "自定义字段没有名称；请写 custom:KEY，如 custom:Tier")
        case .entryCustomKeyInvalid:
            Bilingual("custom field \"{key}\": a key is 1 to 8 letters (A-Z, a-z)", "自定义字段 \"{key}\"：键须为 1 到 8 个字母（A-Z、a-z）")
        case .entryUnknownField:
            Bilingual("unknown field \"{name}\"; fields are remark, groups and custom:KEY (lower case; nickname cannot be changed)",
                      "未知字段 \"{name}\"；字段为 remark、groups 和 custom:KEY（小写；昵称不可更改）")
        case .entryToNotForGroups:
            Bilingual("\"to\" does not fit groups; a groups entry has \"add\" and \"remove\" (lists of names)",
                      "\"to\" 不适用于 groups；groups 条目使用 \"add\" 和 \"remove\"（名称列表）")
        case .entryGroupsNeedAddRemove:
            Bilingual("a groups entry needs \"add\" or \"remove\" (lists of names)", "groups 条目需要 \"add\" 或 \"remove\"（名称列表）")
        case .entryKeyNotForField:
            Bilingual("\"{key}\" does not fit {field}; a {field} entry has \"from\" and \"to\" (texts)",
                      "\"{key}\" 不适用于 {field}；{field} 条目使用 \"from\" 和 \"to\"（文本）")
        case .entryToMustBeText: Bilingual("\"to\" must be the new text (\"\" clears the field)", "\"to\" 必须是新文本（\"\" 表示清空该字段）")
        case .entryFromMustBeText:
            Bilingual("\"from\" must be the text you saw before the change (\"\" when it was empty): it is how a change made meanwhile is caught",
                      "\"from\" 必须是更改前你看到的文本（原为空则写 \"\"）：借此发现期间他人所做的更改")
        case .entryBaseDoesNotFit: Bilingual("\"base\" does not fit {field}: {shape}", "\"base\" 不适用于 {field}：{shape}")
        case .entryIntentDoesNotFit: Bilingual("\"intent\" does not fit {field}: {shape}", "\"intent\" 不适用于 {field}：{shape}")
        case .entryListOfGroupNames: Bilingual("\"{name}\" must be a list of group names", "\"{name}\" 必须是分组名列表")
        case .entryGroupNamesOnly: Bilingual("\"{name}\" must hold group names (texts) only", "\"{name}\" 只能包含分组名（文本）")

        case .journalCannotOpen:
            Bilingual("cannot save: {reason}; the journal {path} cannot be opened, so nothing can be staged",
                      "无法保存：{reason}；暂存记录 {path} 无法打开，因此无法暂存任何更改")
        case .journalUnknownField: Bilingual("unknown field {field}", "未知字段 {field}")
        case .journalCannotRead: Bilingual("the journal {path} cannot be read ({reason})", "暂存记录 {path} 无法读取（{reason}）")
        case .journalNotStaged:
            Bilingual("NOT staged: {reason} (journal {path}); the edit stays in the form, earlier staged edits are safe",
                      "未暂存：{reason}（暂存记录 {path}）；编辑内容仍在表单中，之前已暂存的更改不受影响")
        case .journalCannotSettle:
            Bilingual("the journal could not drop the applied rows ({reason}); they show as staged until the next submit finds them applied",
                      "暂存记录无法移除已应用的行（{reason}）；在下次提交确认其已应用之前，它们仍显示为已暂存")
        case .journalCannotMarkInFlight:
            Bilingual("NOT sent: the journal could not record the rows in flight ({reason})", "未发送：暂存记录无法记下正在发送的行（{reason}）")
        case .journalCannotWrite: Bilingual("the journal could not be written ({reason})", "暂存记录无法写入（{reason}）")
        case .reasonDiskFull: Bilingual("the disk or the journal is full", "磁盘或暂存记录已满")
        case .reasonFolderReadOnly: Bilingual("{folder} is read-only", "{folder} 是只读的")
        case .reasonFileReadOnly: Bilingual("the file is read-only", "文件是只读的")
        case .reasonPathCannotOpen: Bilingual("{path} cannot be opened", "{path} 无法打开")
        case .reasonFileCannotOpen: Bilingual("the file cannot be opened", "文件无法打开")

        case .auditUnavailable:
            Bilingual("NOT sent: the audit log cannot be written ({reason}); a change nobody can trace is not allowed. Fix the state folder's permissions or free space, then submit again.",
                      "未发送：审计日志无法写入（{reason}）；不允许无法追溯的更改。请修正状态文件夹的权限或释放空间，然后重新提交。")
        case .auditDecidedRowsMissing:
            Bilingual("rows decided without a call are not in the audit log ({reason})", "未经调用即确定结果的行不在审计日志中（{reason}）")
        case .auditAppliedRowsMissing:
            Bilingual("{count} applied {count:row|rows} {count:is|are} on the server but not in the audit log ({problem}); they stay marked and are audited at the next start",
                      "{count} 行已应用到服务端，但不在审计日志中（{problem}）；这些行仍留在暂存记录中，将在下次启动时记入审计日志")
        case .submitNotAFriend: Bilingual("not a friend of {account}", "不是 {account} 的好友")
        case .submitNotAFriendWithInfo: Bilingual("not a friend of {account} ({info})", "不是 {account} 的好友（{info}）")
        case .submitConflict: Bilingual("! conflict: {fields}", "! 冲突：{fields}")
        case .auditInfoConflict:
            Bilingual("conflict: changed on the server since staged; not sent", "冲突：暂存后服务端已更改；未发送")
        case .auditInfoNoOutcome: Bilingual("no outcome", "没有结果")
        case .auditInfoReconciled: Bilingual("reconciled: applied by an interrupted submit", "已核对：由一次中断的提交应用")
        }
    }
}

/// Texts of the friend CSV round trip (`friends list --format csv`, `apply FILE.csv`, `--import FILE.csv`).
/// Column names (UserID, Nickname, Remark, Groups, custom keys) are data and stay as they are.
public enum CSVText: LocalizedText {
    case csvUTF16
    case csvNotEncoding
    case csvNoEncoding
    case csvByteAt
    case csvOpenQuote
    case csvProblem
    case csvProblemWithColumn
    case csvUnknownColumn
    case csvRepeatedColumn
    case csvNoUserID
    case csvCellCount
    case csvEmptyUserID
    case csvRepeatedUserID
    case csvNotAFriend
    case csvEmpty
    case needsAccount
    case wrongKind
    case dryRunChange
    case dryRunCleared
    case dryRunSummary
    case nothingToChange
    case refused
    case refusedSkipInvalid
    case skipping
    case read

    public var bilingual: Bilingual {
        switch self {
        case .csvUTF16:
            Bilingual("the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as \"CSV UTF-8\" and try again",
                      "文件为 UTF-16 编码（以 UTF-16 字节顺序标记开头）；请另存为“CSV UTF-8”后重试")
        case .csvNotEncoding: Bilingual("the file is not {encoding}: {where}; check --encoding", "文件不是 {encoding} 编码：{where}；请检查 --encoding")
        case .csvNoEncoding:
            Bilingual("the file is neither UTF-8 nor GB18030 ({where}); save it as \"CSV UTF-8\" or name the encoding with --encoding",
                      "文件既不是 UTF-8 也不是 GB18030 编码（{where}）；请另存为“CSV UTF-8”，或用 --encoding 指定编码")
        case .csvByteAt: Bilingual("byte {byte} at offset {offset}", "偏移 {offset} 处的字节 {byte}")
        case .csvOpenQuote:
            Bilingual("a quote opened on line {line} is never closed; a quoted cell ends with \" before the next comma or line end",
                      "第 {line} 行开始的引号没有闭合；带引号的单元格须在下一个逗号或行尾前以 \" 结束")
        case .csvProblem: Bilingual("{place}: {message}", "{place}：{message}")
        case .csvProblemWithColumn: Bilingual("{place}: {column}: {message}", "{place}：{column}：{message}")
        case .csvUnknownColumn:
            Bilingual("unknown column; the columns are {known} (a custom field counts once the app has configured it: --custom-field KEY or the profile's custom_fields)",
                      "未知的列；可用的列为 {known}（自定义字段须已为应用配置：--custom-field KEY 或配置档的 custom_fields）")
        case .csvRepeatedColumn: Bilingual("the column appears twice; keep one", "该列出现了两次；请只保留一列")
        case .csvNoUserID: Bilingual("no UserID column; it is required (the columns are {known})", "缺少 UserID 列，它是必需的（可用的列为 {known}）")
        case .csvCellCount:
            Bilingual("{count} {count:cell|cells}, the header has {columns}; a cell with a comma must be quoted", "有 {count} 个单元格，表头有 {columns} 列；含逗号的单元格须加引号")
        case .csvEmptyUserID: Bilingual("empty; every row needs the friend's UserID", "为空；每行都需要好友的 UserID")
        case .csvRepeatedUserID: Bilingual("{id} is on line {first} already; keep one row per friend", "{id} 已在第 {first} 行出现；每位好友只保留一行")
        case .csvNotAFriend: Bilingual("{id} is not a friend of {account}; remove the row or check the UserID", "{id} 不是 {account} 的好友；请删除该行或检查 UserID")
        case .csvEmpty: Bilingual("the file is empty; it needs a header row (UserID,Remark,...)", "文件为空；需要表头行（UserID,Remark,...）")
        case .needsAccount:
            Bilingual("{file} is a CSV, which names no account: give --account ID", "{file} 是 CSV 文件，其中没有账号：请用 --account ID 指定")
        case .wrongKind:
            Bilingual("{file} is neither a change-set file (JSON) nor a friend CSV: {problem}", "{file} 既不是变更集文件（JSON）也不是好友 CSV：{problem}")
        case .dryRunChange: Bilingual("  {column}: {old} -> {new}", "  {column}：{old} -> {new}")
        case .dryRunCleared: Bilingual("(cleared)", "（清空）")
        case .dryRunSummary:
            Bilingual("{changes} {changes:change|changes} for {friends} {friends:friend|friends} of {account}; {unchanged} {unchanged:row changes|rows change} nothing; nothing was sent (dry run)",
                      "{account} 的 {friends} 位好友共 {changes} 项更改；{unchanged} 行无更改；未发送任何内容（试运行）")
        case .nothingToChange:
            Bilingual("{file}: nothing to change: every cell is what {account} has now ({rows} {rows:row|rows})",
                      "{file}：无需更改：每个单元格都与 {account} 当前的值相同（{rows} 行）")
        case .refused: Bilingual("nothing was applied: fix the cells above, or use --skip-invalid to leave those rows out", "未应用任何更改：请修正上述单元格，或使用 --skip-invalid 跳过这些行")
        case .refusedSkipInvalid: Bilingual("nothing was applied: the problems above cannot be skipped row by row", "未应用任何更改：上述问题无法逐行跳过")
        case .skipping: Bilingual("leaving out {count} {count:change|changes} with problems", "跳过 {count} 项有问题的更改")
        case .read: Bilingual("{file}: {encoding}, {rows} {rows:row|rows}", "{file}：{encoding}，{rows} 行")
        }
    }
}

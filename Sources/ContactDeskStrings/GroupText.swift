/// Texts of group operations (create, delete, rename, merge): the change set, `contactdesk groups` and the group
/// pane. Group names are data and appear as given.
public enum GroupText: LocalizedText {
    case summaryCreate
    case summaryDelete
    case summaryRename
    case summaryMerge
    case problemNoSuchGroup
    case problemExists
    case problemExistsUseMerge
    case problemLimit
    case problemMergeSelf
    case earlierOperationFailed
    case membersRemain
    case touches

    case cliListHeadingGroup
    case cliListHeadingFriends
    case cliNoGroups
    case cliNeedsName
    case cliDryRunHeader
    case cliWouldAdd
    case cliWouldMove
    case cliWouldDelete
    case cliNothingToDo
    case cliNothingSent
    case cliMoved
    case cliResult
    case cliFinishing
    case cliSummary
    case cliRefusedBeforeSending
    case cliProblem

    case paneSortByName
    case paneSortByCount
    case paneEmpty
    case formCreateTitle
    case formRenameTitle
    case formMergeTitle
    case formName
    case formNewName
    case formKeys
    case formMergeKeys
    case confirmDelete
    case confirmDeleteEmpty
    case confirmRename
    case confirmMerge
    case confirmKeys
    case readOnly
    case limitOffer
    case statusStaged
    case statusNotStaged
    case statusChooseGroup
    case statusPending
    case statusNoMergeTarget
    case statusSortedByCount
    case statusSortedByName
    case rowAccount
    case kindCreate
    case kindDelete
    case kindRename
    case kindMerge
    case deleted
    case none
    case submitAlso
    case headingOperations
    case headerCount
    case submitOnlyOperations
    case fileOperationsNotList
    case fileOperationLabel
    case fileOperationNotObject
    case fileOperationUnknownKey
    case fileOperationNeeds
    case fileOperationTarget
    case fileOperationFriends
    case fileOperationKind

    public var bilingual: Bilingual {
        switch self {
        case .summaryCreate: Bilingual("create group {name}", "新建分组 {name}")
        case .summaryDelete: Bilingual("delete group {name}", "删除分组 {name}")
        case .summaryRename: Bilingual("rename group {from} -> {to}", "重命名分组 {from} -> {to}")
        case .summaryMerge: Bilingual("merge group {from} into {into}", "将分组 {from} 合并到 {into}")
        case .problemNoSuchGroup:
            Bilingual("there is no group \"{name}\"; check the name (`contactdesk groups list` shows them)",
                      "没有名为 \"{name}\" 的分组；请检查名称（`contactdesk groups list` 可列出分组）")
        case .problemExists: Bilingual("the group \"{name}\" exists already; choose another name", "分组 \"{name}\" 已存在；请换一个名称")
        case .problemExistsUseMerge:
            Bilingual("the group \"{name}\" exists already; to put both groups' friends together, merge instead",
                      "分组 \"{name}\" 已存在；如要把两个分组的好友放在一起，请改用合并")
        case .problemLimit:
            Bilingual("the account has {count} groups and the limit is {limit}; delete or merge an unused group first",
                      "该账号已有 {count} 个分组，上限为 {limit}；请先删除或合并一个不用的分组")
        case .problemMergeSelf: Bilingual("a group cannot be merged into itself; choose another group", "分组不能合并到自身；请选择另一个分组")
        case .earlierOperationFailed:
            Bilingual("not sent: the earlier \"{operation}\" did not finish", "未发送：之前的“{operation}”未完成")
        case .membersRemain:
            Bilingual("{count} {count:friend is|friends are} still in \"{name}\"; it was not deleted; submit again",
                      "仍有 {count} 位好友在 \"{name}\" 中，未删除该分组；请再次提交")
        case .touches: Bilingual("{count} {count:friend|friends}", "{count} 位好友")

        case .cliListHeadingGroup: Bilingual("GROUP", "分组")
        case .cliListHeadingFriends: Bilingual("FRIENDS", "好友数")
        case .cliNoGroups: Bilingual("{account} has no friend groups", "{account} 没有好友分组")
        case .cliNeedsName: Bilingual("give at least one group name", "请至少给出一个分组名")
        case .cliDryRunHeader: Bilingual("{operation} (dry run)", "{operation}（试运行）")
        case .cliWouldAdd: Bilingual("  would send group_add {name}", "  将发送 group_add {name}")
        case .cliWouldMove: Bilingual("  {friend}  would send friend_update groups: {old} -> {new}", "  {friend}  将发送 friend_update 分组：{old} -> {new}")
        case .cliWouldDelete: Bilingual("  would send group_delete {name}", "  将发送 group_delete {name}")
        case .cliNothingToDo: Bilingual("  nothing to do: the service already has this", "  无需操作：服务端已是此状态")
        case .cliNothingSent: Bilingual("dry run: nothing was sent", "试运行：未发送任何内容")
        case .cliMoved: Bilingual("  {friend}  {old} -> {new}  {result}", "  {friend}  {old} -> {new}  {result}")
        case .cliResult: Bilingual("{operation}  {result}", "{operation}  {result}")
        case .cliFinishing: Bilingual("finishing an interrupted operation: {operation}", "继续完成中断的操作：{operation}")
        case .cliSummary:
            Bilingual("{done} done, {failed} not done, {moved} {moved:friend|friends} moved",
                      "{done} 项完成，{failed} 项未完成，移动了 {moved} 位好友")
        case .cliRefusedBeforeSending:
            Bilingual("{operation}  {result} (checked before sending; nothing was sent)", "{operation}  {result}（发送前检查；未发送任何内容）")
        case .cliProblem: Bilingual("{operation}: {problem}", "{operation}：{problem}")

        case .paneSortByName: Bilingual("by name", "按名称")
        case .paneSortByCount: Bilingual("by friends", "按好友数")
        case .paneEmpty: Bilingual("empty", "空")
        case .formCreateTitle: Bilingual("New friend group", "新建好友分组")
        case .formRenameTitle: Bilingual("Rename group \"{name}\" ({count} {count:friend|friends})", "重命名分组 \"{name}\"（{count} 位好友）")
        case .formMergeTitle: Bilingual("Merge \"{name}\" ({count} {count:friend|friends}) into:", "将 \"{name}\"（{count} 位好友）合并到：")
        case .formName: Bilingual("Name", "名称")
        case .formNewName: Bilingual("New name", "新名称")
        case .formKeys: Bilingual("{accept} stage  {cancel} cancel", "{accept} 暂存  {cancel} 取消")
        case .formMergeKeys: Bilingual("↑↓ choose  {accept} stage  {cancel} cancel", "↑↓ 选择  {accept} 暂存  {cancel} 取消")
        case .confirmDelete:
            Bilingual("Delete group \"{name}\"? Its {count} {count:friend leaves|friends leave} the group and stay friends.",
                      "删除分组 \"{name}\"？其中 {count} 位好友将移出该分组，仍是好友。")
        case .confirmDeleteEmpty: Bilingual("Delete the empty group \"{name}\"?", "删除空分组 \"{name}\"？")
        case .confirmRename: Bilingual("{count} {count:friend moves|friends move} to \"{name}\".", "{count} 位好友将移到 \"{name}\"。")
        case .confirmMerge: Bilingual("{count} {count:friend moves|friends move} to \"{name}\".", "{count} 位好友将移到 \"{name}\"。")
        case .confirmKeys: Bilingual("{key} stage  anything else keeps it (default No)", "{key} 暂存  其他键不暂存（默认否）")
        case .readOnly: Bilingual("read-only: groups cannot be changed", "只读：不能更改分组")
        case .statusStaged:
            Bilingual("staged: {operation} ({members} {members:friend|friends}); {total} staged in all",
                      "已暂存：{operation}（{members} 位好友）；共暂存 {total} 项")
        case .statusNotStaged: Bilingual("not staged", "未暂存")
        case .statusChooseGroup: Bilingual("choose a group first (the first row is all friends)", "请先选择一个分组（第一行是全部好友）")
        case .statusPending:
            Bilingual("this group already has a staged change ({operation}); drop it on the change-set screen first",
                      "该分组已有暂存的更改（{operation}）；请先在变更集界面丢弃它")
        case .statusNoMergeTarget: Bilingual("there is no other group to merge into", "没有可合并到的其他分组")
        case .statusSortedByCount: Bilingual("groups by friends, emptiest first", "分组按好友数排列，最空的在前")
        case .statusSortedByName: Bilingual("groups in the service's order", "分组按服务端顺序排列")
        case .rowAccount: Bilingual("(groups)", "（分组）")
        case .kindCreate: Bilingual("new group", "新建分组")
        case .kindDelete: Bilingual("delete group", "删除分组")
        case .kindRename: Bilingual("rename group", "重命名分组")
        case .kindMerge: Bilingual("merge group", "合并分组")
        case .deleted: Bilingual("(deleted)", "（已删除）")
        case .none: Bilingual("(none)", "（无）")
        case .submitAlso:
            Bilingual("and {count} group {count:operation|operations} first (they run before the friend rows)",
                      "另有 {count} 项分组操作（先于好友行执行）")
        case .headingOperations: Bilingual(", {count} group {count:operation|operations}", "，{count} 项分组操作")
        case .headerCount: Bilingual("groups {count}/{limit}", "分组 {count}/{limit}")
        case .fileOperationsNotList: Bilingual("\"groupOperations\" must be a list", "\"groupOperations\" 必须是列表")
        case .fileOperationLabel: Bilingual("group operation {number}", "分组操作 {number}")
        case .fileOperationNotObject: Bilingual("must be an object", "必须是对象")
        case .fileOperationUnknownKey: Bilingual("unknown key \"{key}\"; keys are {keys}", "未知键 \"{key}\"；可用的键为 {keys}")
        case .fileOperationNeeds: Bilingual("needs \"operation\" and \"group\" (texts)", "需要 \"operation\" 和 \"group\"（文本）")
        case .fileOperationTarget: Bilingual("\"target\" must be a group name (text)", "\"target\" 必须是分组名（文本）")
        case .fileOperationFriends: Bilingual("\"friends\" must be a whole number of 0 or more", "\"friends\" 必须是不小于 0 的整数")
        case .fileOperationKind:
            Bilingual("\"operation\" is create, delete, rename or merge; rename and merge need \"target\", the others must not have it",
                      "\"operation\" 为 create、delete、rename 或 merge；rename 和 merge 需要 \"target\"，其他操作不能有它")
        case .submitOnlyOperations:
            Bilingual("Run {count} staged group {count:operation|operations} on {account} in app {app}?",
                      "在 {account}（应用 {app}）上执行 {count} 项已暂存的分组操作？")
        case .limitOffer:
            Bilingual("The account has {count} of {limit} groups: press {key} to open the groups, emptiest first, and delete or merge one.",
                      "该账号已有 {count}/{limit} 个分组：按 {key} 打开分组列表（最空的在前），删除或合并一个。")
        }
    }
}

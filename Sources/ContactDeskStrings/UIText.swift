/// The screens' own words: header, list, footer, forms, dialogs, help, the detail view. Key names in them
/// (`{accept}`, `{cancel}`, …) are the live key map's, filled in by the view.
public enum UIText: LocalizedText {
    // Header and list
    case readOnlyBadge, demoEndpoint, friendsLoading, friendCount, markedCount, stagedCount, appID, refreshing, loading
    case columnResult, fieldRemark, fieldGroups, fieldCustom, fieldHeading, nicknameAfter
    case loadingFriends, listLoadFailed, noFriends, noMatch
    case matches, filterPart, groupPart, reloadingAll, receivedSoFar, submittingProgress, filterPromptHint
    case footerReadOnly
    // Group pane
    case groupPaneFocused, groupPane, groupAll, groupsFull
    // Too small
    case tooSmall, tooSmallNeeds, tooSmallHint
    // Help and details
    case helpTitle, helpKeysConfig, detailsTitle
    case detailFriend, detailResultOK, detailResultFailed, detailMeaning, detailServiceSaid, detailWhatToDo, detailStillStaged
    case detailNotSent, detailNotSentUnknown, detailConflict, detailWhenStaged, detailOnServer, detailYours, detailConflictKeys
    case detailLastMessage, detailAtStart, detailNothing
    case summaryMore, summaryFailed, summaryServiceSaid, summaryConflict, summaryNotSent, summaryApplied
    // Open account
    case openTitle, openChecking, openKeys, openTypeUserID, openTooLong, openNotImported
    // Edit form
    case editTitle, editRemark, editGroups, editNoGroups, editRangeOf, editGroupCount, editTypeToFilter, editFilter
    case editChosen, editToggles, editAccountHasNoGroups, editNoGroupContains, editNewGroup, editCaseTwin
    case formHint
    // Bulk form
    case bulkTitle, bulkChange, bulkHint, bulkFindEmpty, bulkTypeName
    case bulkAddGroup, bulkRemoveGroup, bulkSetField, bulkClearField, bulkReplaceRemark
    case bulkLabelGroup, bulkLabelField, bulkLabelFind, bulkLabelValue, bulkLabelReplace
    case bulkWouldChange, bulkHiddenNote, bulkNothingToStage
    case bulkWhyAddGroup, bulkWhyRemoveGroup, bulkWhySetField, bulkWhyClearField, bulkWhyReplace
    // Change-set screen
    case empty, changeSetHeading, nothingStagedReadOnly, nothingStaged
    case reviewSearchKeys, reviewDrop, reviewUndo, reviewRedo, reviewExport, reviewSearch, reviewSearchNext, reviewMove, reviewBack
    // Dialogs
    case resumeTitle, resumeBody, resumeKeys, resumeFooter
    case submitTitle, retryTitle, submitQuestion, retryQuestion, submitConflictsNote, submitFooter, retryFooter
    case quitTitle, quitStaged, quitRunning, quitRunningFor, quitFooter
    // Key map and config problems
    case keysUnknownAction, keysNotAKey, keysBoundTwice

    public var bilingual: Bilingual {
        switch self {
        case .readOnlyBadge: Bilingual("READ-ONLY", "只读")
        case .demoEndpoint: Bilingual("demo {address}", "演示 {address}")
        case .friendsLoading: Bilingual("… friends", "… 位好友")
        case .friendCount: Bilingual("{count} {count:friend|friends}", "{count} 位好友")
        case .markedCount: Bilingual("{count} marked", "已标记 {count} 位")
        case .stagedCount: Bilingual("{count} staged", "已暂存 {count} 项")
        case .appID: Bilingual("app {id}", "应用 {id}")
        case .refreshing: Bilingual(" refreshing ", " 刷新中 ")
        case .loading: Bilingual(" loading ", " 加载中 ")
        case .columnResult: Bilingual("Result", "结果")
        case .fieldRemark: Bilingual("remark", "备注")
        case .fieldGroups: Bilingual("groups", "分组")
        case .fieldCustom: Bilingual("custom:{name}", "自定义:{name}")
        case .fieldHeading: Bilingual("{field}:", "{field}：")
        case .nicknameAfter: Bilingual(" ({nickname})", "（{nickname}）")
        case .loadingFriends: Bilingual("Loading friends…", "正在加载好友…")
        case .listLoadFailed: Bilingual("The friend list could not be loaded; {refresh} retries.", "无法加载好友列表；按 {refresh} 重试。")
        case .noFriends: Bilingual("{account} has no friends.", "{account} 没有好友。")
        case .noMatch: Bilingual("No friend matches the filter.", "没有符合筛选条件的好友。")
        case .matches: Bilingual("{count} {count:match|matches}", "{count} 个匹配")
        case .filterPart: Bilingual("filter \"{filter}\": {matches} · {cancel} clears", "筛选“{filter}”：{matches} · {cancel} 清除")
        case .groupPart: Bilingual("group {group}", "分组 {group}")
        case .reloadingAll: Bilingual("reloading all {count} {count:friend|friends}…", "正在重新加载全部 {count} 位好友…")
        case .receivedSoFar: Bilingual("loading friends… {count} received", "正在加载好友… 已收到 {count} 位")
        case .submittingProgress: Bilingual("submitting [{bar}] {done}/{total} rows", "正在提交 [{bar}] {done}/{total} 行")
        case .filterPromptHint: Bilingual("  {matches}  ({accept} keeps, {cancel} clears)", "  {matches}（{accept} 保留，{cancel} 清除）")
        case .footerReadOnly: Bilingual("read-only", "只读")
        case .groupPaneFocused: Bilingual("Groups {count} · {accept} picks", "分组 {count} · {accept} 选择")
        case .groupPane: Bilingual("Groups {count} ({key})", "分组 {count}（{key}）")
        case .groupAll: Bilingual("All", "全部")
        case .groupsFull: Bilingual("{count}/32 groups (full)", "{count}/32 个分组（已满）")
        case .tooSmall: Bilingual("Terminal too small: {width}x{height}", "终端窗口太小：{width}x{height}")
        case .tooSmallNeeds: Bilingual("ContactDesk needs {width}x{height}.", "ContactDesk 至少需要 {width}x{height}。")
        case .tooSmallHint: Bilingual("Enlarge it, or press {key} to quit.", "请放大窗口，或按 {key} 退出。")
        case .helpTitle: Bilingual("Help · any key closes · {down}/{up} scroll", "帮助 · 任意键关闭 · {down}/{up} 滚动")
        case .helpKeysConfig: Bilingual("Keys can be changed in config.toml under [keys], e.g. quit = [\"q\", \"Ctrl-Q\"].",
                                        "可在 config.toml 的 [keys] 中修改按键，例如 quit = [\"q\", \"Ctrl-Q\"]。")
        case .detailsTitle: Bilingual("Details · any key closes · {down}/{up} scroll", "详情 · 任意键关闭 · {down}/{up} 滚动")
        case .detailFriend: Bilingual("Friend: {id}", "好友：{id}")
        case .detailResultOK: Bilingual("Result: ✓ applied", "结果：✓ 已应用")
        case .detailResultFailed: Bilingual("Result: ✗ {code} {name}", "结果：✗ {code} {name}")
        case .detailMeaning: Bilingual("Meaning: {meaning}", "含义：{meaning}")
        case .detailServiceSaid: Bilingual("The service said: {said}", "服务端返回：{said}")
        case .detailWhatToDo: Bilingual("What to do: {hint}", "处理建议：{hint}")
        case .detailStillStaged: Bilingual("Still staged: {retry} retries the failed rows (asks first).", "仍处于暂存状态：按 {retry} 重试失败的行（先确认）。")
        case .detailNotSent: Bilingual("Result: not sent ({reason})", "结果：未发送（{reason}）")
        case .detailNotSentUnknown: Bilingual("Whether the server applied it is unknown: {retry} re-reads the row before sending it again.",
                                              "不确定服务端是否已应用：按 {retry} 会先重新读取该行再发送。")
        case .detailConflict: Bilingual("Result: ! conflict: changed on the server since you staged it; not sent", "结果：! 冲突：暂存后服务端已有改动；未发送")
        case .detailWhenStaged: Bilingual("  when you staged it: {value}", "  暂存时的值：{value}")
        case .detailOnServer: Bilingual("  on the server now:  {value}", "  服务端现值：{value}")
        case .detailYours: Bilingual("  yours:              {value}", "  你的值：    {value}")
        case .detailConflictKeys: Bilingual("{keep} keeps yours (the next submit sends it) · {take} takes the server's", "{keep} 保留你的值（下次提交时发送）· {take} 采用服务端的值")
        case .detailLastMessage: Bilingual("Last message: {text}", "最近消息：{text}")
        case .detailAtStart: Bilingual("At start: {text}", "启动时：{text}")
        case .detailNothing: Bilingual("Nothing to show: the selected row has no result and there is no message.", "无可显示内容：所选行没有结果，也没有消息。")
        case .summaryMore: Bilingual(" · {key} details", " · {key} 详情")
        case .summaryFailed: Bilingual("{id}: ✗ {result} · {hint}", "{id}：✗ {result} · {hint}")
        case .summaryServiceSaid: Bilingual(" · the service said: {said}", " · 服务端返回：{said}")
        case .summaryConflict: Bilingual("{id}: {fields} changed on the server since you staged it · {keep} keeps yours, {take} takes theirs",
                                         "{id}：暂存后服务端改动了 {fields} · {keep} 保留你的值，{take} 采用服务端的值")
        case .summaryNotSent: Bilingual("{id}: not sent: {reason} · {retry} retries after re-reading", "{id}：未发送：{reason} · 按 {retry} 重新读取后重试")
        case .summaryApplied: Bilingual("{id}: ✓ applied", "{id}：✓ 已应用")
        case .openTitle: Bilingual("Open account", "打开账号")
        case .openChecking: Bilingual("checking with account_check…", "正在用 account_check 检查…")
        case .openKeys: Bilingual("{accept} open · {cancel} cancel", "{accept} 打开 · {cancel} 取消")
        case .openTypeUserID: Bilingual("type a UserID", "请输入 UserID")
        case .openTooLong: Bilingual("a UserID is at most 32 bytes; this one is {bytes}", "UserID 最多 32 字节；当前为 {bytes} 字节")
        case .openNotImported: Bilingual("account {id} does not exist in this app (account_check: NotImported)", "账号 {id} 在此应用中不存在（account_check: NotImported）")
        case .editTitle: Bilingual("Edit {id} · {accept} stages · {cancel} cancels", "编辑 {id} · {accept} 暂存 · {cancel} 取消")
        case .editRemark: Bilingual("Remark", "备注")
        case .editGroups: Bilingual("Groups", "分组")
        case .editNoGroups: Bilingual("no groups", "没有分组")
        case .editRangeOf: Bilingual("{first}–{last} of {count}", "{first}–{last}，共 {count} 个")
        case .editGroupCount: Bilingual("{count} {count:group|groups}", "{count} 个分组")
        case .editTypeToFilter: Bilingual(" · type to filter", " · 输入文字筛选")
        case .editFilter: Bilingual(" · filter \"{filter}\"", " · 筛选“{filter}”")
        case .editChosen: Bilingual("{count} chosen · {range}{filter}", "已选 {count} 个 · {range}{filter}")
        case .editToggles: Bilingual(" · {key} toggles", " · {key} 勾选")
        case .editAccountHasNoGroups: Bilingual("(the account has no groups yet)", "（该账号还没有分组）")
        case .editNoGroupContains: Bilingual("(no group contains \"{filter}\")", "（没有分组包含“{filter}”）")
        case .editNewGroup: Bilingual("New group", "新分组")
        case .editCaseTwin: Bilingual("\"{name}\" differs from the existing group \"{twin}\" only by case; check \"{twin}\" instead, or press {accept} again to create \"{name}\" beside it",
                                      "“{name}”与已有分组“{twin}”仅大小写不同；请改为勾选“{twin}”，或再按 {accept} 另建“{name}”")
        case .formHint: Bilingual("{move} move · {edit} edit", "{move} 移动 · {edit} 编辑")
        case .bulkTitle: Bilingual("Bulk edit {count} marked {count:friend|friends} · {accept} stages · {cancel} cancels",
                                   "批量编辑 {count} 位已标记好友 · {accept} 暂存 · {cancel} 取消")
        case .bulkChange: Bilingual("Change", "操作")
        case .bulkHint: Bilingual("Left/Right on the first line chooses the change; {key} moves", "在第一行用左右键选择操作；{key} 移动")
        case .bulkFindEmpty: Bilingual("Find: type the text to replace", "查找：请输入要替换的文字")
        case .bulkTypeName: Bilingual("{label}: type a name", "{label}：请输入名称")
        case .bulkAddGroup: Bilingual("Add to group", "加入分组")
        case .bulkRemoveGroup: Bilingual("Remove from group", "移出分组")
        case .bulkSetField: Bilingual("Set custom field", "设置自定义字段")
        case .bulkClearField: Bilingual("Clear custom field", "清空自定义字段")
        case .bulkReplaceRemark: Bilingual("Find and replace in remarks", "在备注中查找替换")
        case .bulkLabelGroup: Bilingual("Group", "分组")
        case .bulkLabelField: Bilingual("Field", "字段")
        case .bulkLabelFind: Bilingual("Find", "查找")
        case .bulkLabelValue: Bilingual("Value", "值")
        case .bulkLabelReplace: Bilingual("Replace", "替换为")
        case .bulkWouldChange: Bilingual("{changed} of {count} marked {count:friend|friends} would change{hidden}", "{count} 位已标记好友中有 {changed} 位会更改{hidden}")
        case .bulkHiddenNote: Bilingual(" ({hidden} of them hidden by the filter)", "（其中 {hidden} 位被筛选隐藏）")
        case .bulkNothingToStage: Bilingual("nothing to stage: {why}", "没有可暂存的更改：{why}")
        case .bulkWhyAddGroup: Bilingual("every marked friend is in \"{group}\" already", "所有已标记好友都已在“{group}”中")
        case .bulkWhyRemoveGroup: Bilingual("no marked friend is in \"{group}\"", "已标记好友都不在“{group}”中")
        case .bulkWhySetField: Bilingual("every marked friend has {field} = \"{value}\" already", "所有已标记好友的 {field} 已是“{value}”")
        case .bulkWhyClearField: Bilingual("no marked friend has a {field} value", "已标记好友的 {field} 均为空")
        case .bulkWhyReplace: Bilingual("no marked friend's remark contains \"{find}\"", "没有已标记好友的备注包含“{find}”")
        case .empty: Bilingual("(empty)", "（空）")
        case .changeSetHeading: Bilingual("  Change set: {fields} staged {fields:field|fields} in {friends} {friends:friend|friends}   old -> new{position}",
                                          "  变更集：{friends} 位好友的 {fields} 个已暂存字段   旧 -> 新{position}")
        case .nothingStagedReadOnly: Bilingual("Nothing staged (read-only: editing is off).", "没有已暂存的更改（只读：编辑已关闭）。")
        case .nothingStaged: Bilingual("Nothing staged. {edit} edits a friend, {bulk} edits the marked ones.", "没有已暂存的更改。按 {edit} 编辑好友，按 {bulk} 编辑已标记的好友。")
        case .reviewSearchKeys: Bilingual("  {accept} keeps · {cancel} ends the search", "  {accept} 保留 · {cancel} 结束搜索")
        case .reviewDrop: Bilingual("{key} drop", "{key} 丢弃")
        case .reviewUndo: Bilingual("{key} undo", "{key} 撤销")
        case .reviewRedo: Bilingual("{key} redo", "{key} 重做")
        case .reviewExport: Bilingual("{key} export", "{key} 导出")
        case .reviewSearch: Bilingual("{key} search", "{key} 搜索")
        case .reviewSearchNext: Bilingual("{key} search ({next} next)", "{key} 搜索（{next} 下一个）")
        case .reviewMove: Bilingual("{keys} move", "{keys} 移动")
        case .reviewBack: Bilingual("{key} back", "{key} 返回")
        case .resumeTitle: Bilingual("Staged changes found", "发现已暂存的更改")
        case .resumeBody: Bilingual("{count} staged {count:change|changes} for {account} waiting in the journal (not submitted yet).",
                                    "{account} 有 {count} 项已暂存的更改保存在暂存记录中（尚未提交）。")
        case .resumeKeys: Bilingual("{keep} resume them · {export} export them to a file · {discard} discard them", "{keep} 恢复 · {export} 导出到文件 · {discard} 丢弃")
        case .resumeFooter: Bilingual("Nothing is sent until you submit.", "提交之前不会发送任何内容。")
        case .submitTitle: Bilingual("Submit", "提交")
        case .retryTitle: Bilingual("Retry", "重试")
        case .submitQuestion: Bilingual("Send {count} staged {count:change|changes} for {friends} {friends:friend|friends} of {account} in app {app} to the server?",
                                        "将 {account}（应用 {app}）中 {friends} 位好友的 {count} 项已暂存的更改发送到服务端？")
        case .retryQuestion: Bilingual("Send {count} failed or unsent {count:change|changes} for {friends} {friends:friend|friends} of {account} in app {app} to the server?",
                                       "将 {account}（应用 {app}）中 {friends} 位好友的 {count} 项失败或未发送的更改重新发送到服务端？")
        case .submitConflictsNote: Bilingual("Changed-on-server fields are not sent (conflicts).", "服务端已改动的字段不会发送（冲突）。")
        case .submitFooter: Bilingual("{key} submit · any other key: no (default)", "{key} 提交 · 其他任意键：否（默认）")
        case .retryFooter: Bilingual("{key} retry · any other key: no (default)", "{key} 重试 · 其他任意键：否（默认）")
        case .quitTitle: Bilingual("Quit ContactDesk?", "退出 ContactDesk？")
        case .quitStaged: Bilingual("{count} staged {count:change is|changes are} not submitted; the journal keeps {count:it|them} and the next start offers {count:it|them} again.",
                                    "{count} 项已暂存的更改尚未提交；暂存记录会保留它们，下次启动时会再次提示。")
        case .quitRunning: Bilingual("A submit is running ({done}/{total} {total:row|rows}): rows on the wire are checked against the server at the next start.",
                                     "正在提交（{done}/{total} 行）：已发出的行会在下次启动时与服务端核对。")
        case .quitRunningFor: Bilingual("A submit for {account} is running ({done}/{total} {total:row|rows}): rows on the wire are checked against the server at the next start.",
                                        "{account} 的提交正在进行（{done}/{total} 行）：已发出的行会在下次启动时与服务端核对。")
        case .quitFooter: Bilingual("{key} quit · any other key: stay (default)", "{key} 退出 · 其他任意键：不退出（默认）")
        case .keysUnknownAction: Bilingual("keys: unknown action \"{id}\"; actions are {actions}", "keys：未知操作“{id}”；可用操作有 {actions}")
        case .keysNotAKey: Bilingual("keys: \"{name}\" for {id} is not a key name (examples: j, Ctrl-R, Alt-b, PgDn, Space, F1)",
                                     "keys：{id} 的“{name}”不是按键名（例如 j、Ctrl-R、Alt-b、PgDn、Space、F1）")
        case .keysBoundTwice: Bilingual("keys: {key} is bound to both {other} and {action} in the {context} context; {action} loses it",
                                        "keys：{key} 在 {context} 上下文中同时绑定了 {other} 和 {action}；该键归 {other}，{action} 不再使用")
        }
    }
}

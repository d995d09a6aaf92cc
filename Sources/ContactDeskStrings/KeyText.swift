/// The key map's words: one line of help per action (raw values are the action ids of config.toml's [keys]),
/// the help screen's context headings and the footer's short labels.
public enum KeyText: String, LocalizedText {
    case moveDown = "move.down", moveUp = "move.up", pageDown = "page.down", pageUp = "page.up"
    case top, bottom, filter, sort
    case sortReverse = "sort.reverse"
    case mark
    case markAll = "mark.all"
    case markInvert = "mark.invert"
    case groups
    case openAccount = "account.open"
    case refresh, help, quit, edit, bulk
    case changeSet = "changes"
    case undo, redo, submit, retry, details
    case copyID = "copy.id"
    case copyDetail = "copy.detail"
    case keepMine = "conflict.keep"
    case takeTheirs = "conflict.take"
    case dropEntry = "changes.drop"
    case export = "changes.export"
    case reviewSearch = "changes.search"
    case reviewNext = "changes.next"
    case dialogAccept = "dialog.accept"
    case dialogCancel = "dialog.cancel"
    case confirmYes = "dialog.yes"
    case resumeKeep = "resume.keep"
    case resumeDiscard = "resume.discard"
    case resumeExport = "resume.export"
    case formNext = "form.next", formPrevious = "form.previous", formToggle = "form.toggle"
    case fieldStart = "field.start", fieldEnd = "field.end"
    case fieldKillToEnd = "field.kill-end", fieldKillToStart = "field.kill-start", fieldKillWord = "field.kill-word"
    case fieldYank = "field.yank", fieldWordBack = "field.word-back", fieldWordForward = "field.word-forward"
    case groupCreate = "group.create", groupRename = "group.rename", groupDelete = "group.delete", groupMerge = "group.merge"
    case groupSort = "group.sort"

    public var bilingual: Bilingual {
        switch self {
        case .moveDown: Bilingual("next friend", "下一位好友")
        case .moveUp: Bilingual("previous friend", "上一位好友")
        case .pageDown: Bilingual("next page", "下一页")
        case .pageUp: Bilingual("previous page", "上一页")
        case .top: Bilingual("first friend", "第一位好友")
        case .bottom: Bilingual("last friend", "最后一位好友")
        case .filter: Bilingual("filter by id, nickname, remark or group (Esc clears)", "按 UserID、昵称、备注或分组筛选（Esc 清除）")
        case .sort: Bilingual("sort by the next column", "按下一列排序")
        case .sortReverse: Bilingual("reverse the sort order", "反转排序")
        case .mark: Bilingual("mark or unmark the friend", "标记或取消标记该好友")
        case .markAll: Bilingual("mark all shown (again: unmark them)", "标记所有显示的好友（再按一次取消）")
        case .markInvert: Bilingual("invert the marks of the shown friends", "反选显示的好友")
        case .groups: Bilingual("group pane: filter by friend group", "分组栏：按好友分组筛选")
        case .openAccount: Bilingual("open another account", "打开另一个账号")
        case .refresh: Bilingual("reload the friend list from the server", "从服务端重新加载好友列表")
        case .help: Bilingual("this help", "本帮助")
        case .quit: Bilingual("quit", "退出")
        case .edit: Bilingual("edit the friend: remark, groups, custom fields", "编辑好友：备注、分组、自定义字段")
        case .bulk: Bilingual("bulk edit the marked friends", "批量编辑已标记的好友")
        case .changeSet: Bilingual("review the staged changes (old -> new)", "查看已暂存的更改（旧 -> 新）")
        case .undo: Bilingual("undo the last change-set edit", "撤销变更集的上一次修改")
        case .redo: Bilingual("redo", "重做")
        case .submit: Bilingual("submit the staged changes (asks first)", "提交已暂存的更改（先确认）")
        case .retry: Bilingual("retry the rows that failed or were not sent", "重试失败或未发送的行")
        case .details: Bilingual("details: the selected row's whole result (a conflict's values) and the last message", "详情：所选行的完整结果（冲突的各个值）和最近一条消息")
        case .copyID: Bilingual("copy the selected friend's UserID to your clipboard (OSC 52)", "复制所选好友的 UserID 到剪贴板（OSC 52）")
        case .copyDetail: Bilingual("copy the selected row's whole detail (on the change-set screen: the entry as old -> new)",
                                    "复制所选行的完整详情（变更集界面：该条目的 旧 -> 新）")
        case .keepMine: Bilingual("conflict on this row: keep mine (send it next time)", "该行冲突：保留我的（下次提交时发送）")
        case .takeTheirs: Bilingual("conflict on this row: take the server's value", "该行冲突：采用服务端的值")
        case .dropEntry: Bilingual("drop the selected staged change", "丢弃所选的已暂存的更改")
        case .export: Bilingual("export the change set as a JSON file", "将变更集导出为 JSON 文件")
        case .reviewSearch: Bilingual("search friend, nickname, field and values (Enter keeps, Esc ends)", "搜索好友、昵称、字段和值（Enter 保留，Esc 结束）")
        case .reviewNext: Bilingual("the next entry the search matches", "下一条匹配的条目")
        case .dialogAccept: Bilingual("accept", "确定")
        case .dialogCancel: Bilingual("cancel", "取消")
        case .confirmYes: Bilingual("yes: submit, retry or quit (anything else is no)", "是：提交、重试或退出（其他键均为否）")
        case .resumeKeep: Bilingual("resume the staged changes found at start", "恢复启动时发现的已暂存的更改")
        case .resumeDiscard: Bilingual("discard them", "丢弃它们")
        case .resumeExport: Bilingual("export them to a file", "导出到文件")
        case .formNext: Bilingual("next field (the arrows move too, group by group in the checklist)", "下一个字段（方向键也可移动，在分组清单中逐个分组移动）")
        case .formPrevious: Bilingual("previous field", "上一个字段")
        case .formToggle: Bilingual("check or uncheck the group under the cursor", "勾选或取消勾选光标处的分组")
        case .fieldStart: Bilingual("to the start of the field", "移到字段开头")
        case .fieldEnd: Bilingual("to the end of the field", "移到字段末尾")
        case .fieldKillToEnd: Bilingual("cut to the end", "剪切到末尾")
        case .fieldKillToStart: Bilingual("cut to the start", "剪切到开头")
        case .fieldKillWord: Bilingual("cut the word before the cursor", "剪切光标前的词")
        case .fieldYank: Bilingual("paste what was cut", "粘贴剪切的内容")
        case .fieldWordBack: Bilingual("a word back", "后退一个词")
        case .fieldWordForward: Bilingual("a word forward", "前进一个词")
        case .groupCreate: Bilingual("stage a new friend group", "暂存新建好友分组")
        case .groupRename: Bilingual("stage renaming the selected group (its friends move to the new name)", "暂存重命名所选分组（其好友移到新名称）")
        case .groupDelete: Bilingual("stage deleting the selected group (its friends stay friends)", "暂存删除所选分组（其好友仍是好友）")
        case .groupMerge: Bilingual("stage merging the selected group into another", "暂存将所选分组合并到另一个分组")
        case .groupSort: Bilingual("sort the groups by name or by friends (emptiest first)", "按名称或好友数（最空的在前）排列分组")
        }
    }

    /// The footer's short label, for the actions the footer shows.
    public var footer: Bilingual? {
        switch self {
        case .filter: Bilingual("filter", "筛选")
        case .mark: Bilingual("mark", "标记")
        case .groups: Bilingual("groups", "分组")
        case .edit: Bilingual("edit", "编辑")
        case .bulk: Bilingual("bulk", "批量")
        case .changeSet: Bilingual("changes", "变更集")
        case .submit: Bilingual("submit", "提交")
        case .undo: Bilingual("undo", "撤销")
        case .help: Bilingual("help", "帮助")
        case .quit: Bilingual("quit", "退出")
        case .groupCreate: Bilingual("new", "新建")
        case .groupRename: Bilingual("rename", "重命名")
        case .groupDelete: Bilingual("delete", "删除")
        case .groupMerge: Bilingual("merge", "合并")
        case .groupSort: Bilingual("sort", "排序")
        default: nil
        }
    }
}

/// The help screen's headings, one per key context (raw values are the contexts').
public enum KeyContextText: String, LocalizedText {
    case list, pane, dialog, review, prompt, field

    public var bilingual: Bilingual {
        switch self {
        case .list: Bilingual("Friend list", "好友列表")
        case .pane: Bilingual("In the group pane (Tab; Enter filters by the group)", "分组栏中（Tab；Enter 按该分组筛选）")
        case .dialog: Bilingual("In a dialog or form", "对话框或表单中")
        case .review: Bilingual("Change-set screen", "变更集界面")
        case .prompt: Bilingual("In a confirmation or the start-up prompt", "确认框或启动提示中")
        case .field: Bilingual("In a form's fields (editing keys; plain characters are always typed)", "表单字段中（编辑键；普通字符总是直接输入）")
        }
    }
}

/// The status line: one text per StatusMessage case, and the words around a failure.
public enum StatusText: LocalizedText {
    case loaded, cached, loadFailedShowingSaved, exported, exportFailed, submitting, retrying
    case submitted, submittedElsewhere, auditSuffix, submitFailed, submitFailedFor, reconciled
    case notSubmitted, notRetried, notQuitting, resumed, discarded, sortedBy, sortedByDirection, descending, ascending
    case markFirst, nothingToUndo, nothingToRedo, undone, redone, nothingToSubmit, noFailedRows, noConflict
    case keptMine, tookTheirs, noChange, staged, readOnly, bulkStaged, counts
    case sortUserID, sortNickname, sortRemark, sortGroups
    case reconcileFailed, fileFailed, copiedID, copiedDetail, nothingToCopy, copyUnavailable

    public var bilingual: Bilingual {
        switch self {
        case .loaded: Bilingual("{count} {count:friend|friends} loaded", "已加载 {count} 位好友")
        case .cached: Bilingual("{count} {count:friend|friends} as saved {when}; checking for changes…", "{count} 位好友（{when} 保存的列表）；正在检查服务端的改动…")
        case .loadFailedShowingSaved: Bilingual("showing the list as saved {when}; refresh failed ({refresh} retries): {failure}",
                                                "显示 {when} 保存的列表；刷新失败（按 {refresh} 重试）：{failure}")
        case .exported: Bilingual("change set exported to {path}", "变更集已导出到 {path}")
        case .exportFailed: Bilingual("export failed: {failure}", "导出失败：{failure}")
        case .submitting: Bilingual("submitting…", "正在提交…")
        case .retrying: Bilingual("retrying {count} {count:row|rows}…", "正在重试 {count} 行…")
        case .submitted: Bilingual("submitted: {counts}; {staged} still staged", "已提交：{counts}；仍有 {staged} 项已暂存")
        case .submittedElsewhere: Bilingual("the submit for {account} finished after you left it: {counts}; its journal and audit log are up to date",
                                            "{account} 的提交在你离开后完成：{counts}；其暂存记录和审计日志已更新")
        case .auditSuffix: Bilingual(" · AUDIT: {problem}", " · 审计日志：{problem}")
        case .submitFailed: Bilingual("submit failed, nothing was changed on the server: {failure}", "提交失败，服务端没有任何改动：{failure}")
        case .submitFailedFor: Bilingual("the submit for {account} failed, nothing was changed on the server: {failure}", "{account} 的提交失败，服务端没有任何改动：{failure}")
        case .reconciled: Bilingual("an interrupted submit was reconciled: {count} {count:row was|rows were} already applied ({ids}), {staged} still staged",
                                    "已核对中断的提交：{count} 行已应用（{ids}），仍有 {staged} 项暂存")
        case .notSubmitted: Bilingual("not submitted", "未提交")
        case .notRetried: Bilingual("not retried", "未重试")
        case .notQuitting: Bilingual("not quitting", "未退出")
        case .resumed: Bilingual("resumed {count} staged {count:change|changes}", "已恢复 {count} 项已暂存的更改")
        case .discarded: Bilingual("discarded {count} staged {count:change|changes}", "已丢弃 {count} 项已暂存的更改")
        case .sortedBy: Bilingual("sorted by {column}", "排序：{column}")
        case .sortedByDirection: Bilingual("sorted by {column}, {direction}", "排序：{column}，{direction}")
        case .descending: Bilingual("descending", "降序")
        case .ascending: Bilingual("ascending", "升序")
        case .markFirst: Bilingual("mark friends first ({mark} marks one, {markAll} marks all shown)", "请先标记好友（{mark} 标记一位，{markAll} 标记所有显示的好友）")
        case .nothingToUndo: Bilingual("nothing to undo", "没有可撤销的操作")
        case .nothingToRedo: Bilingual("nothing to redo", "没有可重做的操作")
        case .undone: Bilingual("undone: {count} staged", "已撤销；共暂存 {count} 项")
        case .redone: Bilingual("redone: {count} staged", "已重做；共暂存 {count} 项")
        case .nothingToSubmit: Bilingual("nothing staged to submit", "没有可提交的已暂存的更改")
        case .noFailedRows: Bilingual("no failed rows to retry", "没有需要重试的失败行")
        case .noConflict: Bilingual("the selected row has no conflict", "所选行没有冲突")
        case .keptMine: Bilingual("{friend}: keeping yours; {submit} sends it", "{friend}：保留你的值；按 {submit} 发送")
        case .tookTheirs: Bilingual("{friend}: took the server's values", "{friend}：已采用服务端的值")
        case .noChange: Bilingual("no change to stage for {friend}", "{friend} 没有可暂存的更改")
        case .staged: Bilingual("staged {friend}: {total} staged in all", "已暂存 {friend}：共暂存 {total} 项")
        case .readOnly: Bilingual("read-only: editing and submitting are off (--read-only, or read_only = true in the profile)",
                                  "只读：编辑和提交已关闭（--read-only，或配置档中的 read_only = true）")
        case .bulkStaged: Bilingual("{operation}: {changed} of {count} marked {count:friend|friends} changed; {total} staged in all",
                                    "{operation}：{count} 位已标记好友中 {changed} 位已更改；共暂存 {total} 项")
        case .counts: Bilingual("{ok} ✓, {failed} ✗, {conflicts} {conflicts:conflict|conflicts}", "{ok} ✓，{failed} ✗，{conflicts} 处冲突")
        case .sortUserID: Bilingual("UserID", "UserID")
        case .sortNickname: Bilingual("Nickname", "昵称")
        case .sortRemark: Bilingual("Remark", "备注")
        case .sortGroups: Bilingual("Groups", "分组")
        case .reconcileFailed: Bilingual("could not re-read rows of an interrupted submit ({failure}); they stay staged", "无法重新读取中断提交的行（{failure}）；它们仍处于暂存状态")
        case .fileFailed: Bilingual("{path}: {reason}", "{path}：{reason}")
        case .copiedID: Bilingual("copied {id} (OSC 52: your terminal, or tmux with set-clipboard on, puts it on the clipboard)",
                                  "已复制 {id}（OSC 52：由终端或开启 set-clipboard 的 tmux 放入剪贴板）")
        case .copiedDetail: Bilingual("copied the detail of {what} ({lines} {lines:line|lines}, OSC 52)", "已复制 {what} 的详情（{lines} 行，OSC 52）")
        case .nothingToCopy: Bilingual("nothing to copy here", "这里没有可复制的内容")
        case .copyUnavailable: Bilingual("this terminal (the Linux console) cannot take an OSC 52 copy; nothing was copied",
                                         "此终端（Linux 控制台）不支持 OSC 52 复制；没有复制任何内容")
        }
    }
}

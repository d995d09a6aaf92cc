import Foundation
import ContactEditing

/// Something that happened: a key, a resize, or the result of an effect.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// The next page of friends while the list loads (appended).
    case rosterPage([Friend])
    case nicknames([String: String])
    case rosterLoaded(Roster)
    /// The list saved at the last open, shown while it is checked against the server.
    case rosterCached(Roster, savedAt: Date)
    case rosterFailed(Failure)
    case accountChecked(id: String, exists: Bool)
    case accountCheckFailed(Failure)
    /// Time passed while work runs (spinner).
    case tick
    /// The journal's staged changes for an account (ignored unless it is the one on screen).
    case journalLoaded(ChangeSet, account: String)
    /// The journal refused the last edit: it is taken back.
    case saveFailed(Failure)
    case exported(path: String)
    case submitProgress(done: Int, total: Int, account: String)
    /// A submit of `account` ended; its journal and audit log are already written. Another account may be on
    /// screen by now: then only the status says so.
    case submitFinished(Submitter.Report, entries: [ChangeEntry], account: String)
    case submitFailed(Failure, account: String)
    /// The rows of an interrupted submit could not be re-read; everything stays staged and marked.
    case reconcileFailed(Failure, account: String)
    /// A submit was interrupted: these friends turned out applied; the rest stay staged.
    case reconciled(applied: [String], stillInFlight: Int, account: String)
    case exportFailed(Failure)
    /// The terminal cannot take an OSC 52 copy (the Linux console): nothing was copied.
    case copyUnavailable
    /// The account's friend groups as group_get gave them just now (asked for when a form opens).
    case groupsRead(names: [String], account: String)
}

extension Action {
    /// Pages and nickname batches that arrived together become one page and one batch, so the list is
    /// re-indexed once per frame, not once per call. Applying the pages first is the same: a page is posted
    /// before its nicknames are asked for.
    public static func coalesced(_ actions: [Action]) -> [Action] {
        var out: [Action] = []
        out.reserveCapacity(actions.count)
        var pages: [Friend]?
        var nicks: [String: String]?
        func flush() {
            if let p = pages { out.append(.rosterPage(p)) }
            if let n = nicks { out.append(.nicknames(n)) }
            pages = nil
            nicks = nil
        }
        for action in actions {
            switch action {
            case .rosterPage(let page): pages = (pages ?? []) + page
            case .nicknames(let batch): nicks = (nicks ?? [:]).merging(batch) { $1 }
            default:
                flush()
                out.append(action)
            }
        }
        flush()
        return out
    }
}

/// Work for the run loop to do; it answers with actions.
public enum Effect: Equatable, Sendable {
    /// Put text on the operator's clipboard (OSC 52).
    case copy(String)
    /// Read the list: from the cache and then only what changed, or (`full`, the refresh key) all of it.
    case loadRoster(account: String, full: Bool = false)
    /// Offer the journal's staged changes of an account just opened (after a reconcile if a submit was cut off).
    case loadJournal(account: String)
    case checkAccount(String)
    /// group_get for the account, so a form checks the 32-group limit against the server's latest list.
    case readGroups(account: String)
    /// Write the change set to the journal (the edit counts only once this succeeds).
    case saveChanges(ChangeSet, previous: ChangeSet)
    case discardJournal
    case export(ChangeSet)
    /// Run these group operations, then re-read, merge and send these entries; audit each.
    case submit([ChangeEntry], groups: [GroupOperationEntry])
    case quit
}

import ChatAPI
import ContactDeskStrings
import ContactEditing
import Foundation

/// Why something failed, as the reducer receives it: typed, so the words are chosen where the screen is
/// made (and, later, in the operator's language), not where the error was caught.
public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    case chat(ChatError)
    case journal(JournalError)
    case audit(AuditUnavailable)
    /// A file could not be written (an export): the path and the system's reason.
    case file(path: String, reason: String)
    /// The rows of an interrupted submit could not be re-read; they stay staged.
    indirect case reconcile(Failure)
    /// Anything else, already in words.
    case other(String)

    /// Classifies a thrown error.
    public init(_ error: Error) {
        switch error {
        case let e as Failure: self = e
        case let e as ChatError: self = .chat(e)
        case let e as JournalError: self = .journal(e)
        case let e as AuditUnavailable: self = .audit(e)
        default: self = .other("\(error)")
        }
    }

    public var description: String {
        switch self {
        case .chat(let e): e.description
        case .journal(let e): e.message
        case .audit(let e): e.description
        case .file(let path, let reason): StatusText.fileFailed.text(["path": path, "reason": reason])
        case .reconcile(let inner): StatusText.reconcileFailed.text(["failure": inner.description])
        case .other(let text): text
        }
    }
}

/// The counts of a finished submit: applied, failed (or not sent), conflicts.
public struct SubmitCounts: Equatable, Sendable {
    public var ok = 0, failed = 0, conflicts = 0
    public init(_ report: Submitter.Report) {
        for o in report.outcomes.values {
            switch o {
            case .ok: ok += 1
            case .conflict: conflicts += 1
            default: failed += 1
            }
        }
        for g in report.groups {
            switch g.outcome {
            case .ok: ok += 1
            case .conflict: conflicts += 1
            default: failed += 1
            }
        }
    }
    public var allApplied: Bool { failed == 0 && conflicts == 0 }
}

/// What the status line says: one case with its data. Its severity and its text are made here and only here.
public enum StatusMessage: Equatable, Sendable {
    case loaded(friends: Int)
    case cached(friends: Int, savedAt: Date)
    case loadFailed(Failure, savedAt: Date?)
    case saveFailed(Failure)
    case exported(path: String)
    case exportFailed(Failure)
    case submitting
    case retrying(rows: Int)
    case submitted(SubmitCounts, stillStaged: Int, auditFailure: String?)
    /// A submit that ended after the operator opened another account.
    case submittedElsewhere(account: String, SubmitCounts, auditFailure: String?)
    case submitFailed(Failure, account: String?)
    case reconciled(applied: [String], stillStaged: Int)
    case notSubmitted, notRetried, notQuitting
    case resumed(Int), discarded(Int)
    case sorted(SortColumn, descending: Bool?)
    case markFirst
    case nothingToUndo, nothingToRedo
    case undone(staged: Int), redone(staged: Int)
    case nothingToSubmit, noFailedRows, noConflict
    case keptMine(friend: String), tookTheirs(friend: String)
    case noChange(friend: String)
    case staged(friend: String, total: Int)
    case bulkStaged(operation: BulkOperation, changed: Int, of: Int, total: Int)
    /// A key that edits or submits, pressed in read-only mode.
    case readOnly
    /// Text put on the clipboard: a UserID, or a detail of `lines` lines about `subject`.
    case copiedID(String), copiedDetail(subject: String, lines: Int), nothingToCopy, copyUnavailable
    /// News of the group pane.
    case group(GroupStatus)

    public enum Severity: Equatable, Sendable { case info, error }

    public var severity: Severity {
        switch self {
        case .loadFailed, .saveFailed, .exportFailed, .submitFailed, .markFirst, .readOnly, .copyUnavailable: .error
        case .submitted(let c, _, let audit), .submittedElsewhere(_, let c, let audit): c.allApplied && audit == nil ? .info : .error
        case .group(let g): g.isError ? .error : .info
        default: .info
        }
    }

    public var isError: Bool { severity == .error }

    /// The words on the status line, with the default keys.
    public var text: String { text(.standard) }

    /// The words on the status line, naming the keys bound in `keys`.
    public func text(_ keys: KeyMap) -> String {
        typealias T = StatusText
        let audit: (String?) -> String = { $0.map { T.auditSuffix.text(["problem": $0]) } ?? "" }
        return switch self {
        case .loaded(let n): T.loaded.text(["count": n])
        case .cached(let n, let at): T.cached.text(["count": n, "when": Self.stamp(at)])
        case .loadFailed(let f, let saved?):
            T.loadFailedShowingSaved.text(["when": Self.stamp(saved), "refresh": keys.label(for: .refresh), "failure": f.description])
        case .loadFailed(let f, nil): "\(f)"
        case .saveFailed(let f): "\(f)"
        case .exported(let path): T.exported.text(["path": path])
        case .exportFailed(let f): T.exportFailed.text(["failure": f.description])
        case .submitting: T.submitting.text
        case .retrying(let n): T.retrying.text(["count": n])
        case .submitted(let c, let staged, let a): T.submitted.text(["counts": Self.counts(c), "staged": staged]) + audit(a)
        case .submittedElsewhere(let account, let c, let a): T.submittedElsewhere.text(["account": account, "counts": Self.counts(c)]) + audit(a)
        case .submitFailed(let f, nil): T.submitFailed.text(["failure": f.description])
        case .submitFailed(let f, let account?): T.submitFailedFor.text(["account": account, "failure": f.description])
        case .reconciled(let applied, let staged):
            T.reconciled.text(["count": applied.count, "ids": applied.joined(separator: ", "), "staged": staged])
        case .notSubmitted: T.notSubmitted.text
        case .notRetried: T.notRetried.text
        case .notQuitting: T.notQuitting.text
        case .resumed(let n): T.resumed.text(["count": n])
        case .discarded(let n): T.discarded.text(["count": n])
        case .sorted(let column, nil): T.sortedBy.text(["column": column.title])
        case .sorted(let column, let descending?):
            T.sortedByDirection.text(["column": column.title, "direction": (descending ? T.descending : T.ascending).text])
        case .markFirst: T.markFirst.text(["mark": keys.label(for: .mark), "markAll": keys.label(for: .markAll)])
        case .nothingToUndo: T.nothingToUndo.text
        case .nothingToRedo: T.nothingToRedo.text
        case .undone(let n): T.undone.text(["count": n])
        case .redone(let n): T.redone.text(["count": n])
        case .nothingToSubmit: T.nothingToSubmit.text
        case .noFailedRows: T.noFailedRows.text
        case .noConflict: T.noConflict.text
        case .keptMine(let f): T.keptMine.text(["friend": f, "submit": keys.label(for: .submit)])
        case .tookTheirs(let f): T.tookTheirs.text(["friend": f])
        case .noChange(let f): T.noChange.text(["friend": f])
        case .staged(let f, let total): T.staged.text(["friend": f, "total": total])
        case .readOnly: T.readOnly.text
        case .group(let g): g.text
        case .copiedID(let id): T.copiedID.text(["id": id])
        case .copiedDetail(let subject, let lines): T.copiedDetail.text(["what": subject, "lines": lines])
        case .nothingToCopy: T.nothingToCopy.text
        case .copyUnavailable: T.copyUnavailable.text
        case .bulkStaged(let op, let changed, let of, let total):
            T.bulkStaged.text(["operation": op.title, "changed": changed, "count": of, "total": total])
        }
    }

    static func counts(_ c: SubmitCounts) -> String { StatusText.counts.text(["ok": c.ok, "failed": c.failed, "conflicts": c.conflicts]) }

    /// "2026-11-27 07:10" in the operator's time zone.
    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}

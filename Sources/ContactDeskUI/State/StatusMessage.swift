import ChatAPI
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
        case .file(let path, let reason): "\(path): \(reason)"
        case .reconcile(let inner): "could not re-read rows of an interrupted submit (\(inner)); they stay staged"
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
    case bulkStaged(operation: String, changed: Int, of: Int, total: Int)
    /// A key that edits or submits, pressed in read-only mode.
    case readOnly

    public enum Severity: Equatable, Sendable { case info, error }

    public var severity: Severity {
        switch self {
        case .loadFailed, .saveFailed, .exportFailed, .submitFailed, .markFirst, .readOnly: .error
        case .submitted(let c, _, let audit), .submittedElsewhere(_, let c, let audit): c.allApplied && audit == nil ? .info : .error
        default: .info
        }
    }

    public var isError: Bool { severity == .error }

    /// The words on the status line, with the default keys.
    public var text: String { text(.standard) }

    /// The words on the status line, naming the keys bound in `keys`.
    public func text(_ keys: KeyMap) -> String {
        switch self {
        case .loaded(let n): "\(Plural.count(n, "friend")) loaded"
        case .cached(let n, let at): "\(Plural.count(n, "friend")) as saved \(Self.stamp(at)); checking for changes…"
        case .loadFailed(let f, let saved?): "showing the list as saved \(Self.stamp(saved)); refresh failed (\(keys.label(for: .refresh)) retries): \(f)"
        case .loadFailed(let f, nil): "\(f)"
        case .saveFailed(let f): "\(f)"
        case .exported(let path): "change set exported to \(path)"
        case .exportFailed(let f): "export failed: \(f)"
        case .submitting: "submitting…"
        case .retrying(let n): "retrying \(Plural.count(n, "row"))…"
        case .submitted(let c, let staged, let audit):
            "submitted: \(Self.counts(c)); \(staged) still staged" + (audit.map { " · AUDIT: " + $0 } ?? "")
        case .submittedElsewhere(let account, let c, let audit):
            "the submit for \(account) finished after you left it: \(Self.counts(c)); its journal and audit log are up to date"
                + (audit.map { " · AUDIT: " + $0 } ?? "")
        case .submitFailed(let f, nil): "submit failed, nothing was changed on the server: \(f)"
        case .submitFailed(let f, let account?): "the submit for \(account) failed, nothing was changed on the server: \(f)"
        case .reconciled(let applied, let staged):
            "an interrupted submit was reconciled: \(Plural.count(applied.count, "row")) \(applied.count == 1 ? "was" : "were") already applied (\(applied.joined(separator: ", "))), \(staged) still staged"
        case .notSubmitted: "not submitted"
        case .notRetried: "not retried"
        case .notQuitting: "not quitting"
        case .resumed(let n): "resumed \(Plural.count(n, "staged change"))"
        case .discarded(let n): "discarded \(Plural.count(n, "staged change"))"
        case .sorted(let column, nil): "sorted by \(column.rawValue)"
        case .sorted(let column, let descending?): "sorted by \(column.rawValue), \(descending ? "descending" : "ascending")"
        case .markFirst: "mark friends first (\(keys.label(for: .mark)) marks one, \(keys.label(for: .markAll)) marks all shown)"
        case .nothingToUndo: "nothing to undo"
        case .nothingToRedo: "nothing to redo"
        case .undone(let n): "undone: \(n) staged"
        case .redone(let n): "redone: \(n) staged"
        case .nothingToSubmit: "nothing staged to submit"
        case .noFailedRows: "no failed rows to retry"
        case .noConflict: "the selected row has no conflict"
        case .keptMine(let f): "\(f): keeping yours; \(keys.label(for: .submit)) sends it"
        case .tookTheirs(let f): "\(f): took the server's values"
        case .noChange(let f): "no change to stage for \(f)"
        case .staged(let f, let total): "staged \(f): \(total) staged in all"
        case .readOnly: "read-only: editing and submitting are off (--read-only, or read_only = true in the profile)"
        case .bulkStaged(let op, let changed, let of, let total): "\(op): \(changed) of \(Plural.count(of, "marked friend")) changed; \(total) staged in all"
        }
    }

    static func counts(_ c: SubmitCounts) -> String { "\(c.ok) ✓, \(c.failed) ✗, \(Plural.count(c.conflicts, "conflict"))" }

    /// "2026-11-27 07:10" in the operator's time zone.
    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}

import ChatAPI
import ContactDeskStrings
import Foundation

/// A submit that cannot be traced is refused before anything is sent.
public struct AuditUnavailable: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String {
        EditText.auditUnavailable.text(["reason": reason])
    }
}

/// Everything a submit does for one account, the same for the TUI and `apply`: check the audit log,
/// re-read, plan, send with in-flight marks in the journal, audit every row whose outcome is known
/// (with the value the write replaced), and settle the journal. Bound to its account, so a submit that
/// finishes after the operator opened another account still lands on its own.
public struct SubmitSession: Sendable {
    public let client: ChatClient
    public let app: UInt64
    public let account: String
    public let audit: AuditLog
    /// Where staged edits live (the TUI); nil for a file applied by `apply`, which stages nothing.
    public let journal: Journal?

    public init(client: ChatClient, app: UInt64, account: String, audit: AuditLog, journal: Journal?) {
        self.client = client; self.app = app; self.account = account; self.audit = audit; self.journal = journal
    }

    /// Opens the audit log at `url` for a session; the error says why a submit cannot happen.
    public static func openAudit(_ url: URL) throws -> AuditLog {
        do {
            let log = try AuditLog(url: url)
            try log.checkWritable()
            return log
        } catch {
            throw AuditUnavailable(reason: "\(url.path): \(Journal.reason(error))")
        }
    }

    /// Sends the entries of this account (others are ignored) and returns the report. A report whose
    /// `auditFailure` is set has rows on the server that are not on record: the caller must say so.
    /// Staged group operations run first, in order (a friend edit may name a group one of them creates); a friend
    /// group edit that names a group of an operation that did not finish is not sent (it would bring the old name
    /// back or make a stray group). `groupJournal` records group operations when `journal` is nil (`apply`).
    public func submit(_ entries: [ChangeEntry], groupOperations: [GroupOperationEntry] = [], groupJournal: Journal? = nil, customKeys: [String],
                       progress: @escaping @Sendable (_ done: Int, _ total: Int) async -> Void = { _, _ in }) async throws -> Submitter.Report {
        var entries = entries.filter { $0.key.app == app && $0.key.account == account }
        do { try audit.checkWritable() } catch { throw AuditUnavailable(reason: Journal.reason(error)) }
        let groupReports = try await GroupOperationRunner(client: client, app: app, account: account, audit: audit, journal: journal ?? groupJournal)
            .run(groupOperations, keepRefused: journal != nil)
        var held: [String: SubmitOutcome] = [:]
        for unfinished in groupReports where unfinished.outcome != .ok {
            let names = [unfinished.entry.operation.source, unfinished.entry.operation.target].compactMap { $0 }
            let reason = SubmitOutcome.notSent(reason: GroupText.earlierOperationFailed.text(["operation": unfinished.entry.operation.summary]))
            for e in entries {
                guard case .groups(let add, let remove) = e.intent, !Set(add + remove).isDisjoint(with: names) else { continue }
                held[e.key.friend] = held[e.key.friend] ?? reason
            }
        }
        let heldEntries = entries.filter { held[$0.key.friend] != nil }
        entries.removeAll { held[$0.key.friend] != nil }
        let recorder = journal.map { JournalRecorder(journal: $0, app: app, account: account) }
        let audit = audit, byFriend = Dictionary(grouping: entries, by: \.key.friend)
        // Each call's rows are audited as soon as it answers (Submitter calls this before clearing their marks),
        // and the applied ones leave the journal after the call's read-back (a row someone changed meanwhile stays
        // staged as a conflict), before their marks go: a crash later in the submit cannot offer them again.
        let journal = journal
        let hook: Submitter.AuditHook = { outcomes, before, after in
            let rows = outcomes.keys.sorted().flatMap { byFriend[$0] ?? [] }
            try audit.append(AuditRecord.from(entries: rows, outcomes: outcomes, before: before, after: after))
        }
        let settle: @Sendable ([String]) -> Void = { friends in try? journal?.settle(friends.flatMap { byFriend[$0] ?? [] }) }
        var report = try await Submitter(client: client).submit(account: account, entries: entries, customKeys: Self.keys(customKeys, entries),
                                                                recorder: recorder, audit: hook, settle: settle, progress: progress)
        // Rows held back by an unfinished group operation: not sent, still staged.
        report.outcomes.merge(held) { a, _ in a }
        for e in heldEntries { if let before = report.before[e.key.friend] { report.fresh[e.key.friend] = before } }
        // Rows decided without a call (conflicts, refusals, already as staged) are on record too.
        let decided = (entries + heldEntries).filter { !report.sent.contains($0.key.friend) }
        if !decided.isEmpty {
            do { try audit.append(AuditRecord.from(entries: decided, outcomes: report.outcomes, before: report.before, after: report.fresh)) } catch {
                report.auditFailure = report.auditFailure ?? EditText.auditDecidedRowsMissing.text(["reason": Journal.reason(error)])
            }
        }
        // Applied and audited rows leave the journal. A failure here loses nothing: they stay staged and the
        // next submit finds them already applied.
        let applied = entries.filter { report.outcomes[$0.key.friend] == .ok && !report.unaudited.contains($0.key.friend) }
        try? journal?.settle(applied)
        report.groups = groupReports
        return report
    }

    /// After a crash during a submit: re-reads the rows left in flight, audits and un-stages those the server
    /// already has, clears the marks, and returns the change set that is still staged with the applied friends.
    public func reconcile(_ staged: ChangeSet, customKeys: [String]) async throws -> (remaining: ChangeSet, applied: [String]) {
        guard let journal else { return (staged, []) }
        try await GroupOperationRunner(client: client, app: app, account: account, audit: audit, journal: journal).reconcileMoves()
        let inFlight = try journal.inFlight(app: app, account: account)
        guard !inFlight.isEmpty else { return (staged, []) }
        let entries = staged.sorted.filter { $0.key.app == app && $0.key.account == account }
        let (applied, fresh) = try await Submitter(client: client).reconcileReport(account: account, entries: entries, inFlight: inFlight,
                                                                                  customKeys: Self.keys(customKeys, entries))
        let appliedEntries = entries.filter { applied.contains($0.key.friend) }
        // On record before anything is forgotten: a crash here leaves the marks, and the next start audits again.
        do { try audit.append(AuditRecord.reconciled(entries: appliedEntries, applied: applied, fresh: fresh)) } catch {
            throw AuditUnavailable(reason: Journal.reason(error))
        }
        try journal.settle(appliedEntries)
        try journal.clearInFlight(app: app, account: account, friends: inFlight)
        return (staged.settled(after: appliedEntries, outcomes: Dictionary(uniqueKeysWithValues: applied.map { ($0, .ok) })), applied.sorted())
    }

    /// The custom fields to re-read: the ones known from the roster or profile and every one the entries name,
    /// so a reconcile at start-up, before any roster is loaded, still recognises applied custom fields.
    public static func keys(_ known: [String], _ entries: [ChangeEntry]) -> [String] {
        Array(Set(known).union(entries.compactMap { if case .custom(let k) = $0.key.field { k } else { nil } })).sorted()
    }
}

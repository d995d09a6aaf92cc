import ChatAPI
import ContactDeskStrings
import Foundation

extension GroupOperationRunner {
    /// Runs staged operations of this account in order; after one that does not finish, the later ones are not
    /// sent (they were checked against the groups it would have left). Moves and group writes left in flight by
    /// a crash are reconciled first. An operation not yet started is checked again against the fresh groups (a
    /// merge target someone deleted is not recreated; a new name someone took is not merged into); one already
    /// started is finished as it is. A finished operation leaves the journal; one the service refused or that
    /// conflicts stays staged without its in-flight mark when `keepRefused` (the TUI shows it), else leaves too
    /// (the CLI says so), so it is not retried by every later command; one cut off stays in flight.
    public func run(_ entries: [GroupOperationEntry], keepRefused: Bool = true,
                    progress: @escaping @Sendable (GroupOperationEntry) async -> Void = { _ in }) async throws -> [GroupOperationReport] {
        let entries = entries.filter { $0.app == app && $0.account == account }
        guard !entries.isEmpty else { return [] }
        do { try audit.checkWritable() } catch { throw AuditUnavailable(reason: Journal.reason(error)) }
        try await reconcileMoves()
        let started = Set(try journal?.inFlightGroupOperations(app: app, account: account).map(\.operation) ?? [])
        var reports: [GroupOperationReport] = []
        var stopped: String?
        for entry in entries {
            if let stopped {
                reports.append(GroupOperationReport(entry: entry, outcome: .notSent(reason: stopped), moves: [], created: false, deleted: false))
                continue
            }
            await progress(entry)
            let report = try await runOne(entry, resumed: started.contains(entry.operation))
            reports.append(report)
            switch report.outcome {
            case .ok: try? journal?.settleGroupOperation(entry)
            case .notSent: break
            default: try? keepRefused ? journal?.clearGroupOperationInFlight(entry) : journal?.settleGroupOperation(entry)
            }
            if report.outcome != .ok { stopped = GroupText.earlierOperationFailed.text(["operation": entry.operation.summary]) }
        }
        return reports
    }

    func runOne(_ entry: GroupOperationEntry, resumed: Bool) async throws -> GroupOperationReport {
        var report = GroupOperationReport(entry: entry, outcome: .ok, moves: [], created: false, deleted: false)
        let plan = try await GroupOperationPlan.fetch(client, account: account, entry.operation)
        if let missing = plan.missing {
            report.outcome = .conflict(fields: [.groups])
            report.problem = GroupText.problemNoSuchGroup.text(["name": missing])
            return report
        }
        if !resumed, !plan.done, let problem = entry.operation.problem(groups: plan.groups) {
            // The groups changed since it was staged: the service's limit is its 30011; anything else a conflict.
            report.outcome = problem.isLimit ? .failed(code: 30011, info: problem.error.message) : .conflict(fields: [.groups])
            report.problem = problem.error.description
            return report
        }
        guard !plan.done else { return report }
        try journal?.markGroupOperationInFlight(entry)
        if let name = plan.create {
            report.outcome = try await groupWrite(entry, GroupMove(friend: "", old: [], new: [name])) {
                _ = try await client.groupAdd(account: account, groups: [name])
            }
            guard report.outcome == .ok else { return report }
            report.created = true
        }
        guard let source = plan.delete else { return report }
        // A friend put into the source while the moves ran is moved too; the source is deleted only once a read
        // shows nobody in it (a member whose list cannot be read or does not name it is never dropped with it).
        // Each round's moves come from a read made right before it: a failed call is never re-sent as it was, as a
        // friend's whole list may have changed meanwhile. A lost reply's moves are reconciled (audited if applied).
        var moves = plan.moves
        var round = 0
        while !moves.isEmpty && round < client.config.retry.maxAttempts + 2 {
            round += 1
            let done = try await move(moves, entry)
            report.moves += done.filter { if case .notSent = $0.outcome { false } else { true } }
            if let bad = done.first(where: { $0.outcome != .ok }) {
                guard Self.worthRetrying(bad.outcome), round < client.config.retry.maxAttempts else {
                    report.outcome = bad.outcome
                    report.moves += done.filter { if case .notSent = $0.outcome { true } else { false } }
                    return report
                }
                // A failed read here is not the operation's failure: the marks stay for the next run.
                _ = try? await reconcileMoves()
                try await Task.sleep(for: .milliseconds(Int(client.config.retry.delay(beforeRetry: round) * 1000)))
            }
            moves = try await GroupOperationPlan.moves(client, account: account, entry.operation, source: source)
        }
        let left = try await GroupOperationPlan.members(client, account: account, of: source)
        guard left.isEmpty else {
            report.outcome = .notSent(reason: GroupText.membersRemain.text(["count": left.count, "name": source]))
            return report
        }
        report.outcome = try await groupWrite(entry, GroupMove(friend: "", old: [source], new: [])) {
            _ = try await client.groupDelete(account: account, groups: [source])
        }
        report.deleted = report.outcome == .ok
        return report
    }

    /// A group_add or group_delete, recorded in the journal while on the wire (as a move of no friend) and audited
    /// once its outcome is known; a lost reply leaves the record for the next run to reconcile.
    func groupWrite(_ entry: GroupOperationEntry, _ change: GroupMove, _ call: () async throws -> Void) async throws -> SubmitOutcome {
        try journal?.markGroupMoves(app: app, account: account, [change], operation: entry.operation.record)
        let outcome = await write(call)
        if case .notSent = outcome { return outcome }
        try record(entry, old: change.old.first ?? "", new: change.new.first ?? "", outcome: outcome)
        try? journal?.clearGroupMoves(app: app, account: account, friends: [""])
        return outcome
    }

    /// One group_add or group_delete: the service's refusal is the outcome; a lost call is "not sent" (the next
    /// run reads again before it writes).
    func write(_ call: () async throws -> Void) async -> SubmitOutcome {
        do { try await call(); return .ok } catch let error as ChatError {
            if case .api(_, let code, let info) = error { return .failed(code: code, info: info) }
            return .notSent(reason: error.description)
        } catch { return .notSent(reason: "\(error)") }
    }

    /// A move refused as a whole for a passing reason, or without an answer: read again and try again.
    static func worthRetrying(_ outcome: SubmitOutcome) -> Bool {
        switch outcome {
        case .notSent: true
        case .failed(let code, _): [.backoff, .once].contains(ErrorCatalog.entry(code).retry)
        case .ok, .conflict: false
        }
    }

    /// friend_update of each member's whole list, each call sent once: journaled while on the wire, audited per
    /// friend as each call answers.
    func move(_ moves: [GroupMove], _ entry: GroupOperationEntry) async throws -> [(move: GroupMove, outcome: SubmitOutcome)] {
        let byFriend = Dictionary(moves.map { ($0.friend, $0) }, uniquingKeysWith: { a, _ in a })
        let items = moves.map { UpdateItem(toAccount: $0.friend, snsItem: [TagValue(tag: FriendTag.group, value: .strings($0.new))]) }
        let journal = journal, app = app, account = account, audit = audit
        var auditProblem: Error?
        let results = try await client.friendUpdate(account: account, items: items, resend: false, sending: { ids in
            do { try journal?.markGroupMoves(app: app, account: account, ids.compactMap { byFriend[$0] }, operation: entry.operation.record); return nil } catch {
                return "\(error)"  // without a record of what is on the wire, do not send
            }
        }, answered: { rows in
            let known = rows.filter { if case .notSent = $0.outcome { false } else { true } }
            let records = known.compactMap { r in byFriend[r.toAccount].map { Self.moveRecord($0, outcome: Submitter.outcome(r.outcome), entry: entry) } }
            do {
                try audit.append(records)
                try journal?.clearGroupMoves(app: app, account: account, friends: known.map(\.toAccount))
            } catch { auditProblem = error }
        })
        if let auditProblem { throw AuditUnavailable(reason: Journal.reason(auditProblem)) }
        return results.compactMap { r in byFriend[r.toAccount].map { ($0, Submitter.outcome(r.outcome)) } }
    }

    /// Moves and group writes left in flight by a crash: those the server has are audited as reconciled; all are
    /// forgotten (the operation's next run reads again and does the rest).
    @discardableResult
    public func reconcileMoves() async throws -> Int {
        guard let journal else { return 0 }
        let pending = try journal.groupMovesInFlight(app: app, account: account)
        guard !pending.isEmpty else { return 0 }
        let friendMoves = pending.filter { !$0.move.friend.isEmpty }
        var now: [String: [String]] = [:]
        if !friendMoves.isEmpty {
            for info in try await client.friendGetList(account: account, friends: friendMoves.map(\.move.friend), tags: [FriendTag.group])
            where (info.resultCode ?? 0) == 0 {
                now[info.toAccount] = (info.snsProfileItem ?? []).value(for: FriendTag.group)?.stringsValue ?? []
            }
        }
        let reconciled = EditText.auditInfoReconciled.text(in: .en)
        var records = friendMoves.filter { now[$0.move.friend] == $0.move.new }.map { p in
            var r = Self.moveRecord(p.move, outcome: .ok, info: p.operation)
            r.app = app; r.account = account
            r.info = reconciled + ": " + p.operation
            return r
        }
        // A group write (no friend): applied when the group is there (create) or gone (delete).
        let groupWrites = pending.filter { $0.move.friend.isEmpty }
        if !groupWrites.isEmpty {
            let names = Set(try await client.groupGet(account: account).resultItem?.map(\.groupName) ?? [])
            for p in groupWrites {
                let applied = p.move.new.first.map { names.contains($0) } ?? p.move.old.first.map { !names.contains($0) } ?? false
                guard applied else { continue }
                let who = AuditLog.currentOperator()
                records.append(AuditRecord(at: Date(), operatorName: who.name, sshClient: who.ssh, app: app, account: account, friend: "",
                                           field: Self.groupField, old: p.move.old.first ?? "", new: p.move.new.first ?? "", code: 0,
                                           info: reconciled + ": " + p.operation))
            }
        }
        do { try audit.append(records) } catch { throw AuditUnavailable(reason: Journal.reason(error)) }
        try journal.clearGroupMoves(app: app, account: account, friends: pending.map(\.move.friend))
        return records.count
    }

    static func moveRecord(_ move: GroupMove, outcome: SubmitOutcome, entry: GroupOperationEntry) -> AuditRecord {
        var r = moveRecord(move, outcome: outcome, info: entry.operation.record)
        r.app = entry.app; r.account = entry.account
        return r
    }

    static func moveRecord(_ move: GroupMove, outcome: SubmitOutcome, info: String) -> AuditRecord {
        let who = AuditLog.currentOperator()
        let (code, detail) = AuditRecord.codeAndInfo(outcome)
        return AuditRecord(at: Date(), operatorName: who.name, sshClient: who.ssh, app: 0, account: "", friend: move.friend,
                           field: FieldKey.groups.description, old: move.old.joined(separator: ","),
                           new: (code == 0 ? move.new : move.old).joined(separator: ","), code: code, info: code == 0 ? info : detail)
    }

    /// The audit record of a group created (old empty) or deleted (new empty).
    func record(_ entry: GroupOperationEntry, old: String, new: String, outcome: SubmitOutcome) throws {
        let who = AuditLog.currentOperator()
        let (code, detail) = AuditRecord.codeAndInfo(outcome)
        let r = AuditRecord(at: Date(), operatorName: who.name, sshClient: who.ssh, app: app, account: account, friend: "",
                            field: Self.groupField, old: old, new: new, code: code, info: code == 0 ? entry.operation.record : detail)
        do { try audit.append([r]) } catch { throw AuditUnavailable(reason: Journal.reason(error)) }
    }
}

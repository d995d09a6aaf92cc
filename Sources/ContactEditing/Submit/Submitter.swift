import ChatAPI
import ContactDeskStrings
import Foundation

/// Where a submit records which rows are on the wire, so a crash between send and reply is reconciled.
public protocol SubmitRecorder: Sendable {
    func sending(_ friends: [String]) throws
    func settled(_ friends: [String]) throws
}

/// The journal as a submit recorder for one account.
public struct JournalRecorder: SubmitRecorder {
    public let journal: Journal
    public let app: UInt64
    public let account: String
    public init(journal: Journal, app: UInt64, account: String) { self.journal = journal; self.app = app; self.account = account }
    public func sending(_ friends: [String]) throws { try journal.markInFlight(app: app, account: account, friends: friends) }
    public func settled(_ friends: [String]) throws { try journal.clearInFlight(app: app, account: account, friends: friends) }
}

/// Sends an account's staged changes: re-read, merge, friend_update in calls of at most 1000, outcome per friend.
public struct Submitter: Sendable {
    public let client: ChatClient
    public init(client: ChatClient) { self.client = client }

    /// The result of a submit: an outcome per staged friend and their fresh values after it.
    public struct Report: Equatable, Sendable {
        public var outcomes: [String: SubmitOutcome]
        /// Friends as the server has them now (for applied rows, with the sent values).
        public var fresh: [String: Friend]
        /// Friends as the re-read before sending found them: the values a write replaced (the audit's "old").
        public var before: [String: Friend]
        /// Set when applied rows could not be written to the audit log: shown loudly, never dropped.
        public var auditFailure: String?
        /// Applied friends whose audit record could not be written: still marked in flight, still staged.
        public var unaudited: Set<String> = []
        /// Friends whose rows went into a friend_update call (the others were decided by the re-read).
        public var sent: Set<String> = []
        /// The staged group operations, run before the friend rows.
        public var groups: [GroupOperationReport] = []
        public init(outcomes: [String: SubmitOutcome], fresh: [String: Friend], before: [String: Friend] = [:], auditFailure: String? = nil) {
            self.outcomes = outcomes; self.fresh = fresh; self.before = before; self.auditFailure = auditFailure
        }
    }

    /// Writes the outcomes of one answered call to the audit log (friend -> outcome, values before, values after);
    /// a throw keeps those rows in flight, so the next start re-reads and audits them.
    public typealias AuditHook = (_ outcomes: [String: SubmitOutcome], _ before: [String: Friend], _ after: [String: Friend]) throws -> Void

    public func submit(account: String, entries: [ChangeEntry], customKeys: [String], recorder: SubmitRecorder? = nil,
                       audit: AuditHook? = nil,
                       progress: @escaping @Sendable (_ done: Int, _ total: Int) async -> Void = { _, _ in }) async throws -> Report {
        let (plan, fresh, refused) = try await SubmitPlan.fetch(client, account: account, entries: entries, customKeys: customKeys)
        var report = Report(outcomes: [:], fresh: [:])
        // friend_get_list answers 30001 for someone who is not a friend: say that, not just "bad parameter".
        for (friend, r) in refused {
            let notAFriend = (r.info.isEmpty ? EditText.submitNotAFriend : EditText.submitNotAFriendWithInfo).text(["account": account, "info": r.info])
            report.outcomes[friend] = .failed(code: r.code, info: r.code == 30001 ? notAFriend : r.info)
        }
        for (friend, fields) in plan.conflicts { report.outcomes[friend] = .conflict(fields: fields) }
        for friend in plan.alreadyApplied { report.outcomes[friend] = .ok }
        let sent = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.toAccount, $0.snsItem) })
        for (friend, maybeTags) in fresh { if let tags = maybeTags { report.before[friend] = Friend(id: friend, tags: tags) } }
        /// A friend as the server has it after an applied write: the re-read values with the sent ones over them.
        func after(_ friend: String) -> Friend? {
            guard let tags = fresh[friend] ?? nil else { return nil }
            var merged = tags
            for t in sent[friend] ?? [] { merged.removeAll { $0.tag == t.tag }; merged.append(t) }
            return Friend(id: friend, tags: merged)
        }
        await progress(0, plan.items.count)
        var done = 0
        var unaudited: [String] = []
        var auditProblem: String?
        // One friend_update run, so its rule holds across calls: after a call that configuration or credentials
        // doomed, the later ones are not sent.
        let results = try await client.friendUpdate(account: account, items: plan.items, sending: { ids in
            do { try recorder?.sending(ids); return nil } catch {
                // Without a record of what is on the wire, do not send.
                return "\(error)"
            }
        }, answered: { rows in
            // Rows without an answer stay in flight: the next start re-reads them. Rows with one are audited
            // now, call by call, before their marks go: a crash during a later call cannot leave them untraced.
            let known = rows.filter { if case .notSent = $0.outcome { return false } else { return true } }
            var outcomes: [String: SubmitOutcome] = [:]
            for r in known { outcomes[r.toAccount] = Self.outcome(r.outcome) }
            var audited = true
            if let audit, !outcomes.isEmpty {
                var afterValues: [String: Friend] = [:]
                for (f, o) in outcomes where o == .ok { afterValues[f] = after(f) }
                do { try audit(outcomes, report.before, afterValues) } catch {
                    audited = false
                    unaudited += outcomes.filter { $0.value == .ok }.map(\.key)
                    auditProblem = "\(error)"
                }
            }
            if audited { try? recorder?.settled(known.map(\.toAccount)) }
            done += rows.count
            await progress(done, plan.items.count)
        })
        for r in results { report.outcomes[r.toAccount] = Self.outcome(r.outcome) }
        for friend in report.before.keys {
            report.fresh[friend] = report.outcomes[friend] == .ok && sent[friend] != nil ? after(friend) : report.before[friend]
        }
        if let auditProblem {
            report.auditFailure = EditText.auditAppliedRowsMissing.text(["count": unaudited.count, "problem": auditProblem])
        }
        report.unaudited = Set(unaudited)
        report.sent = Set(sent.keys)
        return report
    }

    static func outcome(_ o: RowOutcome) -> SubmitOutcome {
        switch o {
        case .ok: .ok
        case .failed(let code, let info, _): .failed(code: code, info: info)
        case .notSent(let reason): .notSent(reason: reason)
        }
    }
}

extension Submitter {
    /// After a crash during a submit: re-reads the friends that were in flight and returns those whose staged values
    /// the server already has (applied), with the friends as re-read so the applied rows can be audited.
    public func reconcileReport(account: String, entries: [ChangeEntry], inFlight: [String], customKeys: [String]) async throws
        -> (applied: Set<String>, fresh: [String: Friend]) {
        let pending = entries.filter { inFlight.contains($0.key.friend) }
        guard !pending.isEmpty else { return ([], [:]) }
        let (plan, fresh, _) = try await SubmitPlan.fetch(client, account: account, entries: pending, customKeys: customKeys)
        var friends: [String: Friend] = [:]
        for (id, tags) in fresh { if let tags { friends[id] = Friend(id: id, tags: tags) } }
        return (plan.alreadyApplied, friends)
    }
}

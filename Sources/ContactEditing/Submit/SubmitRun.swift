import ChatAPI
import ContactDeskStrings
import Foundation

/// One submit's state across its friend_update calls: outcomes, values before and after, what was sent, and
/// the reason later calls are not sent. Each call is read, planned, sent once and read back (Submitter).
struct SubmitRun {
    let client: ChatClient
    let account: String
    let customKeys: [String]
    let recorder: SubmitRecorder?
    let audit: Submitter.AuditHook?
    /// Told the applied friends of a call once its read-back is done (the journal un-stages them then).
    let settle: (@Sendable ([String]) -> Void)?
    /// Applied and audited friends whose in-flight marks wait for the read-back and `settle`.
    var toSettle: [String] = []
    var report = Submitter.Report(outcomes: [:], fresh: [:])
    /// Set after a call that configuration or credentials doomed, or a read that failed: later calls are not sent.
    var stop: String?
    var auditProblem: String?
    /// What the last call that carried each friend sent, for the read-back.
    var sentValues: [String: [TagValue]] = [:]
    /// Whether any read or write happened yet: a first read that fails throws, as nothing was done.
    var started = false
    /// The friend list's sequences as last seen (friend_get), to tell whether anyone wrote meanwhile.
    var sequences: ListSequences?

    init(client: ChatClient, account: String, customKeys: [String], recorder: SubmitRecorder?, audit: Submitter.AuditHook?,
         settle: (@Sendable ([String]) -> Void)? = nil) {
        self.client = client; self.account = account; self.customKeys = customKeys; self.recorder = recorder; self.audit = audit
        self.settle = settle
    }

    /// Sends one call's worth of entries (at most 1000 friends), retrying as the catalog says, each time from a
    /// fresh read; then resolves rows left in doubt and reads back the applied ones.
    mutating func send(_ entries: [ChangeEntry]) async throws {
        var pending = entries
        // Friends sent in a call that got no answer: maybe applied. The next read decides.
        var inDoubt: [String: String] = [:]
        var written: [String] = []
        let maxAttempts = client.config.retry.maxAttempts
        var attempt = 0, replans = 0
        while !pending.isEmpty {
            // The list's sequences before the read and again right before the write: if they moved, someone wrote
            // in between, so read and plan again (a few times at most) instead of sending what may be stale.
            sequences = try? await client.friendListSequences(account: account, known: sequences)
            let before = sequences
            guard let fetched = try await read(pending, inDoubt: &inDoubt) else { break }
            let plan = fetched.plan
            guard !plan.items.isEmpty else { break }
            // Friends the read decided are done (and audited if they were sent): only the planned ones go on.
            let planned = Set(plan.items.map(\.toAccount))
            pending = pending.filter { planned.contains($0.key.friend) }
            // The last check runs inside the call, after its body is written, right before it goes out: the
            // window in which someone else's write goes unseen is one round trip, not the time to encode 1000 rows.
            let client = client, account = account
            var lastCheck: (@Sendable () async -> Bool)?
            if let before, replans < maxAttempts {
                lastCheck = { @Sendable in
                    guard let now = try? await client.friendListSequences(account: account, known: before) else { return true }
                    return now == before
                }
            }
            attempt += 1
            let ids = plan.items.map(\.toAccount)
            do { try recorder?.sending(ids) } catch {
                // Without a record of what is on the wire, do not send.
                for id in ids { report.outcomes[id] = .notSent(reason: "\(error)") }
                stop = "\(error)"
                break
            }
            for item in plan.items { sentValues[item.toAccount] = item.snsItem; report.sent.insert(item.toAccount) }
            started = true
            do {
                let rows = try await client.friendUpdateOnce(account: account, items: plan.items, lastCheck: lastCheck)
                var outcomes: [String: SubmitOutcome] = [:]
                var again: Set<String> = []
                for r in rows {
                    if case .notSent(let reason) = r.outcome { inDoubt[r.toAccount] = reason; again.insert(r.toAccount) }
                    else { outcomes[r.toAccount] = Submitter.outcome(r.outcome); inDoubt[r.toAccount] = nil }
                }
                var after: [String: Friend] = [:]
                for (f, o) in outcomes where o == .ok { after[f] = applied(f, fetched.fresh[f] ?? nil) }
                record(outcomes, after: after)
                written += outcomes.filter { $0.value == .ok && !report.unaudited.contains($0.key) }.map(\.key)
                pending = entries.filter { again.contains($0.key.friend) }
                if !pending.isEmpty, attempt < maxAttempts { try await backoff(attempt) } else { break }
            } catch is StalePlan {
                // Someone wrote since the read: nothing went out; read and plan again.
                try? recorder?.settled(ids)
                attempt -= 1
                replans += 1
                continue
            } catch let error as ChatError {
                switch error {
                case .api(_, let code, let info):
                    let retry = ErrorCatalog.entry(code).retry
                    // Refused as a whole, nothing applied: clear the marks, read again, plan again.
                    if attempt < maxAttempts, retry == .backoff || (retry == .once && attempt == 1) {
                        try? recorder?.settled(ids)
                        // 30008: another write to the account is on its way. Reading before it lands would plan from
                        // values it is about to replace, so wait for the list to change (or the backoff to pass).
                        if code == 30008 { try await waitForChange(after: attempt) } else { try await backoff(attempt) }
                        continue
                    }
                    let failed = Dictionary(uniqueKeysWithValues: ids.map { ($0, SubmitOutcome.failed(code: code, info: info)) })
                    for id in ids { inDoubt[id] = nil }
                    record(failed, after: [:])
                    if retry == .stop { stop = APIText.rowEarlierCallFailed.text(["error": ErrorCatalog.inline(code)]) }
                    pending = []
                case .transport, .protocolError:
                    for id in ids { inDoubt[id] = error.description }
                    if attempt < maxAttempts { try await backoff(attempt); continue }
                    pending = []
                case .credentials:
                    // No UserSig, so nothing went out.
                    for id in ids { report.outcomes[id] = .notSent(reason: error.description); inDoubt[id] = nil }
                    try? recorder?.settled(ids)
                    stop = error.description
                    pending = []
                }
            }
        }
        // Rows still in doubt after the last attempt: one more read says whether they landed.
        if !inDoubt.isEmpty {
            let doubtful = entries.filter { inDoubt[$0.key.friend] != nil }
            var still = inDoubt
            if try await read(doubtful, inDoubt: &still, sendable: false) != nil {
                for (friend, reason) in still { report.outcomes[friend] = .notSent(reason: reason) }
            }
        }
        await readBack(written)
        // Applied rows leave the journal, then their marks go: a crash before this point reconciles them.
        let applied = toSettle.filter { report.outcomes[$0] == .ok }
        if !applied.isEmpty { settle?(applied) }
        if !toSettle.isEmpty { try? recorder?.settled(toSettle) }
        toSettle = []
    }

    /// Reads the entries' friends and plans; decides refused, conflicting and already applied friends (those
    /// sent before are audited here: the caller audits only rows never sent). Nil when the read failed.
    /// With `sendable: false` (the last check of rows in doubt) the planned rows are left in `inDoubt`.
    private mutating func read(_ entries: [ChangeEntry], inDoubt: inout [String: String], sendable: Bool = true) async throws -> SubmitPlan.Fetched? {
        let fetched: SubmitPlan.Fetched
        do { fetched = try await SubmitPlan.fetch(client, account: account, entries: entries, customKeys: customKeys) } catch {
            if !started { throw error }
            // Not sent; rows in doubt keep their in-flight marks, so the next start reconciles them.
            let reason = (error as? ChatError)?.description ?? "\(error)"
            for e in entries where report.outcomes[e.key.friend] == nil || inDoubt[e.key.friend] != nil {
                report.outcomes[e.key.friend] = .notSent(reason: inDoubt[e.key.friend] ?? reason)
            }
            stop = reason
            return nil
        }
        started = true
        for (friend, maybeTags) in fetched.fresh {
            // What a write replaced (the audit's "old"): the latest read, except after a lost reply, when the read
            // may already show our own write.
            if report.before[friend] == nil || inDoubt[friend] == nil, let tags = maybeTags { report.before[friend] = Friend(id: friend, tags: tags) }
            if let tags = maybeTags { report.fresh[friend] = Friend(id: friend, tags: tags) }
        }
        var found: [String: SubmitOutcome] = [:]
        var foundAfter: [String: Friend] = [:]
        for (friend, r) in fetched.refused {
            let notAFriend = (r.info.isEmpty ? EditText.submitNotAFriend : EditText.submitNotAFriendWithInfo).text(["account": account, "info": r.info])
            report.outcomes[friend] = .failed(code: r.code, info: r.code == 30001 ? notAFriend : r.info)
            if report.sent.contains(friend) { found[friend] = report.outcomes[friend] }
        }
        for (friend, fields) in fetched.plan.conflicts {
            report.outcomes[friend] = .conflict(fields: fields)
            if report.sent.contains(friend) { found[friend] = report.outcomes[friend] }
        }
        for friend in fetched.plan.alreadyApplied {
            report.outcomes[friend] = .ok
            // Sent before and there now: a call without an answer applied it (or someone else did).
            if report.sent.contains(friend) { found[friend] = .ok; foundAfter[friend] = report.fresh[friend] }
        }
        for friend in found.keys { inDoubt[friend] = nil }
        record(found, after: foundAfter)
        if sendable { for item in fetched.plan.items { inDoubt[item.toAccount] = nil } }
        return fetched
    }

    /// Audits rows whose outcome is known, then clears the marks of those not applied (applied ones wait for the
    /// read-back and the journal, in `send`); a failed audit keeps every mark.
    private mutating func record(_ outcomes: [String: SubmitOutcome], after: [String: Friend]) {
        guard !outcomes.isEmpty else { return }
        for (f, o) in outcomes {
            report.outcomes[f] = o
            if o == .ok, let a = after[f] { report.fresh[f] = a }
        }
        if let audit {
            do { try audit(outcomes, report.before, after) } catch {
                report.unaudited.formUnion(outcomes.filter { $0.value == .ok }.map(\.key))
                auditProblem = "\(error)"
                return
            }
        }
        toSettle += outcomes.filter { $0.value == .ok }.map(\.key)
        let done = outcomes.filter { $0.value != .ok }.map(\.key)
        if !done.isEmpty { try? recorder?.settled(done) }
    }

    /// A friend as the server has it after an applied write: the read values with the sent ones over them.
    private func applied(_ friend: String, _ tags: [TagValue]?) -> Friend? {
        guard let tags else { return nil }
        var merged = tags
        for t in sentValues[friend] ?? [] { merged.removeAll { $0.tag == t.tag }; merged.append(t) }
        return Friend(id: friend, tags: merged)
    }

    /// Reads back friends whose write was applied: a value other than the one sent means someone wrote after
    /// the read this call was planned from. The row becomes a conflict with the server's value; a failed
    /// read-back leaves the service's ✓ (the write was acknowledged).
    private mutating func readBack(_ friends: [String]) async {
        guard !friends.isEmpty else { return }
        let tags = [FriendTag.remark, FriendTag.group] + customKeys.map(FriendTag.custom)
        guard let infos = try? await client.friendGetList(account: account, friends: friends.sorted(), tags: tags) else { return }
        for info in infos where (info.resultCode ?? 0) == 0 {
            let now = Friend(id: info.toAccount, tags: info.snsProfileItem ?? [])
            let sent = Friend(id: info.toAccount, tags: sentValues[info.toAccount] ?? [])
            let fields = (sentValues[info.toAccount] ?? []).compactMap { FieldKey(tag: $0.tag) }.filter { field in
                switch (now.value(of: field), sent.value(of: field)) {
                case (.groups(let a), .groups(let b)): Set(a) != Set(b)
                case (let a, let b): a != b
                }
            }
            if !fields.isEmpty {
                report.outcomes[info.toAccount] = .conflict(fields: fields)
                report.fresh[info.toAccount] = now
            }
        }
    }

    /// The backoff before retry `attempt`, ended early once the list's sequences move (the other write landed).
    private mutating func waitForChange(after attempt: Int) async throws {
        let end = ContinuousClock.now + .milliseconds(Int(client.config.retry.delay(beforeRetry: attempt) * 1000))
        let since = sequences
        while ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(40))
            guard let since, let now = try? await client.friendListSequences(account: account, known: since) else { continue }
            if now != since { sequences = now; return }
        }
    }

    private func backoff(_ attempt: Int) async throws {
        try await Task.sleep(for: .milliseconds(Int(client.config.retry.delay(beforeRetry: attempt) * 1000)))
    }
}

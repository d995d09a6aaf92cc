import ChatAPI
import Foundation

/// What the HTTP layer sends back for one request.
enum SandboxReply: Sendable {
    case json(Data)
    /// A reply object, written to JSON by the HTTP layer, off the engine's actor (requests are written in parallel).
    case wire([String: Wire])
    case status(Int, String)
    /// Close the connection without a reply.
    case drop
    /// A read command checked and admitted, to be answered off the actor from this copy of the state (reads do not
    /// wait for each other; the copy is the state as it was when the request was admitted).
    case read(SandboxState, command: String, Body)
}

/// The emulator's brain: checks a request the way the service does, applies faults and runs the command on the
/// state. An actor, so state changes are serialized; a write marks its From_Account busy across any injected
/// latency, which is when a second writer gets 30008.
actor SandboxEngine {
    private(set) var state: SandboxState
    private let key: SecretKey
    private var faults: [FaultRule]
    var serializeWrites: Bool
    var rateLimit: Int
    var rateWindow: Duration = .seconds(1)
    private let statePath: URL?
    private var writing: Set<String> = []
    /// UserSigs already checked ("app/identifier/sig"), with when they expire.
    private var verified: [String: Int64] = [:]
    var writesInProgress: Int { writing.count }
    private var recentCalls: [String: [ContinuousClock.Instant]] = [:]
    /// Requests received per known command (refused ones included), for tests and benchmarks.
    private(set) var callCounts: [String: Int] = [:]
    /// Every distinct value friend_update applied (a group list as its names joined by ","), per
    /// "account/friend/tag", in order: a campaign checks that no row was written twice with different values.
    private(set) var textWrites: [String: [String]] = [:]
    var logsWrites = false

    static let reads: Set<String> = ["sns/friend_get", "sns/friend_get_list", "sns/group_get", "profile/portrait_get",
                                     "im_open_login_svc/account_check"]
    static let writes: Set<String> = ["sns/friend_update", "sns/group_add", "sns/group_delete", "sns/friend_add",
                                      "sns/friend_import", "sns/friend_delete", "profile/portrait_set",
                                      "im_open_login_svc/account_import", "im_open_login_svc/multiaccount_import"]

    init(state: SandboxState, key: SecretKey, faults: [FaultRule], serializeWrites: Bool, rateLimit: Int, statePath: URL?) {
        self.state = state; self.key = key; self.faults = faults
        self.serializeWrites = serializeWrites; self.rateLimit = rateLimit; self.statePath = statePath
    }

    /// Answers one REST request.
    /// `fields` is the body already parsed (nil: not a JSON object): parsing, like writing the reply, happens off
    /// the actor, so only the state's own work is serialized.
    func handle(command: String, query: [String: String], fields: [String: Wire]?) async -> SandboxReply {
        guard Self.reads.contains(command) || Self.writes.contains(command) else {
            return envelope(60009, "Err_Command_Not_Found: v4/\(command)")
        }
        callCounts[command, default: 0] += 1
        if let refusal = checkCredentials(query) { return refusal }
        if rateLimit > 0 && !admitCall(command) { return envelope(60007, "Err_Freq_Limit: over \(rateLimit) calls per second") }

        var rowFaults: [(code: Int, accounts: [String])] = []
        var dropAfter = false
        var latency = 0
        var immediate: SandboxReply?
        // Latency and row faults add up; of the faults that replace the reply, only the first that fires counts
        // (and only it is used up), so `x1` faults on one command take turns.
        for i in faults.indices where faults[i].matches(command) {
            let replaces: Bool
            switch faults[i].kind {
            case .latency, .rowCode: replaces = false
            default: replaces = true
            }
            if replaces && immediate != nil { continue }
            guard fire(i) else { continue }
            switch faults[i].kind {
            case .latency(let ms): latency += ms
            case .http502: immediate = .status(502, "<html><body><h1>502 Bad Gateway</h1></body></html>")
            case .drop: immediate = .drop
            case .malformed: immediate = .json(Data("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"Resu".utf8))
            case .echoURL:
                let q = query.keys.sorted().map { "\($0)=\(query[$0]!)" }.joined(separator: "&")
                immediate = envelope(30006, "Err_Internal: upstream failed for /v4/\(command)?\(q)")
            case .callCode(let code): immediate = envelope(code, ErrorCatalog.entry(code).englishName)
            case .rowCode(let code, let accounts): rowFaults.append((code, accounts))
            case .dropAfter: dropAfter = true; immediate = .drop
            case .hang(let ms): latency += ms; immediate = .drop
            }
        }
        guard let fields else {
            await hold(latency)
            return immediate ?? envelope(60003, "Err_JSON_Parse: the body is not a JSON object")
        }
        let request = Body(fields: fields)
        let account = request.optionalString("From_Account")
        let isWrite = Self.writes.contains(command)
        if isWrite, let account, serializeWrites {
            if writing.contains(account) {
                return envelope(30008, "Err_SNS_Write_Conflict: another write to \(account) is in progress")
            }
            writing.insert(account)
        }
        defer { if isWrite, let account { writing.remove(account) } }
        await hold(latency)
        if let immediate, !dropAfter { return immediate }
        if !isWrite, rowFaults.isEmpty, !dropAfter { return .read(state, command: command, request) }

        let reply: SandboxReply
        do {
            // A row a fault fails is taken out of a write before it runs: what the reply calls failed is not applied.
            let (body, ids, failedAll) = isWrite && !rowFaults.isEmpty ? Self.withoutFaultedRows(request, rowFaults) : (request, [], false)
            var payload = failedAll ? [:] : try run(command, body)
            if !rowFaults.isEmpty { payload = Self.applyRowFaults(rowFaults, to: payload, ids: ids) }
            reply = ok(payload)
            if isWrite { persist() }
        } catch {
            reply = failure(error)
        }
        return dropAfter ? .drop : reply
    }

    /// Answers a read admitted by `handle`, on the caller's thread.
    nonisolated func answer(_ state: SandboxState, _ command: String, _ body: Body) -> SandboxReply {
        do {
            guard let payload = try Self.read(state, command, body) else { return envelope(60009, "Err_Command_Not_Found") }
            return ok(payload)
        } catch {
            return failure(error)
        }
    }

    /// A read command's payload from `state`, or nil when `command` is not a read.
    private static func read(_ state: SandboxState, _ command: String, _ body: Body) throws(SandboxFault) -> [String: Wire]? {
        switch command {
        case "sns/friend_get": try state.friendGet(body)
        case "sns/friend_get_list": try state.friendGetList(body)
        case "sns/group_get": try state.groupGet(body)
        case "profile/portrait_get": try state.portraitGet(body)
        case "im_open_login_svc/account_check": try state.accountCheck(body)
        default: nil
        }
    }

    /// The reply for a command that threw: its own code, or 30006.
    private nonisolated func failure(_ error: Error) -> SandboxReply {
        guard case .call(let code, let info) = error as? SandboxFault else { return envelope(30006, "Err_Internal: \(error)") }
        return envelope(code, info)
    }

    /// Runs any command on the state (writes here, on the actor; reads too when a row fault rewrites them).
    private func run(_ command: String, _ body: Body) throws -> [String: Wire] {
        if let payload = try Self.read(state, command, body) { return payload }
        switch command {
        case "sns/friend_update":
            let (payload, rows) = try state.friendUpdate(body)
            if logsWrites { logWrites(body, rows) }
            return payload
        case "sns/group_add": return try state.groupAdd(body)
        case "sns/group_delete": return try state.groupDelete(body)
        case "profile/portrait_set": return try state.portraitSet(body)
        case "im_open_login_svc/account_import": return try state.accountImport(body)
        case "im_open_login_svc/multiaccount_import": return try state.multiaccountImport(body)
        case "sns/friend_add": return try state.friendAdd(body)
        case "sns/friend_import": return try state.friendImport(body)
        case "sns/friend_delete": return try state.friendDelete(body)
        default: throw SandboxFault.call(60009, "Err_Command_Not_Found")
        }
    }

    /// The URL's app, identifier and UserSig, checked in the order the codes are documented.
    private func checkCredentials(_ query: [String: String]) -> SandboxReply? {
        guard let appText = query["sdkappid"], let appID = UInt64(appText) else { return envelope(60006, "Err_SdkAppId_Invalid") }
        guard appID == state.sdkAppID else { return envelope(70020, "Err_SdkAppId_Not_Found: \(appID)") }
        let identifier = query["identifier"] ?? ""
        guard let sig = query["usersig"], !sig.isEmpty else { return envelope(70002, "Err_UserSig_Empty") }
        // A UserSig checked once is known until it expires (a client sends the same one for an hour); checking it
        // (inflate, parse, HMAC) on every request was a visible part of the emulator's CPU per friend list.
        let now = Int64(Date().timeIntervalSince1970)
        if let expires = verified["\(appID)/\(identifier)/\(sig)"], now <= expires {
        } else {
            do {
                let claims = try UserSig.verify(sig, key: key, sdkAppID: appID, identifier: identifier)
                if verified.count >= 256 { verified.removeAll() }
                verified["\(appID)/\(identifier)/\(sig)"] = claims.expiresAt
            } catch {
                return envelope(error.apiCode, "Err_UserSig_Check_Failed: \(error.englishDescription)")
            }
        }
        guard state.admins.contains(identifier) else { return envelope(60010, "Err_Need_Admin: \(identifier) is not an app administrator") }
        return nil
    }

    /// A sliding window per command (one second, as the service counts).
    private func admitCall(_ command: String) -> Bool {
        let now = ContinuousClock.now
        var times = recentCalls[command, default: []]
        times.removeAll { now - $0 >= rateWindow }
        guard times.count < rateLimit else { recentCalls[command] = times; return false }
        times.append(now)
        recentCalls[command] = times
        return true
    }

    /// Whether fault `i` hits this call, counting it down when it has a count.
    private func fire(_ i: Int) -> Bool {
        if faults[i].after > 0 { faults[i].after -= 1; return false }
        if let n = faults[i].remaining {
            guard n > 0 else { return false }
            faults[i].remaining = n - 1
            return true
        }
        return faults[i].rate >= 1 || Double.random(in: 0..<1) < faults[i].rate
    }

    /// The rows of a write's request (UpdateItem, AddFriendItem, To_Account) without those a row fault fails, the
    /// ids of all rows in request order, and whether none is left to run.
    static func withoutFaultedRows(_ request: Body, _ faults: [(code: Int, accounts: [String])]) -> (Body, [String], Bool) {
        func faulted(_ id: String) -> Bool { faults.contains { $0.accounts.isEmpty || $0.accounts.contains(id) } }
        var fields = request.fields
        var ids: [String] = []
        var left = 0
        for key in ["UpdateItem", "AddFriendItem"] {
            guard case .array(let items)? = fields[key] else { continue }
            let kept = items.filter { item in
                guard case .object(let o) = item, case .string(let id)? = o["To_Account"] else { return true }
                ids.append(id)
                return !faulted(id)
            }
            left += kept.count
            fields[key] = .array(kept)
        }
        if let accounts = fields["To_Account"]?.stringList, fields["UpdateItem"] == nil, fields["AddFriendItem"] == nil {
            ids = accounts
            let kept = accounts.filter { !faulted($0) }
            left = kept.count
            fields["To_Account"] = .strings(kept)
        }
        // group_add still creates its groups when every friend to put in them failed.
        return (Body(fields: fields), ids, !ids.isEmpty && left == 0 && fields["GroupName"] == nil)
    }

    /// Marks the faulted rows failed in the reply, adding a row for each one taken out of the request.
    static func applyRowFaults(_ faults: [(code: Int, accounts: [String])], to payload: [String: Wire], ids: [String] = []) -> [String: Wire] {
        var rows: [Wire] = []
        if case .array(let r)? = payload["ResultItem"] { rows = r }
        if !ids.isEmpty {
            // The reply's rows in request order, with a row for each id the request no longer had.
            var byID: [String: Wire] = [:]
            for row in rows { if case .object(let o) = row, case .string(let id)? = o["To_Account"] { byID[id] = row } }
            rows = ids.map { byID[$0] ?? .object(["To_Account": .string($0), "ResultCode": 0, "ResultInfo": ""]) }
        } else if payload["ResultItem"] == nil {
            return payload
        }
        var failed: [String] = payload["Fail_Account"]?.stringList ?? []
        let newRows: [Wire] = rows.map { row in
            guard case .object(var o) = row, case .string(let id)? = o["To_Account"],
                  let fault = faults.first(where: { $0.accounts.isEmpty || $0.accounts.contains(id) }) else { return row }
            o["ResultCode"] = .int(Int64(fault.code))
            o["ResultInfo"] = .string("Injected: \(ErrorCatalog.entry(fault.code).englishName)")
            if !failed.contains(id) { failed.append(id) }
            return .object(o)
        }
        var out = payload
        out["ResultItem"] = .array(newRows)
        if !failed.isEmpty { out["Fail_Account"] = .strings(failed) }
        return out
    }

    nonisolated func envelope(_ code: Int, _ info: String) -> SandboxReply {
        encode(["ActionStatus": "FAIL", "ErrorCode": .int(Int64(code)), "ErrorInfo": .string(info), "ErrorDisplay": ""])
    }

    nonisolated func ok(_ payload: [String: Wire]) -> SandboxReply {
        var all = payload
        all["ActionStatus"] = "OK"
        all["ErrorCode"] = 0
        all["ErrorInfo"] = ""
        all["ErrorDisplay"] = ""
        return encode(all)
    }

    nonisolated private func encode(_ fields: [String: Wire]) -> SandboxReply { .wire(fields) }

    // MARK: control

    func addFault(_ rule: FaultRule) { faults.append(rule) }
    func clearFaults() { faults.removeAll() }
    var faultSpecs: [String] { faults.map { $0.spec + ($0.remaining.map { " (\($0) left)" } ?? "") } }
    func setSerializeWrites(_ on: Bool) { serializeWrites = on }
    func setRateLimit(_ n: Int) { rateLimit = n }
    func setRateWindow(_ window: Duration) { rateWindow = window }
    func setLogsWrites(_ on: Bool) { logsWrites = on }
    func setSensitiveWords(_ words: [String]) { state.sensitiveWords = words }
    func addCustomField(_ key: String) { if !state.customFields.contains(key) { state.customFields.append(key) } }
    func resetCallCounts() { callCounts = [:] }

    /// Set when the server stops: held requests are let go at once.
    private var stopping = false
    func beginShutdown() { stopping = true }

    /// Injected latency, cut short when the server stops (a graceful shutdown waits for every request).
    private func hold(_ milliseconds: Int) async {
        guard milliseconds > 0 else { return }
        let end = ContinuousClock.now + .milliseconds(milliseconds)
        while !stopping, ContinuousClock.now < end {
            try? await Task.sleep(for: min(.milliseconds(20), end - ContinuousClock.now))
        }
    }

    private func logWrites(_ body: Body, _ rows: [RowResult]) {
        let owner = body.optionalString("From_Account") ?? ""
        let applied = Set(rows.filter { $0.code == 0 }.map(\.account))
        for item in (try? body.objects("UpdateItem")) ?? [] {
            guard let id = try? item.string("To_Account"), applied.contains(id) else { continue }
            for sns in (try? item.objects("SnsItem")) ?? [] {
                guard let tag = try? sns.string("Tag"), let raw = sns.fields["Value"] else { continue }
                // A group list is logged as its names joined by ",", so a resent stale list shows as a new value.
                guard let value = raw.stringList.map({ $0.joined(separator: ",") }) ?? { if case .string(let s) = raw { s } else { nil } }() else { continue }
                let key = "\(owner)/\(id)/\(tag)"
                if textWrites[key]?.last != value { textWrites[key, default: []].append(value) }
            }
        }
    }

    /// Writes the state file atomically, when the sandbox has one.
    func persist() {
        guard let statePath else { return }
        guard let data = try? JSONEncoder().encode(state) else { return }
        try? data.write(to: statePath, options: .atomic)
    }
}

import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Testing
import TestSupport

/// The project's own reliability campaign (docs/RELIABILITY.md): `make test` runs each small, `make reliability`
/// full size with a printed seed. Each prints one line with its figures and fails on any lost, doubled, unaudited,
/// wrongly reported or leaked row.
@Suite(.serialized) struct ReliabilityCampaignTests {
    typealias R = ReliabilityCampaign

    /// kill -9 of `apply` at random moments of a slowed 2,500-row submit (during its reads or after its first or
    /// second call reached the server, plus up to 400 ms), then a rerun while another client adds a group to
    /// three of the friends. Checked from the emulator: every change on the server or visibly refused, no field
    /// written twice with different values, every applied row audited, the other client's group kept.
    @Test func killMinus9OfApplyAtRandomMoments() async throws {
        let rounds = Campaign.size(2, full: 20), rows = Campaign.size(1500, full: 2500)
        var rng = Campaign.rng("kill-apply")
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        var kills = 0, lost = 0, twice = 0, unaudited = 0, raced = 0, concurrent = 0, visible = 0, racedRounds = 0
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:latency=300"])) { server, client in
            let other = try TestClients.make(baseURL: server.url)
            for round in 1...rounds {
                let account = "k\(round)"
                let ids = (0..<rows).map { String(format: "f%04d", $0) }
                try await TestSandbox.seed(client, owner: account, friends: ids)
                let changes: [(friend: String, change: R.Change)] = ids.enumerated().flatMap { i, f -> [(friend: String, change: R.Change)] in
                    var c: [(friend: String, change: R.Change)] = [(f, .remark("r\(round)-\(i)"))]
                    if i % 10 == 0 { c.append((f, .addGroup("Mine"))) }
                    if i % 7 == 0 { c.append((f, .custom("Test", "t\(round)"))) }
                    return c
                }
                let file = dir.appendingPathComponent("\(account).json")
                try R.writeChangeSet(file, account: account, changes)
                let args = ["apply", file.path] + (try R.profile(server.url, env: env))
                let before = await server.callCounts()["sns/friend_update"] ?? 0
                let first = try R.Child(args, env: env, dir: dir)
                let calls = Int.random(in: 0...2, using: &rng), extra = Int.random(in: 0...400, using: &rng)
                _ = try await R.waitUntil { (await server.callCounts()["sns/friend_update"] ?? 0) - before >= calls || !first.process.isRunning }
                try await Task.sleep(for: .milliseconds(extra))  // the random moment itself
                kill(first.process.processIdentifier, SIGKILL)
                if first.wait() { kills += 1 }

                // The rerun, at once (the killed call may still be on the server), beside another client that adds
                // a group to three friends whose rows also add one.
                let touched = (0..<3).map { _ in ids[Int.random(in: 0..<(rows / 10), using: &rng) * 10] }
                let racedBefore = raced
                let rerun = try R.Child(args, env: env, dir: dir)
                let theirs = try await Submitter(client: other).submit(account: account, entries: touched.map {
                    ChangeEntry(key: EntryKey(app: R.app, account: account, friend: $0, field: .groups), base: .groups([]),
                                intent: .groups(add: ["Theirs"], remove: []))
                }, customKeys: [])
                rerun.wait()
                #expect([0, 1].contains(rerun.process.terminationStatus), "\(rerun.stderr.prefix(2000))")
                _ = try await R.waitUntil { await server.writesInProgress() == 0 }

                let now = try await R.server(client, account, ids)
                let printed = rerun.outcomes
                let audit = try R.audited(account, env: env)
                let shared = Set(touched)
                for (f, change) in changes {
                    let on = R.holds(now[f], change)
                    let said = printed[f] ?? ""
                    if !on {
                        // Not on the server: only acceptable when the rerun said so for this friend. A group list two
                        // clients wrote at once is counted apart: the API cannot make that safe (see below).
                        if case .addGroup = change, shared.contains(f) {
                            raced += 1
                            print("race: our change lost, \(account) \(f): writes \(await server.textWrites()["\(account)/\(f)/\(FriendTag.group)"] ?? []), rerun \(said), theirs \(String(describing: theirs.outcomes[f])), killed after \(calls) + \(extra)")
                        } else if said.hasSuffix("✓") || said.contains("already as staged") || said.isEmpty {
                            lost += 1
                            let f0 = now[f]
                            Issue.record("\(account) \(f) \(change) lost: the rerun printed \"\(said)\", the server has remark \(f0?.remark ?? "-"), groups \(f0?.groups ?? []), custom \(f0?.custom ?? [:]); killed after \(calls) calls + \(extra) ms")
                        } else { visible += 1 }
                    } else if !audit.contains("\(f)/\(R.field(change))") {
                        unaudited += 1
                    }
                }
                // Their group gone after both writes were acknowledged: one write landed in the other's window between
                // its last check and its write. No client of an API without conditional writes can rule that out;
                // the campaign measures how often it happens (before the sequence checks: 3 of 3 in a round).
                for f in touched where theirs.outcomes[f] == .ok && !(now[f]?.groups.contains("Theirs") ?? false) {
                    raced += 1
                    print("race: the other client's group lost, \(account) \(f): writes \(await server.textWrites()["\(account)/\(f)/\(FriendTag.group)"] ?? []), rerun \(printed[f] ?? "-"), killed after \(calls) + \(extra)")
                }
                if raced > racedBefore { racedRounds += 1 }
                concurrent += touched.count
                twice += await R.writtenTwice(server, account, shared: touched)
            }
        }
        // Every output of the killed and rerun processes, their log, journal, audit log and cache.
        let scan = R.scanForSecrets([dir])
        #expect(scan.leaks.isEmpty, "\(scan.leaks)")
        Campaign.report("secrets scan after the apply kills: \(scan.files) outputs, logs and state files (\(scan.bytes / 1024) KB), \(scan.leaks.count) secrets")
        Campaign.report("kill -9 apply: \(kills) kills at random moments of \(rounds) \(rows)-row submits, \(lost) lost, \(twice) written twice "
            + "with different values, \(unaudited) applied rows unaudited, \(visible) rows shown not applied; \(raced) of \(concurrent) group lists "
            + "two clients wrote at once lost one side")
        #expect(kills >= 1 && lost == 0 && twice == 0 && unaudited == 0)
        // The window cannot be closed, only kept small: at most one friend in ten (the old re-send lost 3 of 3).
        // The small run of `make test` has two rounds, too few for a rate: one write landing in the other's window
        // (one call, up to three friends; seen once on a loaded machine) must not fail it, a race in every round
        // (what the missing sequence checks gave) does.
        if Campaign.full { #expect(raced * 10 <= concurrent, "\(raced) of \(concurrent)") }
        else { #expect(racedRounds < rounds, "\(racedRounds) of \(rounds) rounds raced, \(raced) of \(concurrent) friends") }
    }

    /// A submit of many rows under about 20% mixed faults on every call it makes (30006, 30008, 502, connections
    /// dropped before and after the write, service text quoting the request URL, latency). Every row must end
    /// either applied and reported ✓ (and audited), or reported not applied and not on the server.
    @Test func aSubmitUnderTwentyPercentMixedFaults() async throws {
        let runs = Campaign.size(1, full: 4), rows = Campaign.size(600, full: 2500)
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        let faults = ["sns/friend_update:code=30006@0.04", "sns/friend_update:code=30008@0.04", "sns/friend_update:http502@0.03",
                      "sns/friend_update:drop@0.03", "sns/friend_update:drop-after@0.04", "sns/friend_update:echo-url@0.02",
                      "sns/friend_get_list:http502@0.05", "sns/friend_get_list:drop@0.03", "sns/friend_get_list:echo-url@0.04",
                      "sns/friend_get_list:code=30006@0.04", "sns/friend_get_list:drop-after@0.04", "*:latency=5@0.2"]
        var applied = 0, refused = 0, wrong = 0, unaudited = 0, outputs: [String] = []
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            for run in 1...runs {
                let account = "m\(run)"
                let ids = (0..<rows).map { String(format: "f%04d", $0) }
                try await TestSandbox.seed(client, owner: account, friends: ids)
                let changes: [(friend: String, change: R.Change)] = ids.enumerated().map { i, f in (f, i % 3 == 0 ? .addGroup("G\(run)") : .remark("m\(run)-\(i)")) }
                let file = dir.appendingPathComponent("\(account).json")
                try R.writeChangeSet(file, account: account, changes)
                // Small calls (a 2,500-row file is 3 friend_update calls; these faults then hit a call in five).
                for f in faults { try await server.addFault(f) }
                let child = try R.Child(["apply", file.path] + (try R.profile(server.url, env: env)), env: env, dir: dir)
                child.wait()
                await server.clearFaults()
                _ = try await R.waitUntil { await server.writesInProgress() == 0 }
                outputs += [child.stdout, child.stderr]
                let now = try await R.server(client, account, ids)
                let printed = child.outcomes
                let audit = try R.audited(account, env: env)
                for (f, change) in changes {
                    let on = R.holds(now[f], change), said = printed[f] ?? "(no line)"
                    let claimsApplied = said.hasSuffix("✓") || said.contains("already as staged")
                    if on { applied += 1 } else { refused += 1 }
                    // Wrong: ✓ for a row not there, or "not applied" for a row that is (an unknown outcome must be re-read).
                    if on != claimsApplied { wrong += 1; if wrong < 4 { Issue.record("\(f): server \(on), printed \(said)") } }
                    if on && !audit.contains("\(f)/\(R.field(change))") { unaudited += 1 }
                }
                #expect(await R.writtenTwice(server, account) == 0)
            }
        }
        let scan = R.scanForSecrets([dir], texts: outputs)
        Campaign.report("\(runs) submits of \(rows) rows under ~20% mixed faults: \(applied) applied, \(refused) visibly not applied, "
            + "\(wrong) wrongly reported, \(unaudited) applied rows unaudited")
        Campaign.report("secrets scan: \(scan.files) outputs, logs and state files (\(scan.bytes / 1024) KB) after echo-url faults, \(scan.leaks.count) secrets")
        #expect(wrong == 0 && unaudited == 0 && applied > 0)
        #expect(scan.leaks.isEmpty, "\(scan.leaks)")
        // The scan can fail: a real UserSig is caught, alone or as a query value.
        let sig = UserSig.generate(key: TestCredentials.key, sdkAppID: R.app, identifier: TestCredentials.admin)
        #expect(!R.scanForSecrets([], texts: ["ErrorInfo: usersig=" + sig]).leaks.isEmpty)
        #expect(!R.scanForSecrets([], texts: ["quoted " + sig + " here"]).leaks.isEmpty)
    }

    /// kill -9 of the TUI at random moments of a slowed submit (during its reads, or after its first call reached
    /// the server, plus up to 500 ms). On restart the resume offer must hold exactly the changes the server does not
    /// have (reconciled first); resuming and submitting then ends with every change applied once and audited.
    @Test func killMinus9OfTheTUIDuringASubmit() async throws {
        let rounds = Campaign.size(1, full: 10), rows = 1200
        var rng = Campaign.rng("kill-tui")
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText, "TERM": "xterm-256color"])
        var kills = 0, offersRight = 0, lost = 0, twice = 0, unaudited = 0, screens: [String] = []
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:latency=400"])) { server, client in
            let profile = try R.profile(server.url, env: env).joined(separator: " ")
            let bin = TmuxSession.quote(CommandRunner.contactdesk.path)
            for round in 1...rounds {
                let account = "u\(round)"
                let ids = (0..<rows).map { String(format: "f%04d", $0) }
                try await TestSandbox.seed(client, owner: account, friends: ids)
                let changes: [(friend: String, change: R.Change)] = ids.enumerated().flatMap { i, f -> [(friend: String, change: R.Change)] in
                    i % 5 == 0 ? [(f, .remark("u\(round)-\(i)")), (f, .custom("Test", "c\(i)"))] : [(f, .remark("u\(round)-\(i)"))]
                }
                let file = dir.appendingPathComponent("\(account).json")
                try R.writeChangeSet(file, account: account, changes)
                func tui(_ extra: String = "") throws -> TmuxSession {
                    try TmuxSession(command: "\(bin) \(profile) --account \(account)\(extra); echo EXIT=$?; sleep 30", width: 120, height: 30, environment: env)
                }
                let t = try tui(" --import " + TmuxSession.quote(file.path))
                try t.waitFor("waiting in the journal")
                try t.send("r")
                try t.waitFor("│ \(changes.count) staged │")
                let before = await server.callCounts()["sns/friend_update"] ?? 0
                try t.send("S")
                try t.waitFor("y submit")
                try t.send("y")
                let calls = Int.random(in: 0...1, using: &rng), extra = Int.random(in: 0...500, using: &rng)
                _ = try await R.waitUntil { (await server.callCounts()["sns/friend_update"] ?? 0) - before >= calls }
                try await Task.sleep(for: .milliseconds(extra))  // the random moment itself
                try EditingEndToEndTests.killContactDesk(t)
                try t.waitFor("EXIT=137")
                kills += 1
                _ = try await R.waitUntil { await server.writesInProgress() == 0 }
                let atRestart = try await R.server(client, account, ids)
                let missing = changes.filter { !R.holds(atRestart[$0.friend], $0.change) }.count

                let again = try tui()
                if missing > 0 {
                    let offer = try again.waitFor("the resume offer") { $0.contains("waiting in the journal") }
                    let offered = offer.firstMatch(of: /(\d+) staged changes? for/).flatMap { Int($0.1) }
                    if offered == missing { offersRight += 1 } else { Issue.record("offered \(offered ?? -1), the server lacks \(missing)") }
                    try again.send("r")
                    try again.waitFor("│ \(missing) staged │")
                    try again.send("S")
                    try again.waitFor("y submit")
                    try again.send("y")
                    try again.waitFor("the submit's end") { $0.contains("submitted:") && $0.contains("│ 0 staged │") }
                } else {
                    try again.waitFor("the list, nothing staged") { $0.contains("\(rows) friends") && $0.contains("│ 0 staged │") }
                    if try again.capture().contains("waiting in the journal") { Issue.record("offered changes the server has") } else { offersRight += 1 }
                }
                screens.append(try again.capture())
                try again.send("q")
                try again.waitFor("EXIT=0")

                let now = try await R.server(client, account, ids)
                let audit = try R.audited(account, env: env)
                for (f, change) in changes {
                    if !R.holds(now[f], change) { lost += 1 } else if !audit.contains("\(f)/\(R.field(change))") { unaudited += 1 }
                }
                twice += await R.writtenTwice(server, account)
            }
        }
        // The state the TUI left (journal, audit log, cache, log file) and every screen read.
        let scan = R.scanForSecrets([dir], texts: screens)
        #expect(scan.leaks.isEmpty, "\(scan.leaks)")
        Campaign.report("secrets scan after the TUI kills: \(scan.files) screens, logs and state files (\(scan.bytes / 1024) KB), \(scan.leaks.count) secrets")
        Campaign.report("kill -9 TUI: \(kills) kills at random moments of \(rounds) \(rows)-friend submits, \(offersRight) of \(kills) resume offers "
            + "held exactly the unapplied changes, \(lost) lost, \(twice) written twice with different values, \(unaudited) applied rows unaudited")
        #expect(kills == rounds && offersRight == kills && lost == 0 && twice == 0 && unaudited == 0)
    }
}

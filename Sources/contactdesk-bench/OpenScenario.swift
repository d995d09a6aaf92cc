import ChatAPI
import ChatSandbox
import ContactDeskUI
import ContactEditing
import Foundation

/// Opening the 3000-friend demo account with nothing cached: every friend, group and nickname over the wire.
enum OpenScenario {
    static let account = "demo_shop"

    static func cold(url: String, runs: Int, link: Link, emulatorPID: pid_t) async throws -> [Finding] {
        try await link.apply(url)
        var ours = Sample(), naive = Sample(), firstRows = Sample(), clientCPU = Sample(), emulatorCPU = Sample()
        var calls = 0, naiveCalls = 0, connections = 0, naiveConnections = 0
        for _ in 0..<runs {
            // Each open starts with the service's one-second window empty: back to back, the opens of both clients
            // went over 200 friend_get calls a second and one in five waited out a 60007 (the 1.2 s maxima before).
            try await Task.sleep(for: .seconds(1))
            // New clients each run: no pooled connection, no cached UserSig survives from the last.
            let (client, counter) = try BenchClients.contactDesk(url)
            let started = ContinuousClock.now
            let firstPage = FirstPage()
            let (cpuBefore, emulatorBefore) = (CPUTime.ownMS(), CPUTime.processMS(emulatorPID))
            let (roster, ms) = try await timed {
                try await RosterLoader(client: client).load(account: account) { if case .page = $0 { await firstPage.mark(started) } }
            }
            clientCPU.add((CPUTime.ownMS() - cpuBefore) / 3)
            emulatorCPU.add(CPUTime.processMS(emulatorPID) - emulatorBefore)
            firstRows.add(await firstPage.ms ?? ms)
            guard roster.friends.count == 3000, roster.friends.allSatisfy({ !$0.nickname.isEmpty }) else {
                throw BenchError("ContactDesk loaded \(roster.friends.count) friends, some without nicknames")
            }
            ours.add(ms); calls = counter.totalCalls; connections = counter.newConnections

            try await Task.sleep(for: .seconds(1))
            let (baseline, baseCounter) = try BenchClients.naive(url)
            let (named, baseMs) = try await timed { try await NaiveClient.open(baseline, account: account) }
            guard named == 3000 else { throw BenchError("the baseline got \(named) nicknames") }
            naive.add(baseMs); naiveCalls = baseCounter.totalCalls; naiveConnections = baseCounter.newConnections
        }
        try await Link.loopback.apply(url)
        let factor = link.latencyMS > 0 ? 6.0 : 3.0
        // The floor no client can beat: the emulator's own CPU, and on a link the round trips of page 1, the
        // remaining pages at once, and the last page's nicknames.
        let floor = max(emulatorCPU.median, Double(3 * link.latencyMS))
        var found: [Finding] = [
            .speedup("open 3000 friends, cold, \(link.name)", "until every row has its nickname", ours: ours, naive: naive,
                     factor: factor, target: "≥ \(Int(factor))x faster than the baseline"),
            Finding(scenario: "open 3000 friends, cold, \(link.name)", measure: "floor: emulator CPU per open\(link.latencyMS > 0 ? ", or 3 round trips" : "")",
                    value: String(format: "%.0f ms", floor), baseline: "", ratio: String(format: "%.1fx the floor", ours.median / max(1, floor)),
                    target: "", met: nil),
        ]
        if link.latencyMS == 0 {
            // Client and emulator share this machine's cores: an open cannot end before both have done their work.
            let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
            let machineFloor = (clientCPU.median * 3 + emulatorCPU.median) / cores
            found.append(Finding(scenario: "open 3000 friends, cold, loopback",
                                 measure: "floor: client + emulator CPU per open over \(Int(cores)) cores (one machine)",
                                 value: String(format: "%.0f ms", machineFloor), baseline: "",
                                 ratio: String(format: "%.1fx the floor (an open at the floor: %.1fx the baseline)", ours.median / max(1, machineFloor),
                                               naive.median / max(1, machineFloor)),
                                 target: "", met: nil))
            found.append(Finding(scenario: "open 3000 friends, cold, loopback", measure: "client CPU per 1000 friends (decode, Friend values, calls)",
                                 value: clientCPU.describe(.ms), target: "< 15 ms", met: clientCPU.median < 15))
            found.append(Finding(scenario: "open 3000 friends, cold, loopback", measure: "emulator CPU per open (61 replies)",
                                 value: emulatorCPU.describe(.ms), target: "< 40 ms", met: emulatorCPU.median < 40))
        }
        return found + [
            Finding(scenario: "open 3000 friends, cold, \(link.name)", measure: "first rows on screen (first page)",
                    value: firstRows.describe(.ms), baseline: "(all at the end)", ratio: speedRatio(naive.median, firstRows.median), target: "", met: nil),
            Finding(scenario: "open 3000 friends, cold, \(link.name)", measure: "calls / new connections",
                    value: "\(calls) / \(connections)", baseline: "\(naiveCalls) / \(naiveConnections)", target: "", met: nil),
        ]
    }
}

extension OpenScenario {
    /// Opening it again with the list cached and nothing changed on the server: the list from SQLite goes on
    /// screen (reducer and render included), then friend_get with the cached sequences and group_get confirm it.
    static func warm(url: String, runs: Int, stateDirectory: URL, binary: String) async throws -> [Finding] {
        let cacheURL = stateDirectory.appendingPathComponent("bench-roster-cache.sqlite")
        let app = DemoSeed.sdkAppID
        do {
            let (client, _) = try BenchClients.contactDesk(url)
            try RosterCache(url: cacheURL).save(try await RosterLoader(client: client).load(account: account), app: app, endpoint: url)
        }
        var shown = Sample(), confirmed = Sample()
        var calls = 0
        for _ in 0..<runs {
            let (client, counter) = try BenchClients.contactDesk(url)
            let started = ContinuousClock.now
            // What the TUI does on open: the cache file, the reducer, the first frame.
            let cache = try RosterCache(url: cacheURL)
            guard let cached = cache.load(app: app, endpoint: url, account: account) else { throw BenchError("nothing cached") }
            var state = AppState(info: AppInfo(sdkAppID: app, endpoint: url), account: account, width: 80, height: 24)
            _ = Reducer.open(&state, account)
            _ = Reducer.reduce(&state, .rosterCached(cached.roster, savedAt: cached.savedAt))
            _ = Screen.render(state)
            shown.add(ms(since: started))
            guard state.visible.count == 3000 else { throw BenchError("the cached list shows \(state.visible.count) rows") }
            let fresh = try await RosterLoader(client: client).refresh(cached.roster)
            _ = Reducer.reduce(&state, .rosterLoaded(fresh))
            _ = Screen.render(state)
            confirmed.add(ms(since: started))
            guard fresh == cached.roster else { throw BenchError("the refreshed list differs from the cached one") }
            calls = counter.totalCalls
        }
        return [
            Finding(scenario: "open 3000 friends, warm", measure: "list on screen from the cache", value: shown.describe(.ms),
                    target: "< 100 ms", met: shown.median < 100),
            Finding(scenario: "open 3000 friends, warm", measure: "calls to confirm it (friend_get with sequences, group_get)",
                    value: "\(calls)", baseline: "61", target: "≤ 2 calls", met: calls <= 2),
            Finding(scenario: "open 3000 friends, warm", measure: "until confirmed by the server, loopback", value: confirmed.describe(.ms),
                    target: "", met: nil),
        ] + (try realBinary(url: url, runs: runs, binary: binary))
    }

    /// The same from outside: the real binary on a pseudo-terminal, process start and ncurses included.
    static func realBinary(url: String, runs: Int, binary: String) throws -> [Finding] {
        struct Times: Decodable { var coldFirstMs: Double; var coldLoadedMs: Double; var warmFirstMs: [Double]; var warmLoadedMs: [Double] }
        let out = try PtyScript.output(script: "scripts/pty-open-time.py", [binary, "--url", url, "--runs", "\(runs)", "--json"])
        guard let t = try? JSONDecoder().decode(Times.self, from: Data(out.utf8)) else { throw BenchError("pty-open-time.py: \(out)") }
        var first = Sample(), loaded = Sample()
        t.warmFirstMs.forEach { first.add($0) }
        t.warmLoadedMs.forEach { loaded.add($0) }
        return [
            Finding(scenario: "open 3000 friends, warm, real binary", measure: "process start until the first row is drawn",
                    value: first.describe(.ms), baseline: "", target: "< 100 ms", met: first.median < 100),
            Finding(scenario: "open 3000 friends, warm, real binary", measure: "until \"friends loaded\"", value: loaded.describe(.ms),
                    baseline: "cold: \(Unit.ms.format(t.coldLoadedMs))", target: "", met: nil),
        ]
    }
}

func ms(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

/// When the first page reached the screen's side of the loader.
actor FirstPage {
    var ms: Double?
    func mark(_ start: ContinuousClock.Instant) { if ms == nil { ms = contactdesk_bench.ms(since: start) } }
}

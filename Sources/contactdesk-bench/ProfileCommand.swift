import ArgumentParser
import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation

/// `contactdesk-bench profile`: one hot path repeated with nothing else in the process, to run under `perf record`
/// (the full bench mixes ContactDesk, the naive baseline and the emulator's threads in one profile).
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profile", abstract: "Repeat one hot path for a profiler (internal).",
                                                    shouldDisplay: false)
    enum Path: String, ExpressibleByArgument { case open, decode }
    @Argument var path: Path = .open
    @Option var runs = 50

    func run() async throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let started = ContinuousClock.now
        let cpu = CPUTime.ownMS()
        switch path {
        case .open:
            for run in 0..<runs {
                let (client, _) = try BenchClients.contactDesk(emulator.url)
                let one = ContinuousClock.now
                let roster = try await RosterLoader(client: client).load(account: OpenScenario.account)
                if run < 3 { print(String(format: "run %d: %.1f ms", run + 1, ms(since: one))) }
                guard roster.friends.count == 3000 else { throw BenchError("loaded \(roster.friends.count) friends") }
            }
        case .decode:
            let page = try await DecodeScenario.body(emulator.url, .friendGet, #"{"From_Account":"demo_shop","StartIndex":0}"#)
            for _ in 0..<runs * 30 {
                let payload = try ChatClient.decodeReply(.friendGet, page, as: FriendGetPayload.self).payload
                guard (payload.userDataItem ?? []).map({ Friend(id: $0.toAccount, tags: $0.valueItem ?? []) }).count == 100 else {
                    throw BenchError("decoded a short page")
                }
            }
        }
        print(String(format: "%@ x%d: %.0f ms, %.1f ms CPU per run", path.rawValue, runs, ms(since: started), (CPUTime.ownMS() - cpu) / Double(runs)))
    }
}

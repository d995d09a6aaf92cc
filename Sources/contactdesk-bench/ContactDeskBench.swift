import ArgumentParser
import Foundation

/// `contactdesk-bench`: every performance scenario of BENCHMARKS.md from one command.
@main
struct ContactDeskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contactdesk-bench",
        abstract: "Measure ContactDesk against the emulator on loopback and against a naive client.",
        discussion: """
        Build in release first (`make bench` does both). Network scenarios run against the demo emulator in a child
        process with the API's rate limit (200 calls/s per command). Figures are medians with min–max over the runs.
        """,
        subcommands: [RunCommand.self, EmulatorCommand.self, ProfileCommand.self],
        defaultSubcommand: RunCommand.self
    )
}

enum Scenario: String, CaseIterable, ExpressibleByArgument {
    case open, warm, submit, filter, memory, bytes
}

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the scenarios (the default).")

    @Option(help: "Runs of each scenario.") var runs = 5
    @Option(help: "Runs of the slow per-friend submit baseline.") var baselineRuns = 3
    @Option(name: .customLong("only"), help: "Run only this scenario (repeatable): \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var only: [Scenario] = []
    @Option(help: "Friends for the filter scenario.") var friends = 10_000
    @Option(help: "Milliseconds the emulator adds to every reply in the slow-link runs.") var latency = 30
    @Option(help: "The contactdesk binary for the terminal-bytes scenario (default: next to this one).") var contactdesk: String?
    @Option(help: "Also write the report as Markdown to this file.") var markdown: String?

    func run() async throws {
        let chosen = only.isEmpty ? Scenario.allCases : Scenario.allCases.filter(only.contains)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("contactdesk-bench-\(getpid())")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let needsEmulator = chosen.contains { [.open, .warm, .submit, .memory].contains($0) }
        let emulator = needsEmulator ? try EmulatorProcess() : nil
        defer { emulator?.stop() }
        let header = "contactdesk-bench, \(ISO8601DateFormatter().string(from: Date()))\nmachine: \(Report.machine())\nruns: \(runs)"
        print(header)
        var findings: [Finding] = []
        let binary = contactdesk ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("contactdesk").path
        if chosen.contains(.bytes) || chosen.contains(.memory) || chosen.contains(.warm) {
            guard FileManager.default.isExecutableFile(atPath: binary) else {
                throw BenchError("\(binary) is missing: build it in release (`swift build -c release`) or pass --contactdesk PATH")
            }
        }
        for scenario in chosen {
            print("… \(scenario.rawValue)")
            let found: [Finding]
            switch scenario {
            case .open:
                let pid = emulator!.process.processIdentifier
                found = try await OpenScenario.cold(url: emulator!.url, runs: runs, link: .loopback, emulatorPID: pid)
                    + OpenScenario.cold(url: emulator!.url, runs: runs, link: .slow(latency), emulatorPID: pid)
                    + DecodeScenario.run(url: emulator!.url)
            case .warm: found = try await OpenScenario.warm(url: emulator!.url, runs: runs, stateDirectory: state, binary: binary)
            case .submit: found = try await SubmitScenario.run(url: emulator!.url, runs: runs, baselineRuns: baselineRuns, stateDirectory: state)
            case .filter: found = FilterScenario.run(friends: friends, width: 80, height: 24) + FilterScenario.run(friends: friends, width: 120, height: 40)
            case .memory: found = try MemoryScenario.run(binary: binary, url: emulator!.url, runs: min(runs, 3))
            case .bytes: found = try BytesScenario.run(binary: binary, size: "80x24")
            }
            for f in found { print("  \(f.measure): \(f.value)\(f.baseline.isEmpty ? "" : " vs \(f.baseline) (\(f.ratio))") \(f.verdict)") }
            findings += found
        }
        let table = Report.table(findings)
        print("\n" + table)
        if let markdown { try (header.replacingOccurrences(of: "\n", with: "  \n") + "\n\n" + table).write(toFile: markdown, atomically: true, encoding: .utf8) }
        let missed = findings.filter { $0.met == false }
        if !missed.isEmpty { print("targets not met: " + missed.map { "\($0.scenario): \($0.measure)" }.joined(separator: "; ")) }
    }
}

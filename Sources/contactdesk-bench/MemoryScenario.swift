import ChatSandbox
import Foundation

/// Peak resident size of the real `contactdesk` TUI that opened demo_big (10,000 friends, stress seed) over
/// loopback, drew it, moved, filtered and saved it to its cache. Each run is a new process with a new state directory.
enum MemoryScenario {
    static func run(binary: String, url: String, runs: Int) throws -> [Finding] {
        var peak = Sample(), moves = Sample()
        for _ in 0..<runs {
            let f = try PtyScript.run(binary: binary, ["--size", "120x40", "--url", url, "--account", DemoSeed.stressAccount.id, "--memory"])
            guard let kb = f.peakKB else { throw BenchError("no peak RSS reported") }
            peak.add(Double(kb) / 1024)
            for m in f.moves { moves.add(Double(m)) }
        }
        let n = DemoSeed.stressAccount.friends
        return [
            Finding(scenario: "memory, \(n) friends", measure: "peak RSS (VmHWM) of the TUI after load, moves, filter",
                    value: peak.describe(.megabytes), target: "< 60 MB", met: peak.median < 60),
            Finding(scenario: "terminal 120x40, \(n) friends", measure: "one cursor move (j)", value: moves.describe(.bytes),
                    target: "", met: nil),
        ]
    }
}

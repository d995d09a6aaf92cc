import ChatSandbox
import Foundation

/// The real `contactdesk` binary on a pseudo-terminal, driven by scripts/pty-bytes.py: the bytes it writes
/// and, with 10,000 friends, its peak resident size.
enum PtyScript {
    struct Figures: Decodable {
        var first: Int
        var open: Int
        var moves: [Int]
        var burst: Int
        var peakKB: Int?
    }

    static let path = "scripts/pty-bytes.py"

    static func run(binary: String, _ arguments: [String]) throws -> Figures {
        let out = try output(script: path, [binary, "--json"] + arguments)
        guard let f = try? JSONDecoder().decode(Figures.self, from: Data(out.utf8)) else { throw BenchError("\(path): \(out)") }
        return f
    }

    /// The last line a script prints, or an error with all it printed.
    static func output(script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        // Only for the emulator, whose key is public; never on a command line.
        process.environment = ProcessInfo.processInfo.environment.merging(["CONTACTDESK_SECRET_KEY": DemoSeed.key]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last
        else { throw BenchError("\(script) failed: \(String(decoding: data, as: UTF8.self))") }
        return String(line)
    }
}

enum BytesScenario {
    static func run(binary: String, size: String) throws -> [Finding] {
        let f = try PtyScript.run(binary: binary, ["--size", size, "--account", "demo_shop"])
        var moves = Sample()
        for m in f.moves { moves.add(Double(m)) }
        return [
            Finding(scenario: "terminal \(size)", measure: "first frame", value: Unit.bytes.format(Double(f.first)),
                    target: "< 4 KB", met: f.first < 4096),
            Finding(scenario: "terminal \(size)", measure: "open 3000 friends until loaded, every repaint", value: Unit.bytes.format(Double(f.open)),
                    target: "", met: nil),
            Finding(scenario: "terminal \(size)", measure: "one cursor move (j), 20 moves", value: moves.describe(.bytes),
                    target: "< 300 B", met: moves.median < 300),
            Finding(scenario: "terminal \(size)", measure: "20 queued keys in one write", value: Unit.bytes.format(Double(f.burst)),
                    target: "drawn once: < 2 cursor moves", met: Double(f.burst) < 2 * moves.median),
        ]
    }
}

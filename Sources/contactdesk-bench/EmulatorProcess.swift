import ArgumentParser
import ChatAPI
import ChatSandbox
import Foundation

/// The emulator in a process of its own, so client and server do not share a thread pool or a heap.
/// It runs this same executable's `emulator` subcommand and stops when its stdin closes.
final class EmulatorProcess {
    let process = Process()
    private let input = Pipe()
    let url: String

    init(rateLimit: Int = 200) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["emulator", "--rate-limit", "\(rateLimit)"]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line is the URL; read byte by byte so nothing after it is swallowed.
        var line = Data()
        let handle = output.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        url = String(decoding: line, as: UTF8.self)
        guard url.hasPrefix("http://") else { throw BenchError("the emulator did not start (first line: \(url))") }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// `contactdesk-bench emulator`: the demo emulator on a free loopback port until stdin closes.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "emulator", abstract: "Run the demo emulator for the benchmark (internal).",
                                                    shouldDisplay: false)
    @Option var rateLimit = 200

    func run() async throws {
        // Demo data plus demo_big (10,000 friends) for the memory scenario.
        let config = SandboxConfig(key: SecretKey(DemoSeed.key), seed: .stress, rateLimit: rateLimit)
        let server = try await SandboxServer(config)
        FileHandle.standardOutput.write(Data((server.url + "\n").utf8))
        // Blocks a thread of its own until the parent closes the pipe (or dies).
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            Thread { _ = FileHandle.standardInput.readDataToEndOfFile(); c.resume() }.start()
        }
        await server.stop()
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

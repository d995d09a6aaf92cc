import Foundation

/// A long-running child (e.g. `contactdesk sandbox`) whose first output line a test waits for.
public final class BackgroundProcess: @unchecked Sendable {
    public let process = Process()
    private let out = Pipe()
    private let errFile: URL

    /// Starts `executable` with `arguments`; standard error goes to a file for diagnostics.
    public init(_ arguments: [String], environment: [String: String], executable: URL = CommandRunner.contactdesk) throws {
        errFile = FileManager.default.temporaryDirectory.appendingPathComponent("cd-bg-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The first line the child prints, waiting until it comes or the child exits.
    public func firstLine() -> String? {
        var buffer = Data()
        while true {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }  // end of file: the child exited
            buffer.append(chunk)
            if let nl = buffer.firstIndex(of: 0x0A) { return String(decoding: buffer[..<nl], as: UTF8.self) }
        }
    }

    /// What the child wrote to standard error so far.
    public var stderr: String { (try? String(contentsOf: errFile, encoding: .utf8)) ?? "" }

    /// Sends a signal and waits for the child to exit; returns its status.
    @discardableResult
    public func stop(signal: Int32 = SIGINT) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: errFile)
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

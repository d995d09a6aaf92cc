import Foundation

/// Runs the built `contactdesk` binary (or any program) and captures what it printed.
public enum CommandRunner {
    /// The result of one run.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `contactdesk` binary beside the test bundle (CONTACTDESK_BIN overrides).
    public static var contactdesk: URL {
        if let bin = ProcessInfo.processInfo.environment["CONTACTDESK_BIN"] { return URL(fileURLWithPath: bin) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("contactdesk")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.repoRoot.appendingPathComponent(".build/debug/contactdesk")
    }

    /// A clean environment for the binary: C.UTF-8, a private state directory, no inherited secrets.
    public static func environment(state: URL, extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": state.path, "XDG_STATE_HOME": state.path + "/state",
                   "XDG_CONFIG_HOME": state.path + "/config"]
        env.merge(extra) { $1 }
        return env
    }

    /// Runs `executable` with `arguments`, feeding `stdin`, and waits for it.
    /// Output goes through files, so a chatty child can never block on a full pipe.
    public static func run(_ arguments: [String], environment: [String: String], stdin: String? = nil,
                           executable: URL = contactdesk) throws -> Output {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        // A binary written moments ago (a test copies one) can fail to start with ETXTBSY while a child that another
        // test forked meanwhile still holds the writing descriptor, until that child execs: start it again, as Go's
        // os/exec does, for at most a second.
        var attempt = 0
        var p: Process, input: Pipe
        while true {
            attempt += 1
            p = Process()
            p.executableURL = executable
            p.arguments = arguments
            p.environment = environment
            p.standardOutput = try FileHandle(forWritingTo: outURL)
            p.standardError = try FileHandle(forWritingTo: errURL)
            input = Pipe()
            p.standardInput = input
            do { try p.run(); break } catch let error as NSError {
                let posix = error.userInfo[NSUnderlyingErrorKey] as? NSError
                guard posix?.domain == NSPOSIXErrorDomain, posix?.code == Int(ETXTBSY), attempt < 50 else { throw error }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A fresh temporary directory, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("contactdesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

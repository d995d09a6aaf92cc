import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends lines to a file, never to the terminal the TUI draws on.
/// As a last guard it blanks anything that looks like a UserSig query parameter.
public struct FileLogHandler: LogHandler {
    final class Sink: Sendable {
        let handle: Mutex<FileHandle>
        init(_ handle: FileHandle) { self.handle = Mutex(handle) }
        func write(_ line: String) {
            handle.withLock { $0.write(Data(line.utf8)) }
        }
    }

    private let sink: Sink
    private let label: String
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    /// Opens (creating, mode 0600) the log file for appending.
    public static func open(_ url: URL, level: Logger.Level) throws -> @Sendable (String) -> LogHandler {
        try StatePaths.ensure(url.deletingLastPathComponent())
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        let sink = Sink(handle)
        return { label in FileLogHandler(sink: sink, label: label, logLevel: level) }
    }

    init(sink: Sink, label: String, logLevel: Logger.Level) {
        self.sink = sink; self.label = label; self.logLevel = logLevel
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level, message = event.message
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = Date().formatted(.iso8601)
        // One line per event, whatever the message or the service's text in it carries.
        // visible() also redacts: keys, UserSigs and usersig= values never reach the file.
        sink.write(ServerText.visible("\(stamp) \(level) \(label): \(message)\(fields.isEmpty ? "" : " " + fields)") + "\n")
    }
}

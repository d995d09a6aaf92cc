import Foundation

/// Calls a handler on signals instead of dying, so servers can save and the TUI can restore the terminal.
final class SignalWatcher: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]

    init(_ signals: [Int32], handler: @escaping @Sendable () -> Void) {
        sources = signals.map { sig in
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler(handler: handler)
            s.resume()
            return s
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }

    /// Waits for SIGINT or SIGTERM.
    static func waitForInterrupt() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        let watcher = SignalWatcher([SIGINT, SIGTERM]) { continuation.yield() }
        var it = stream.makeAsyncIterator()
        _ = await it.next()
        watcher.cancel()
    }
}

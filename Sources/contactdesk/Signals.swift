import Foundation

/// Waiting for SIGINT or SIGTERM without killing the process, so servers can stop and save.
enum Signals {
    static func waitForInterrupt() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        let sources = [SIGINT, SIGTERM].map { sig in
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler { continuation.yield(sig) }
            s.resume()
            return s
        }
        var it = stream.makeAsyncIterator()
        _ = await it.next()
        sources.forEach { $0.cancel() }
    }
}

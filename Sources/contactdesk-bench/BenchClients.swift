import ChatAPI
import ChatSandbox
import Foundation
import Logging
import Synchronization

/// Counts calls per command and new connections on their way to the real transport.
final class CountingTransport: HTTPTransport {
    let inner: HTTPTransport
    private let counts = Mutex<[String: Int]>([:])
    private let connections = Atomic<Int>(0)
    /// Replies that were not ErrorCode 0, by code (-1: transport error), so retries are explained.
    private let failures = Mutex<[Int: Int]>([:])

    init(_ inner: HTTPTransport) { self.inner = inner }

    func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        let command = Self.command(request.url)
        counts.withLock { $0[command, default: 0] += 1 }
        let reply: HTTPResponse
        do { reply = try await inner.post(request) } catch {
            failures.withLock { $0[-1, default: 0] += 1 }
            throw error
        }
        connections.add(reply.newConnections, ordering: .relaxed)
        // The code without decoding the reply: the counter must not add JSON work to the client CPU measured.
        if let code = Self.errorCode(reply.body), code != 0 { failures.withLock { $0[code, default: 0] += 1 } }
        return reply
    }

    /// ".../v4/sns/friend_get?sdkappid=..." -> "sns/friend_get", by a byte search (Foundation's range(of:) was a
    /// visible share of the client CPU the bench reports).
    static func command(_ url: String) -> String {
        let bytes = Array(url.utf8)
        let marker = Array("/v4/".utf8)
        guard let at = (0...max(0, bytes.count - marker.count)).first(where: { bytes[$0..<min(bytes.count, $0 + marker.count)].elementsEqual(marker) }) else { return url }
        let rest = bytes[(at + marker.count)...]
        return String(decoding: rest.prefix { $0 != UInt8(ascii: "?") }, as: UTF8.self)
    }

    /// The number after `"ErrorCode":`, found in place by jumping from quote to quote with memchr (no copy of the
    /// body: the counter's own work is inside the client CPU the bench reports).
    static func errorCode(_ body: Data) -> Int? {
        let key = Array("\"ErrorCode\":".utf8)
        return body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            guard let base = raw.baseAddress else { return nil }
            let bytes = raw.bindMemory(to: UInt8.self)
            var at = 0
            while at + key.count <= bytes.count {
                guard let hit = memchr(base + at, 0x22, bytes.count - at) else { return nil }
                at = base.distance(to: UnsafeRawPointer(hit))
                let matches = at + key.count <= bytes.count && key.withUnsafeBytes { memcmp(UnsafeRawPointer(hit), $0.baseAddress!, key.count) == 0 }
                guard matches else { at += 1; continue }
                var j = at + key.count, n = 0, digits = 0, negative = false
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "-") { negative = true; j += 1 }
                while j < bytes.count, (48...57).contains(bytes[j]) { n = n * 10 + Int(bytes[j] - 48); j += 1; digits += 1 }
                return digits > 0 ? (negative ? -n : n) : nil
            }
            return nil
        }
    }

    /// "60007 x3, transport x1", or "" when every reply was ErrorCode 0.
    var failureSummary: String {
        failures.withLock { f in
            f.sorted { $0.key < $1.key }.map { "\($0.key == -1 ? "transport" : String($0.key)) x\($0.value)" }.joined(separator: ", ")
        }
    }

    func calls(_ command: String) -> Int { counts.withLock { $0[command] ?? 0 } }
    var totalCalls: Int { counts.withLock { $0.values.reduce(0, +) } }
    var newConnections: Int { connections.load(ordering: .relaxed) }
}

/// The two clients compared. Both use the same wire code, UserSig and decoding; only the strategy differs.
enum BenchClients {
    /// ContactDesk as the TUI builds it: pooled connections, concurrent reads within the rate limit.
    static func contactDesk(_ url: String) throws -> (ChatClient, CountingTransport) {
        let transport = CountingTransport(CurlTransport())
        return (try client(url, transport: transport, readConcurrency: nil), transport)
    }

    /// The naive baseline, like a script of one curl per request: one call at a time, a new connection for
    /// each, no batching beyond what the API forces (100 per friend_get page and per portrait_get).
    static func naive(_ url: String) throws -> (ChatClient, CountingTransport) {
        let transport = CountingTransport(CurlTransport(options: .init(reuseConnections: false)))
        return (try client(url, transport: transport, readConcurrency: 1), transport)
    }

    private static func client(_ url: String, transport: HTTPTransport, readConcurrency: Int?) throws -> ChatClient {
        var config = ChatClientConfig(endpoint: try Endpoint(baseURL: url), sdkAppID: DemoSeed.sdkAppID, adminIdentifier: DemoSeed.admin)
        if let readConcurrency { config.readConcurrency = readConcurrency }
        let sigs = KeyUserSigSource(key: SecretKey(DemoSeed.key), sdkAppID: DemoSeed.sdkAppID, identifier: DemoSeed.admin)
        // Silent: the TUI logs to a file, and printing every call would measure the terminal.
        return ChatClient(config: config, userSigs: sigs, transport: transport, logger: silent)
    }
}

/// A logger that drops everything.
let silent = Logger(label: "contactdesk-bench", factory: { _ in SwiftLogNoOpLogHandler() })

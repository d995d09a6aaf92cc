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
        // ".../v4/sns/friend_get?sdkappid=..." -> "sns/friend_get"
        let path = request.url.split(separator: "?").first.map(String.init) ?? request.url
        let command = path.range(of: "/v4/").map { String(path[$0.upperBound...]) } ?? path
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

    /// The number after `"ErrorCode":`, found by a byte search in place (no copy of the body, no allocation per
    /// quote: the counter's own work is inside the client CPU the bench reports).
    static func errorCode(_ body: Data) -> Int? {
        let key: [UInt8] = Array("\"ErrorCode\":".utf8)
        return body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= key.count else { return nil }
            var i = 0
            outer: while i <= bytes.count - key.count {
                for k in 0..<key.count where bytes[i + k] != key[k] { i += 1; continue outer }
                var j = i + key.count, n = 0, digits = 0, negative = false
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

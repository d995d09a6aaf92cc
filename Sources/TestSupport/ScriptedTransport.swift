import ChatAPI
import Foundation
import Logging
import Synchronization

/// A transport without sockets: answers each request from a script and records what was sent,
/// with how many requests overlapped, for batching and retry tests.
public final class ScriptedTransport: HTTPTransport, Sendable {
    /// What one request looked like.
    public struct Sent: Sendable {
        public var command: String
        public var query: [String: String]
        public var body: Data
        public var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
    }

    public typealias Script = @Sendable (_ command: String, _ body: JSONValue, _ index: Int) async throws -> HTTPResponse

    private let script: Script
    private let state = Mutex<(sent: [Sent], inFlight: Int, maxInFlight: Int)>(([], 0, 0))

    public init(_ script: @escaping Script) { self.script = script }

    public func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        let c = URLComponents(string: request.url)!
        var query: [String: String] = [:]
        for item in c.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let command = c.path.replacingOccurrences(of: "/v4/", with: "")
        let index = state.withLock { s in
            s.sent.append(Sent(command: command, query: query, body: request.body))
            s.inFlight += 1
            s.maxInFlight = max(s.maxInFlight, s.inFlight)
            return s.sent.count - 1
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        return try await script(command, (try? JSONValue.parse(request.body)) ?? .null, index)
    }

    /// Every request so far, in order.
    public var sent: [Sent] { state.withLock { $0.sent } }
    /// The most requests that were in flight at once.
    public var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    /// A 200 reply with this JSON text.
    public static func json(_ text: String) -> HTTPResponse { HTTPResponse(status: 200, body: Data(text.utf8)) }
}

extension JSONValue {
    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? { if case .object(let o) = self { return o[key] } else { return nil } }
    /// The elements of an array, or empty.
    public var elements: [JSONValue] { if case .array(let a) = self { return a } else { return [] } }
    /// The string, when this is one.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The integer, when this is one.
    public var int: Int64? { if case .integer(let i) = self { return i } else { return nil } }
}

/// Clients wired for tests: fast retries, the test app's key.
public enum TestClients {
    /// Retries that keep tests quick.
    public static let fastRetry = RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05)

    /// A client for the test app against `baseURL` (or a scripted transport).
    public static func make(baseURL: String = "http://127.0.0.1:9", transport: HTTPTransport = CurlTransport(),
                            retry: RetryPolicy = fastRetry, callsPerSecond: Int = 200,
                            userSigs: UserSigSource? = nil,
                            logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) throws -> ChatClient {
        ChatClient(
            config: ChatClientConfig(endpoint: try Endpoint(baseURL: baseURL), sdkAppID: TestCredentials.sdkAppID,
                                     adminIdentifier: TestCredentials.admin, retry: retry, callsPerSecond: callsPerSecond),
            userSigs: userSigs ?? KeyUserSigSource(key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID,
                                                   identifier: TestCredentials.admin),
            transport: transport, logger: logger)
    }
}

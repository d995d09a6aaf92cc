import ChatAPI
import Foundation
import Synchronization

/// Real HTTP with a hook: after the `nth` reply to a command (1-based), runs `action` before handing the reply
/// on. Tests use it to put another client's write exactly between two steps of a submit, a moment no fault
/// of the emulator can pick.
public final class HookTransport: HTTPTransport, Sendable {
    private let inner: HTTPTransport
    private let command: String
    private let nth: Int
    private let action: @Sendable () async throws -> Void
    private let seen = Mutex(0)
    /// Whether the hook ran: a test asserts it, so it cannot pass with the moment never reached.
    public var fired: Bool { seen.withLock { $0 >= nth } }

    public init(_ inner: HTTPTransport = CurlTransport(), after command: String, nth: Int = 1, _ action: @escaping @Sendable () async throws -> Void) {
        self.inner = inner; self.command = command; self.nth = nth; self.action = action
    }

    public func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        let isCommand = request.url.contains("/" + command + "?")
        let result: Result<HTTPResponse, Error>
        do { result = .success(try await inner.post(request)) } catch { result = .failure(error) }
        if isCommand, seen.withLock({ $0 += 1; return $0 == nth }) { try await action() }
        return try result.get()
    }
}

import ContactDeskStrings
import Foundation

/// One POST to the REST API. The URL carries the UserSig, so it is never logged or shown.
public struct HTTPRequest: Sendable {
    public var url: String
    public var body: Data
    /// False for writes: the transport must never resend it on its own (libcurl silently resends a request
    /// whose reused connection closed without a reply, which would apply a write twice).
    public var idempotent: Bool
    /// Seconds this request may take at most (the transport's own limit still applies): what is left of its call's deadline.
    public var timeout: Double?
    public init(url: String, body: Data, idempotent: Bool = true, timeout: Double? = nil) {
        self.url = url; self.body = body; self.idempotent = idempotent; self.timeout = timeout
    }
}

/// The status and body of an HTTP reply, with how many new connections it cost.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data
    /// New TCP connections opened for this request (0 when an existing one was reused).
    public var newConnections: Int
    public init(status: Int, body: Data, newConnections: Int = 0) {
        self.status = status; self.body = body; self.newConnections = newConnections
    }
}

/// A network failure below the API: the request may or may not have reached the service.
public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The connect or total timeout fired.
    case timeout(String)
    /// No connection, or the connection broke before a full reply.
    case connection(String)
    /// The TLS handshake or certificate check failed.
    case tls(String)
    /// A reply with a status other than 200, and the start of its body.
    case httpStatus(Int, excerpt: String)
    /// The task was cancelled.
    case cancelled

    public var description: String { description(in: .current) }

    /// The text in `language` (libcurl's words and the reply's excerpt are shown as they came).
    public func description(in language: Language) -> String {
        switch self {
        case .timeout(let m): APIText.transportTimeout.text(in: language, ["message": m])
        case .connection(let m): APIText.transportConnection.text(in: language, ["message": m])
        case .tls(let m): APIText.transportTLS.text(in: language, ["message": m])
        case .httpStatus(let s, let e): e.isEmpty ? "HTTP \(s)" : APIText.transportHTTPStatus.text(in: language, ["status": s, "excerpt": e])
        case .cancelled: APIText.transportCancelled.text(in: language)
        }
    }

    /// A short excerpt of a body for error messages: at most `limit` characters on one line, control characters
    /// shown as escapes (a proxy's page is as untrusted as the service's text).
    public static func excerpt(_ body: Data, limit: Int = 120) -> String {
        let text = ServerText.visible(String(decoding: body.prefix(limit * 4), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " "))
            .trimmingCharacters(in: .whitespaces)
        return text.count > limit ? String(text.prefix(limit)) + Glyphs.g("…") : text
    }
}

/// Sends a request and returns the reply: the seam between ChatClient and the network.
public protocol HTTPTransport: Sendable {
    func post(_ request: HTTPRequest) async throws -> HTTPResponse
}

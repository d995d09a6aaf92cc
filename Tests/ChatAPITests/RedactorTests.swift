import ChatAPI
import Foundation
import Testing
import TestSupport
import Synchronization

/// One redaction step for every text shown, logged, audited or printed: keys, UserSigs, usersig= values.
@Suite struct RedactorTests {
    static let sig = UserSig.generate(key: SecretKey("a key nobody registered as such"), sdkAppID: 7, identifier: "admin")

    @Test func aUserSigAnywhereInATextIsReplaced() {
        #expect(Redactor.redact("bad request: \(Self.sig) refused") == "bad request: <UserSig> refused")
        // Percent-encoded, as a URL carries it, and quoted in a query.
        let escaped = Self.sig.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(Redactor.redact("see \(escaped).") == "see <UserSig>.")
        #expect(Redactor.redact("GET /v4/sns/friend_get?sdkappid=1&usersig=abc123&random=9") == "GET /v4/sns/friend_get?sdkappid=1&usersig=<UserSig>&random=9")
        #expect(Redactor.redact("USERSIG=whatever") == "USERSIG=<UserSig>")
    }

    @Test func theKeyIsReplacedOnceAnyKeyWasMade() {
        let text = "oops 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef!"
        #expect(Redactor.redact(text) == text)
        _ = SecretKey("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
        #expect(Redactor.redact(text) == "oops <secret key>!")
        #expect(ServerText.visible(text) == "oops <secret key>!")
    }

    @Test(arguments: ["", "张三 VIP 客户", "a remark with words", String(repeating: "abcdef0123", count: 10), "https://example.com/a/b?c=d"])
    func ordinaryTextIsLeftAsItIs(_ text: String) {
        #expect(Redactor.redact(text) == text)
    }

    /// A service (or a proxy's 502 page) that quotes the request URL: the error the operator reads, and the log
    /// file, hold a placeholder, never the UserSig the request carried.
    @Test func anErrorQuotingTheRequestURLShowsNoUserSig() async throws {
        let echo = EchoingTransport()
        let logFile = try CommandRunner.temporaryDirectory().appendingPathComponent("contactdesk.log")
        let makeHandler = try FileLogHandler.open(logFile, level: .debug)
        let client = try TestClients.make(transport: echo, retry: RetryPolicy(maxAttempts: 1),
                                          logger: .init(label: "t", factory: { _ in makeHandler("t") }))
        for status in [200, 502] {
            echo.status.withLock { $0 = status }
            do { _ = try await client.groupGet(account: "o"); Issue.record("no error") } catch let error as ChatError {
                let sig = try #require(echo.lastSig.withLock { $0 })
                // The reply may be cut before the UserSig ends; no part of it may show either way.
                #expect(!error.description.contains(String(sig.prefix(16))), "\(error.description)")
                #expect(!ServerText.visible("\(error)").contains(sig))
            }
        }
        let log = try String(contentsOf: logFile, encoding: .utf8)
        let sig = try #require(echo.lastSig.withLock { $0 })
        #expect(!log.isEmpty && !log.contains(String(sig.prefix(16))))
    }
}

/// Answers every request with its own URL in ErrorInfo (status 200) or in an HTML page (status 502).
final class EchoingTransport: HTTPTransport, Sendable {
    let status = Mutex(200)
    let lastSig = Mutex<String?>(nil)
    func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        let sig = URLComponents(string: request.url)?.queryItems?.first { $0.name == "usersig" }?.value
        lastSig.withLock { $0 = sig }
        if status.withLock({ $0 }) == 502 {
            throw TransportError.httpStatus(502, excerpt: TransportError.excerpt(Data("<html><title>bad gateway \(request.url)</title></html>".utf8)))
        }
        let body = #"{"ActionStatus":"FAIL","ErrorCode":30006,"ErrorInfo":"internal error for \#(request.url)"}"#
        return HTTPResponse(status: 200, body: Data(body.utf8))
    }
}

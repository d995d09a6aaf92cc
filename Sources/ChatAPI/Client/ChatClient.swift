import ContactDeskStrings
import Foundation
import Logging

/// Connection settings of a ChatClient.
public struct ChatClientConfig: Sendable {
    public var endpoint: Endpoint
    public var sdkAppID: UInt64
    /// The app administrator the requests are made as.
    public var adminIdentifier: String
    public var retry: RetryPolicy
    /// Calls per second per command (the service allows 200).
    public var callsPerSecond: Int
    /// Concurrent read calls used to fetch batches (friend_get_list, portrait_get, account_check).
    public var readConcurrency: Int
    /// Seconds one call may take, retries included: no attempt starts after it, and the last is cut at it.
    public var deadline: Double

    public init(endpoint: Endpoint, sdkAppID: UInt64, adminIdentifier: String, retry: RetryPolicy = RetryPolicy(),
                callsPerSecond: Int = 200, readConcurrency: Int = 16, deadline: Double = 90) {
        self.endpoint = endpoint; self.sdkAppID = sdkAppID; self.adminIdentifier = adminIdentifier
        self.retry = retry; self.callsPerSecond = callsPerSecond; self.readConcurrency = max(1, readConcurrency)
        self.deadline = deadline
    }
}

/// Typed, retrying, rate-limited calls to the Chat REST API.
public final class ChatClient: Sendable {
    public let config: ChatClientConfig
    let transport: HTTPTransport
    let userSigs: UserSigSource
    let logger: Logger
    let limiter: RateLimiter
    let writes = WriteGate()
    let reads: ReadGate

    public init(config: ChatClientConfig, userSigs: UserSigSource, transport: HTTPTransport = CurlTransport(),
                logger: Logger = Logger(label: "contactdesk.chat")) {
        self.config = config; self.userSigs = userSigs; self.transport = transport; self.logger = logger
        limiter = RateLimiter(callsPerSecond: config.callsPerSecond)
        reads = ReadGate(limit: config.readConcurrency)
    }

    /// Sends one command and decodes its reply, retrying as the error catalog says.
    /// Writes hold the account for the whole call, retries included, so one write per account is in flight.
    /// `resend: false` sends the body once (a new UserSig aside, when nothing was applied): for a write whose
    /// caller re-reads and re-plans before trying again, since the API has no conditional write.
    /// `lastCheck` runs right before each request goes out, after its body is written: false abandons the call
    /// with `StalePlan` (nothing was sent).
    public func call<Request: Encodable & Sendable, Payload: Codable & Sendable>(
        _ command: Command, account: String?, rows: Int = 1, resend: Bool = true, lastCheck: (@Sendable () async -> Bool)? = nil,
        _ request: Request, as: Payload.Type = Payload.self
    ) async throws -> Reply<Payload> {
        let body: Data
        if let writable = request as? JSONBodyWritable { body = writable.jsonBody } else {
            do { body = try JSONEncoder().encode(request) } catch {
                throw ChatError.protocolError(command: command, reason: APIText.replyRequestNotEncodable.text, excerpt: "\(error)")
            }
        }
        let maxAttempts = resend ? config.retry.maxAttempts : 1
        guard command.isWrite, let account else { return try await attempts(command, account, rows, maxAttempts, body, lastCheck, Payload.self) }
        await writes.acquire(account)
        do {
            let reply = try await attempts(command, account, rows, maxAttempts, body, lastCheck, Payload.self)
            await writes.release(account)
            return reply
        } catch {
            await writes.release(account)
            throw error
        }
    }

    private func attempts<Payload: Codable & Sendable>(
        _ command: Command, _ account: String?, _ rows: Int, _ maxAttempts: Int, _ body: Data,
        _ lastCheck: (@Sendable () async -> Bool)?, _: Payload.Type
    ) async throws -> Reply<Payload> {
        let started = ContinuousClock.now
        var attempt = 0
        var renewedSig = false
        var protocolRetried = false
        var needNewSig = false
        var codes: [Int] = []
        func log(_ level: Logger.Level, _ outcome: String) {
            logger.log(level: level, "call", metadata: [
                "command": "\(command)", "account": "\(account ?? "-")", "rows": "\(rows)",
                "ms": "\((ContinuousClock.now - started).milliseconds)", "attempts": "\(attempt)",
                "codes": "\(codes.map(String.init).joined(separator: ","))", "outcome": "\(outcome)",
            ])
        }
        // Time left of the call's deadline: a retry that would start after it is not made.
        func left() -> Double { config.deadline - Double((ContinuousClock.now - started).milliseconds) / 1000 }
        while true {
            attempt += 1
            try await limiter.acquire(command)
            let sig: String
            do { sig = try await userSigs.userSig(renew: needNewSig) } catch {
                await limiter.release(command)
                log(.error, "no UserSig")
                throw ChatError.credentials("\(error)")
            }
            needNewSig = false
            Redactor.register(userSig: sig)
            let url = config.endpoint.url(for: command, sdkAppID: config.sdkAppID, identifier: config.adminIdentifier, userSig: sig)
            if let lastCheck, !(await lastCheck()) {
                await limiter.release(command)
                log(.info, "stale plan")
                throw StalePlan()
            }
            let response: HTTPResponse
            do {
                defer { Task { await limiter.release(command) } }
                if !command.isWrite { await reads.acquire() }
                defer { if !command.isWrite { Task { await reads.release() } } }
                response = try await transport.post(HTTPRequest(url: url, body: body, idempotent: !command.isWrite, timeout: max(0.001, left())))
            } catch let error as TransportError {
                if error == .cancelled { throw CancellationError() }
                codes.append(-1)
                if attempt < maxAttempts, left() > config.retry.delay(beforeRetry: attempt, random: 1) { try await backoff(attempt); continue }
                log(.warning, error.description(in: .en))  // the log file stays English
                throw ChatError.transport(command: command, error, attempts: attempt)
            }
            // A reply that is not the API's JSON is retried once, like a transport failure.
            let envelope: Envelope
            switch Self.decode(command, response.body, as: Payload.self) {
            case .reply(let reply):
                codes.append(0)
                log(.info, "ok")
                return reply
            case .refused(let e):
                envelope = e
            case .malformed(let error):
                if !protocolRetried && attempt < maxAttempts && left() > config.retry.delay(beforeRetry: attempt, random: 1) {
                    protocolRetried = true; codes.append(-2); try await backoff(attempt); continue
                }
                log(.warning, error.englishDescription)
                throw error
            }
            let code = envelope.errorCode ?? 0
            codes.append(code)
            let info = envelope.errorInfo ?? ""
            let canRetry = attempt < maxAttempts && left() > config.retry.delay(beforeRetry: attempt, random: 1)
            switch ErrorCatalog.entry(code).retry {
            case .backoff where canRetry:
                try await backoff(attempt); continue
            case .once where canRetry && attempt == 1:
                try await backoff(attempt); continue
            case .renewUserSig where (canRetry || (attempt == 1 && left() > 1)) && !renewedSig:
                renewedSig = true; needNewSig = true; continue
            case .renewUserSig where code == 70001:
                log(.warning, "\(code)")
                throw ChatError.api(command: command, code: code, info: Self.expiredExplanation(sig, info: info))
            default:
                log(.warning, "\(code)")
                throw ChatError.api(command: command, code: code, info: info)
            }
        }
    }

    /// A UserSig made moments ago cannot have expired: the service's clock and this machine's disagree.
    static func expiredExplanation(_ sig: String, info: String, now: Date = Date()) -> String {
        let seconds = Int64(now.timeIntervalSince1970)
        guard let claims = try? UserSig.decode(sig), claims.time > seconds - 60, claims.time < seconds + 60 else { return info }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        let args: [String: any Sendable] = ["time": f.string(from: now), "seconds": Int64(now.timeIntervalSince1970) - claims.time, "info": info]
        return (info.isEmpty ? APIText.userSigExpiredClock : APIText.userSigExpiredClockWithInfo).text(args)
    }

    private enum Decoded<P: Codable & Sendable> {
        case reply(Reply<P>)
        case refused(Envelope)
        case malformed(ChatError)
    }

    /// A reply's body as a call reads it (the benchmark times this): the reply, or the error the call would report.
    public static func decodeReply<P: Codable & Sendable>(_ command: Command, _ body: Data, as: P.Type = P.self) throws -> Reply<P> {
        switch decode(command, body, as: P.self) {
        case .reply(let reply): return reply
        case .refused(let e): throw ChatError.api(command: command, code: e.errorCode ?? 0, info: e.errorInfo ?? "")
        case .malformed(let error): throw error
        }
    }

    private static func decode<P: Codable & Sendable>(_ command: Command, _ body: Data, as: P.Type) -> Decoded<P> {
        if let fast = P.self as? JSONValueDecodable.Type { return decodeFast(command, body, fast) }
        let decoder = JSONDecoder()
        var excerpt: String { TransportError.excerpt(body) }
        guard let envelope = try? decoder.decode(Envelope.self, from: body) else {
            return .malformed(.protocolError(command: command, reason: APIText.replyNotJSONObject.text, excerpt: excerpt))
        }
        guard envelope.actionStatus != nil, let code = envelope.errorCode else {
            return .malformed(.protocolError(command: command, reason: APIText.replyNoStatus.text, excerpt: excerpt))
        }
        if code != 0 { return .refused(envelope) }
        do { return .reply(try decoder.decode(Reply<P>.self, from: body)) } catch {
            return .malformed(.protocolError(command: command, reason: APIText.replyWrongTypes.text(["detail": Self.describe(error)]), excerpt: excerpt))
        }
    }

    /// The replies read most, without Codable: straight from the bytes when they are as they should be, else
    /// through the `JSONNode` tree, which decides every verdict (the same as `decode`'s).
    private static func decodeFast<P: Codable & Sendable>(_ command: Command, _ body: Data, _ type: JSONValueDecodable.Type) -> Decoded<P> {
        // Straight from the bytes when the reply is what it should be; anything else is read again below.
        if let stream = type as? JSONStreamDecodable.Type, let (envelope, payload) = try? Self.pull(stream, body),
           envelope.actionStatus != nil, let code = envelope.errorCode {
            return code == 0 ? .reply(Reply(envelope: envelope, payload: payload as! P)) : .refused(envelope)
        }
        // Only a failure shows an excerpt: made on every reply, it cost as much as reading one.
        var excerpt: String { TransportError.excerpt(body) }
        guard let json = try? JSONParser.node(body), let fields = try? JSONFields(json, ""), let envelope = Envelope(fields: fields) else {
            return .malformed(.protocolError(command: command, reason: APIText.replyNotJSONObject.text, excerpt: excerpt))
        }
        guard envelope.actionStatus != nil, let code = envelope.errorCode else {
            return .malformed(.protocolError(command: command, reason: APIText.replyNoStatus.text, excerpt: excerpt))
        }
        if code != 0 { return .refused(envelope) }
        do {
            let payload = try type.init(json: json, path: "")
            return .reply(Reply(envelope: envelope, payload: payload as! P))
        } catch {
            let detail = String(error.path.drop { $0 == "." }) + ": expected " + error.expected
            return .malformed(.protocolError(command: command, reason: APIText.replyWrongTypes.text(["detail": detail]), excerpt: excerpt))
        }
    }

    private static func pull<T: JSONStreamDecodable>(_: T.Type, _ body: Data) throws -> (Envelope, Any) {
        let (envelope, payload) = try T.readReply(body)
        return (envelope, payload)
    }

    private func backoff(_ attempt: Int) async throws {
        try await Task.sleep(for: .milliseconds(Int(config.retry.delay(beforeRetry: attempt) * 1000)))
    }

    static func describe(_ error: Error) -> String {
        switch error as? DecodingError {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            return c.codingPath.map(\.stringValue).joined(separator: ".") + ": " + c.debugDescription
        default: return "\(error)"
        }
    }
}

extension Duration {
    /// Whole milliseconds, for logs.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}

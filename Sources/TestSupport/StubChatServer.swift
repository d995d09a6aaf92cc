import ChatAPI
import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A request as the stub saw it.
public struct StubRequest: Sendable {
    /// "sns/friend_update" and the like.
    public var command: String
    public var query: [String: String]
    public var body: Data
    /// Identifies the TCP connection the request came on.
    public var connection: String
    /// The body parsed as JSON, or nil.
    public var json: JSONValue? { try? JSONValue.parse(body) }
}

/// What the stub answers.
public indirect enum StubReply: Sendable {
    /// HTTP 200 with this JSON text.
    case json(String)
    /// Another status with a body.
    case status(Int, String)
    /// Close the connection without answering.
    case drop
    /// Wait, then answer.
    case delayed(Duration, StubReply)

    /// A success envelope merged with extra fields given as JSON object members (e.g. `"\"A\":1"`).
    public static func ok(_ members: String = "") -> StubReply {
        .json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"" + (members.isEmpty ? "" : "," + members) + "}")
    }

    /// A whole-call failure.
    public static func fail(_ code: Int, _ info: String = "") -> StubReply {
        .json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":\(code),\"ErrorInfo\":\"\(info)\",\"ErrorDisplay\":\"\"}")
    }
}

/// A scripted HTTP responder on 127.0.0.1 with a free port, for client tests over real sockets.
/// The emulator (ChatSandbox) is the faithful server; this one answers whatever a test scripts.
public final class StubChatServer: Sendable {
    public typealias Handler = @Sendable (StubRequest) async -> StubReply

    struct Context: RequestContext {
        var coreContext: CoreRequestContextStorage
        let channel: any Channel
        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            channel = source.channel
        }
    }

    private let task: Task<Void, Error>
    private let log = RequestLog()
    /// The port the server listens on.
    public let port: Int
    /// The base URL to give an Endpoint.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts the server; it stops on `stop()`.
    public init(handler: @escaping Handler) async throws {
        let log = self.log
        let router = Router(context: Context.self)
        router.post("v4/:service/:command") { request, context -> Response in
            var query: [String: String] = [:]
            for item in URLComponents(string: "http://x" + request.uri.description)?.queryItems ?? [] {
                query[item.name] = item.value ?? ""
            }
            let buffer = try await request.body.collect(upTo: 64 << 20)
            let stub = StubRequest(
                command: "\(context.parameters.get("service") ?? "")/\(context.parameters.get("command") ?? "")",
                query: query, body: Data(buffer.readableBytesView),
                connection: "\(context.channel.remoteAddress?.port ?? 0)")
            log.entries.withLock { $0.append(stub) }
            var reply = await handler(stub)
            while case .delayed(let d, let next) = reply {
                try await Task.sleep(for: d)
                reply = next
            }
            switch reply {
            case .json(let text):
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: text)))
            case .status(let code, let text):
                return Response(status: .init(code: code), headers: [.contentType: "text/plain"],
                                body: .init(byteBuffer: ByteBuffer(string: text)))
            case .drop, .delayed:
                try await context.channel.close()
                throw CancellationError()
            }
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
                              logger: Logger(label: "stub", factory: { _ in SwiftLogNoOpLogHandler() }))
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
        self.port = port
    }

    /// Every request received so far, in order.
    public var requests: [StubRequest] { log.entries.withLock { $0 } }

    /// Stops the server.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Runs `body` against a started server and always stops it, on the failure path too.
    public static func with<T>(_ handler: @escaping Handler, _ body: (StubChatServer) async throws -> T) async throws -> T {
        let server = try await StubChatServer(handler: handler)
        do {
            let value = try await body(server)
            await server.stop()
            return value
        } catch {
            await server.stop()
            throw error
        }
    }
}

/// The requests a stub received; a class so the route closure can share it.
final class RequestLog: Sendable {
    let entries = Mutex<[StubRequest]>([])
}

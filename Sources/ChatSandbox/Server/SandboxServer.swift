import ChatAPI
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The emulator on a real socket. REST calls go to `/v4/{service}/{command}`; `/_sandbox/*` is an
/// emulator-only control surface (faults, settings, call counts) that the real service does not have.
public final class SandboxServer: Sendable {
    struct Context: RequestContext {
        var coreContext: CoreRequestContextStorage
        let channel: any Channel
        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            channel = source.channel
        }
    }

    let engine: SandboxEngine
    private let task: Task<Void, Error>
    private let group: ServiceGroup
    /// The port it listens on.
    public let port: Int
    public let host: String
    public let sdkAppID: UInt64
    public let admin: String
    /// The base URL to give a client.
    public var url: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// Starts listening; returns once the port is bound.
    public init(_ config: SandboxConfig, logger: Logger = Logger(label: "sandbox", factory: { _ in SwiftLogNoOpLogHandler() })) async throws {
        try config.validate()
        let state = try config.initialState()
        let engine = SandboxEngine(state: state, key: config.key, faults: config.faults, serializeWrites: config.serializeWrites,
                                   rateLimit: config.rateLimit, statePath: config.statePath)
        await engine.setRateWindow(config.rateWindow)
        await engine.setLogsWrites(config.logWrites)
        self.engine = engine
        sdkAppID = state.sdkAppID
        admin = config.admin
        host = config.host
        let router = Router(context: Context.self)
        router.post("v4/:service/:command") { request, context -> Response in
            let query = Self.query(request.uri.query ?? "")
            let buffer = try await request.body.collect(upTo: 32 << 20)
            let command = "\(context.parameters.get("service") ?? "")/\(context.parameters.get("command") ?? "")"
            let fields = Wire.object(from: Data(buffer.readableBytesView))
            var reply = await engine.handle(command: command, query: query, fields: fields)
            if case .read(let state, let command, let body) = reply { reply = engine.answer(state, command, body) }
            switch reply {
            case .read: throw CancellationError()  // answered just above
            case .json(let data):
                return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(bytes: data)))
            case .wire(let reply):
                return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(bytes: Wire.object(reply).jsonData)))
            case .status(let code, let text):
                return Response(status: .init(code: code), headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: text)))
            case .drop:
                try await context.channel.close()
                throw CancellationError()
            }
        }
        SandboxControl.install(on: router, engine: engine)
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname(config.host, port: config.port)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        // Stopped by a graceful shutdown, never by cancelling this task: cancelling it while an accepted connection
        // waits to be served traps inside NIO ("Deinited NIOAsyncWriter without calling finish()", swift-nio #3481).
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        self.group = group
        task = Task { try await group.run() }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            _ = await task.result
            throw SandboxConfigError("could not listen on \(config.host):\(config.port)")
        }
        self.port = port
    }

    /// A URL query as names and values, percent-decoded: URLComponents did the same at several times the cost,
    /// once per request (the emulator serves every test and benchmark).
    static func query(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Foundation's decoding only when there is something to decode: it was a tenth of a reply's CPU.
            // (A byte search: Substring.contains("%") is Foundation's, through CFString, and cost as much.)
            func decoded(_ part: Substring) -> String {
                part.utf8.contains(UInt8(ascii: "%")) ? (String(part).removingPercentEncoding ?? String(part)) : String(part)
            }
            out[decoded(parts[0])] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return out
    }

    /// Stops the server and saves the state file.
    public func stop() async {
        // Requests held by a latency or hang fault end now, so the graceful shutdown need not wait for them.
        await engine.beginShutdown()
        await group.triggerGracefulShutdown()
        _ = await task.result
        await engine.persist()
    }

    /// Waits until the server stops (by `stop()` or a failure).
    public func wait() async throws { try await task.value }

    /// Runs `body` against a started emulator and always stops it, on the failure path too.
    public static func with<T>(_ config: SandboxConfig, _ body: (SandboxServer) async throws -> T) async throws -> T {
        let server = try await SandboxServer(config)
        do {
            let value = try await body(server)
            await server.stop()
            return value
        } catch {
            await server.stop()
            throw error
        }
    }

    // Direct access for tests and the demo, without HTTP.

    /// Adds a fault at run time.
    public func addFault(_ spec: String) async throws { await engine.addFault(try FaultRule.parse(spec)) }
    /// Removes every fault.
    public func clearFaults() async { await engine.clearFaults() }
    /// Calls answered per command since start or the last reset.
    public func callCounts() async -> [String: Int] { await engine.callCounts }
    public func resetCallCounts() async { await engine.resetCallCounts() }
    /// Writes being processed now (held by injected latency included): zero means none can still land.
    public func writesInProgress() async -> Int { await engine.writesInProgress }
    /// The distinct text values friend_update applied per "account/friend/tag", in order (with `logWrites` on).
    public func textWrites() async -> [String: [String]] { await engine.textWrites }
}

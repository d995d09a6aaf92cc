import CCurl
import ContactDeskStrings
import Foundation
import Synchronization

/// HTTP over libcurl: the only file that imports CCurl.
///
/// Idle easy handles are pooled, and each keeps its connection cache, so calls reuse connections.
/// A transfer runs on a thread of its own (libcurl blocks); a cancelled task aborts it through the
/// progress callback. Proxies come from libcurl's usual variables (http_proxy, https_proxy, no_proxy).
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// Timeouts and TLS settings.
    public struct Options: Sendable {
        /// Seconds allowed to connect (TCP and TLS).
        public var connectTimeout: Double
        /// Seconds allowed for one request, reply included: a stalled or trickling reply ends there.
        public var totalTimeout: Double
        /// Verify the server's certificate (on unless explicitly turned off for a test server).
        public var verifyTLS: Bool
        /// A PEM bundle of CAs to trust instead of the system's.
        public var caFile: String?
        /// Largest reply accepted, in bytes.
        public var maxReplyBytes: Int
        /// Keep connections open between calls. Off only for the benchmark's naive baseline client,
        /// which opens a new connection per call as a one-curl-per-request script does.
        public var reuseConnections: Bool

        public init(connectTimeout: Double = 10, totalTimeout: Double = 30, verifyTLS: Bool = true,
                    caFile: String? = nil, maxReplyBytes: Int = 64 << 20, reuseConnections: Bool = true) {
            self.connectTimeout = connectTimeout; self.totalTimeout = totalTimeout
            self.verifyTLS = verifyTLS; self.caFile = caFile; self.maxReplyBytes = maxReplyBytes
            self.reuseConnections = reuseConnections
        }
    }

    /// curl_global_init is not thread-safe and must run once per process.
    private static let globalInit: Void = { _ = cd_curl_global_init() }()

    private let options: Options
    private let pool = Mutex<[EasyHandle]>([])
    private let headers: UnsafeMutablePointer<curl_slist>?

    public init(options: Options = Options()) {
        _ = CurlTransport.globalInit
        self.options = options
        var list = curl_slist_append(nil, "Content-Type: application/json; charset=utf-8")
        // No "Expect: 100-continue": it costs a round trip per large POST on a slow link.
        list = curl_slist_append(list, "Expect:")
        headers = list
    }

    deinit {
        pool.withLock { $0.removeAll() }
        curl_slist_free_all(headers)
    }

    public func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let pooled = options.reuseConnections ? pool.withLock { $0.popLast() } : nil
        let handle = try pooled ?? EasyHandle(options: options, headers: headers)
        let transfer = Transfer(limit: options.maxReplyBytes)
        let result: Result<HTTPResponse, TransportError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A thread of its own: a blocked GCD worker would starve Swift's cooperative pool,
                // which on Linux runs on the same global queue.
                TransferThreads.shared.run {
                    continuation.resume(returning: handle.perform(request, transfer: transfer))
                }
            }
        } onCancel: {
            transfer.cancelled.store(true, ordering: .relaxed)
        }
        // Without reuse the handle, and with it its connection, is freed here.
        if options.reuseConnections { pool.withLock { $0.append(handle) } }
        return try result.get()
    }
}

/// Per-request state the C callbacks reach through their user pointer.
private final class Transfer: @unchecked Sendable {
    var body = Data()
    let limit: Int
    var overflow = false
    let cancelled = Atomic<Bool>(false)
    init(limit: Int) { self.limit = limit }
}

/// One libcurl easy handle with its error buffer; reused across requests to keep its connections.
private final class EasyHandle: @unchecked Sendable {
    let curl: UnsafeMutableRawPointer
    let totalTimeout: Double
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init(options: CurlTransport.Options, headers: UnsafeMutablePointer<curl_slist>?) throws {
        guard let c = curl_easy_init() else { throw TransportError.connection(APIText.transportNoHandle.text) }
        curl = c
        totalTimeout = options.totalTimeout
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        _ = cd_curl_setopt_pointer(c, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = cd_curl_setopt_long(c, CURLOPT_NOSIGNAL, 1)  // threads: no SIGALRM-based DNS timeouts
        _ = cd_curl_setopt_long(c, CURLOPT_POST, 1)
        _ = cd_curl_setopt_pointer(c, CURLOPT_HTTPHEADER, headers)
        _ = cd_curl_setopt_long(c, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
        _ = cd_curl_setopt_long(c, CURLOPT_SSL_VERIFYPEER, options.verifyTLS ? 1 : 0)
        _ = cd_curl_setopt_long(c, CURLOPT_SSL_VERIFYHOST, options.verifyTLS ? 2 : 0)
        if let ca = options.caFile { _ = cd_curl_setopt_string(c, CURLOPT_CAINFO, ca) }
        _ = cd_curl_setopt_string(c, CURLOPT_ACCEPT_ENCODING, "")  // gzip when the server offers it
        _ = cd_curl_setopt_long(c, CURLOPT_TCP_KEEPALIVE, 1)
        _ = cd_curl_setopt_long(c, CURLOPT_TCP_NODELAY, 1)
        _ = cd_curl_setopt_string(c, CURLOPT_USERAGENT, "ContactDesk/\(ContactDeskVersion.string)")
        _ = cd_curl_setopt_long(c, CURLOPT_NOPROGRESS, 0)
        _ = cd_curl_setopt_write_function(c) { data, size, count, user in
            let t = Unmanaged<Transfer>.fromOpaque(user!).takeUnretainedValue()
            let n = size * count
            if t.body.count + n > t.limit { t.overflow = true; return 0 }
            if let data { t.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: n) }
            return n
        }
        _ = cd_curl_setopt_xferinfo_function(c) { user, _, _, _, _ in
            Unmanaged<Transfer>.fromOpaque(user!).takeUnretainedValue().cancelled.load(ordering: .relaxed) ? 1 : 0
        }
    }

    deinit {
        curl_easy_cleanup(curl)
        errorBuffer.deallocate()
    }

    /// Runs one blocking transfer on the calling thread.
    func perform(_ request: HTTPRequest, transfer: Transfer) -> Result<HTTPResponse, TransportError> {
        errorBuffer[0] = 0
        let user = Unmanaged.passUnretained(transfer).toOpaque()
        _ = cd_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, user)
        _ = cd_curl_setopt_pointer(curl, CURLOPT_XFERINFODATA, user)
        _ = cd_curl_setopt_string(curl, CURLOPT_URL, request.url)
        // A write gets a connection of its own: on a reused one libcurl resends after an empty reply.
        _ = cd_curl_setopt_long(curl, CURLOPT_FRESH_CONNECT, request.idempotent ? 0 : 1)
        // At least 1 ms: 0 would mean no limit at all.
        _ = cd_curl_setopt_long(curl, CURLOPT_TIMEOUT_MS, max(1, Int(min(totalTimeout, request.timeout ?? totalTimeout) * 1000)))
        _ = cd_curl_setopt_off(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
        let rc: CURLcode = request.body.withUnsafeBytes { bytes in
            // COPYPOSTFIELDS copies, so the body need not outlive this call.
            _ = cd_curl_setopt_pointer(curl, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            return withExtendedLifetime(transfer) { curl_easy_perform(curl) }
        }
        if rc != CURLE_OK { return .failure(error(for: rc, transfer: transfer)) }
        var status = 0
        var connects = 0
        _ = cd_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        _ = cd_curl_getinfo_long(curl, CURLINFO_NUM_CONNECTS, &connects)
        if status != 200 {
            return .failure(.httpStatus(status, excerpt: TransportError.excerpt(transfer.body)))
        }
        return .success(HTTPResponse(status: status, body: transfer.body, newConnections: connects))
    }

    private func error(for rc: CURLcode, transfer: Transfer) -> TransportError {
        var message = String(cString: errorBuffer)
        if message.isEmpty { message = String(cString: curl_easy_strerror(rc)) }
        switch rc {
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_OPERATION_TIMEDOUT: return .timeout(message)
        case CURLE_WRITE_ERROR where transfer.overflow: return .connection(APIText.transportReplyTooLarge.text(["limit": transfer.limit]))
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return .tls(message)
        default: return .connection(message)
        }
    }
}

import ChatAPI
import Foundation

/// The network between ContactDesk and the service, as the emulator plays it. On bare loopback a round trip
/// costs nothing and the emulator's CPU is the bottleneck; a real link adds a round trip to every call, which
/// the emulator adds as latency to every reply. New connections cost no extra round trip here, although over
/// TCP and TLS they cost two or three: that favours the baseline, so ratios on a real link are higher.
struct Link {
    var name: String
    var latencyMS: Int

    static let loopback = Link(name: "loopback", latencyMS: 0)
    static func slow(_ ms: Int) -> Link { Link(name: "link +\(ms) ms per call", latencyMS: ms) }

    /// Sets the emulator's latency fault through its control endpoint.
    func apply(_ url: String) async throws {
        let body = latencyMS > 0 ? "{\"clear\":true,\"add\":[\"*:latency=\(latencyMS)\"]}" : "{\"clear\":true}"
        _ = try await CurlTransport().post(HTTPRequest(url: url + "/_sandbox/faults", body: Data(body.utf8)))
    }
}

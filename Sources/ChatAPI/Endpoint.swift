import ContactDeskStrings
import Foundation

/// A data centre of the Chat service and its REST domains.
public enum Region: String, CaseIterable, Sendable {
    case china, singapore, seoul, tokyo, frankfurt, mumbai, siliconValley = "silicon-valley", jakarta

    /// The primary domain.
    public var domain: String {
        switch self {
        case .china: "console.tim.qq.com"
        case .singapore: "adminapisgp.im.qcloud.com"
        case .seoul: "adminapikr.im.qcloud.com"
        case .tokyo: "adminapijpn.im.qcloud.com"
        case .frankfurt: "adminapiger.im.qcloud.com"
        case .mumbai: "adminapiind.im.qcloud.com"
        case .siliconValley: "adminapiusa.im.qcloud.com"
        case .jakarta: "adminapiidn.im.qcloud.com"
        }
    }

    /// The backup domain, where the region has one.
    public var backupDomain: String? {
        switch self {
        case .china: "adminapi.my-imcloud.com"
        case .singapore: "adminapisgp.my-imcloud.com"
        case .seoul: "adminapikr.my-imcloud.com"
        case .tokyo: nil
        case .frankfurt: "adminapiger.my-imcloud.com"
        case .mumbai: "adminapiind.my-imcloud.com"
        case .siliconValley: "adminapiusa.my-imcloud.com"
        case .jakarta: "adminapiidn.my-imcloud.com"
        }
    }
}

/// A problem with a configured endpoint.
public enum EndpointError: Error, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case insecureRemote(String)
    case unknownRegion(String)

    public var description: String {
        switch self {
        case .invalidURL(let s): APIText.endpointInvalidURL.text(["url": s])
        case .insecureRemote(let s): APIText.endpointInsecureRemote.text(["url": s])
        case .unknownRegion(let s):
            APIText.endpointUnknownRegion.text(["region": s, "regions": Region.allCases.map(\.rawValue).joined(separator: ", ")])
        }
    }
}

/// Where requests go: a scheme, host and optional port, without a path.
public struct Endpoint: Equatable, Sendable, CustomStringConvertible {
    public let baseURL: String

    /// The region's primary (or backup) domain over https.
    public init(region: Region, backup: Bool = false) {
        baseURL = "https://" + ((backup ? region.backupDomain : nil) ?? region.domain)
    }

    /// Parses a region name.
    public init(regionName: String) throws {
        guard let r = Region(rawValue: regionName.lowercased()) else { throw EndpointError.unknownRegion(regionName) }
        self.init(region: r)
    }

    /// A custom base URL; plain http is accepted for loopback hosts only (the emulator).
    public init(baseURL: String) throws {
        var s = baseURL
        while s.hasSuffix("/") { s.removeLast() }
        guard let c = URLComponents(string: s), let scheme = c.scheme?.lowercased(), let host = c.host, !host.isEmpty,
              scheme == "https" || scheme == "http", c.path.isEmpty || c.path == "/" else {
            throw EndpointError.invalidURL(baseURL)
        }
        if scheme == "http" && !Endpoint.isLoopback(host) { throw EndpointError.insecureRemote(baseURL) }
        self.baseURL = s
    }

    /// True for names and addresses that never leave the machine.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    /// The request URL for a command; `random` is a fresh unsigned 32-bit number per request.
    public func url(for command: Command, sdkAppID: UInt64, identifier: String, userSig: String,
                    random: UInt32 = UInt32.random(in: .min ... .max)) -> String {
        "\(baseURL)/v4/\(command.path)?sdkappid=\(sdkAppID)&identifier=\(Endpoint.escape(identifier))"
            + "&usersig=\(Endpoint.escape(userSig))&random=\(random)&contenttype=json"
    }

    /// Percent-encodes all but `A-Z a-z 0-9 - . _ ~ *` (ASCII only: CharacterSet.alphanumerics would let CJK letters
    /// through unescaped). By hand: a CharacterSet and Foundation's encoder per request cost more than the rest of
    /// building the URL, twice per call.
    static func escape(_ s: String) -> String {
        if s.utf8.allSatisfy(isUnreserved) { return s }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count * 3)
        for b in s.utf8 {
            if isUnreserved(b) { out.append(b) } else { out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "*"): true
        default: false
        }
    }

    public var description: String { baseURL }
}

import Foundation

/// Supplies the administrator's UserSig for requests.
public protocol UserSigSource: Sendable {
    /// A UserSig valid now; `renew` asks for a new one because the service refused the last.
    func userSig(renew: Bool) async throws -> String
}

/// Makes UserSigs from the app's secret key, caches one and renews it well before it expires.
public actor KeyUserSigSource: UserSigSource {
    private let key: SecretKey
    private let sdkAppID: UInt64
    private let identifier: String
    private let lifetime: Int64
    private let clock: @Sendable () -> Int64
    private var cached: (sig: String, expiresAt: Int64, time: Int64, expire: Int64)?
    /// How many UserSigs this source has made (tests check renewal with it).
    public private(set) var generated = 0

    public init(key: SecretKey, sdkAppID: UInt64, identifier: String, lifetime: Int64 = 3600,
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.key = key; self.sdkAppID = sdkAppID; self.identifier = identifier
        self.lifetime = lifetime; self.clock = clock
    }

    public func userSig(renew: Bool) async throws -> String {
        let now = clock()
        // Renew once less than a tenth of the lifetime (at least a minute) is left.
        let margin = max(60, lifetime / 10)
        if !renew, let cached, now < cached.expiresAt - margin { return cached.sig }
        // A renewal within the same second would sign the same text and give the refused UserSig back byte for
        // byte: each such renewal takes a second off the lifetime, so the service always gets a new one.
        var expire = lifetime
        if renew, let cached, cached.time == now { expire = max(60, cached.expire - 1) }
        let sig = UserSig.generate(key: key, sdkAppID: sdkAppID, identifier: identifier, expire: expire, time: now)
        generated += 1
        cached = (sig, now + expire, now, expire)
        return sig
    }
}

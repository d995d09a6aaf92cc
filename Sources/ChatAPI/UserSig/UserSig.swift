import ContactDeskStrings
import Crypto
import Foundation

/// The decoded content of a UserSig (TLSSigAPIv2).
public struct UserSigClaims: Equatable, Sendable {
    public var identifier: String
    public var sdkAppID: UInt64
    public var time: Int64
    public var expire: Int64
    public var userBuffer: Data?
    /// The signature as carried in `TLS.sig` (standard base64).
    public var signature: String

    /// Unix time at which the UserSig stops being valid.
    /// Saturating: a crafted UserSig with extreme numbers must not trap.
    public var expiresAt: Int64 { let (sum, overflow) = time.addingReportingOverflow(expire); return overflow ? (expire < 0 ? .min : .max) : sum }
}

/// Why a UserSig was refused; each case maps to the API's own error code.
public enum UserSigError: Error, Equatable, Sendable, CustomStringConvertible {
    case undecodable(String)
    case badSignature
    case expired(expiredAt: Int64)
    case wrongApp(expected: UInt64, found: UInt64)
    case wrongIdentifier(expected: String, found: String)

    /// The code the Chat service answers for this failure.
    public var apiCode: Int {
        switch self {
        case .undecodable: 70003
        case .badSignature: 70009
        case .expired: 70001
        case .wrongApp: 70014
        case .wrongIdentifier: 70013
        }
    }

    public var description: String { description(in: .current) }

    /// The text in English: what the emulator sends as ErrorInfo, whatever the operator's language.
    public var englishDescription: String { description(in: .en) }

    public func description(in language: Language) -> String {
        switch self {
        case .undecodable(let why): APIText.userSigUndecodable.text(in: language, ["reason": Self.reason(why, in: language)])
        case .badSignature: APIText.userSigBadSignature.text(in: language)
        case .expired(let at):
            APIText.userSigExpired.text(in: language, ["time": Date(timeIntervalSince1970: TimeInterval(at)).formatted(.iso8601)])
        case .wrongApp(let e, let f): APIText.userSigWrongApp.text(in: language, ["found": f, "expected": e])
        case .wrongIdentifier(let e, let f): APIText.userSigWrongIdentifier.text(in: language, ["found": f, "expected": e])
        }
    }

    /// The reasons `UserSig.decode` gives, in English as the error carries them (it is a value that tests and the
    /// emulator compare), with the key that shows each in another language.
    static let reasons: [(english: String, key: APIText, arguments: [String: String])] = {
        let fields = ["TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig", "TLS.userbuf"]
        let plain: [APIText] = [.userSigReasonEmpty, .userSigReasonNotBase64, .userSigReasonNotZlib, .userSigReasonNotJSONObject]
        let named: [APIText] = [.userSigReasonNotANumber, .userSigReasonMissing, .userSigReasonNegative, .userSigReasonFieldNotBase64]
        return plain.map { ($0.text(in: .en), $0, [:]) }
            + named.flatMap { key in fields.map { (key.text(in: .en, ["field": $0]), key, ["field": $0]) } }
    }()

    /// A decode reason in `language` (a reason not made by `decode` is shown as it is).
    static func reason(_ english: String, in language: Language) -> String {
        guard language != .en, let r = reasons.first(where: { $0.english == english }) else { return english }
        return r.key.text(in: language, r.arguments)
    }

    /// A decode reason as the error carries it: English.
    static func because(_ key: APIText, _ field: String? = nil) -> UserSigError {
        .undecodable(key.text(in: .en, field.map { ["field": $0] } ?? [:]))
    }
}

/// Generation and verification of UserSigs with the published TLSSigAPIv2 algorithm.
public enum UserSig {
    /// HMAC-SHA256 over the documented text, standard base64.
    static func signature(key: SecretKey, identifier: String, sdkAppID: UInt64, time: Int64, expire: Int64,
                          userBuffer: Data?) -> String {
        var text = "TLS.identifier:\(identifier)\nTLS.sdkappid:\(sdkAppID)\nTLS.time:\(time)\nTLS.expire:\(expire)\n"
        if let userBuffer { text += "TLS.userbuf:\(userBuffer.base64EncodedString())\n" }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.value.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// Makes a UserSig valid from `time` for `expire` seconds.
    public static func generate(key: SecretKey, sdkAppID: UInt64, identifier: String, expire: Int64 = 86_400,
                                time: Int64 = Int64(Date().timeIntervalSince1970), userBuffer: Data? = nil) -> String {
        var object: [String: Any] = [
            "TLS.ver": "2.0",
            "TLS.identifier": identifier,
            "TLS.sdkappid": sdkAppID,
            "TLS.expire": expire,
            "TLS.time": time,
            "TLS.sig": signature(key: key, identifier: identifier, sdkAppID: sdkAppID, time: time,
                                 expire: expire, userBuffer: userBuffer),
        ]
        if let userBuffer { object["TLS.userbuf"] = userBuffer.base64EncodedString() }
        // Serialising a dictionary of strings and integers cannot fail.
        let json = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let compressed = try! Zlib.compress(json)
        return urlSafe(compressed.base64EncodedString())
    }

    /// Decodes a UserSig without checking it.
    public static func decode(_ userSig: String) throws(UserSigError) -> UserSigClaims {
        guard !userSig.isEmpty else { throw UserSigError.because(.userSigReasonEmpty) }
        let b64 = String(userSig.map { c -> Character in
            switch c { case "*": "+"; case "-": "/"; case "_": "="; default: c }
        })
        guard let compressed = Data(base64Encoded: b64) else { throw UserSigError.because(.userSigReasonNotBase64) }
        let json: Data
        do { json = try Zlib.decompress(compressed) } catch { throw UserSigError.because(.userSigReasonNotZlib) }
        guard case .object(let object)? = try? JSONValue.parse(json) else { throw UserSigError.because(.userSigReasonNotJSONObject) }
        func int(_ key: String) throws(UserSigError) -> Int64 {
            switch object[key] {
            case .integer(let n)?: return n
            case .string(let s)?: if let n = Int64(s) { return n }
            default: break
            }
            throw UserSigError.because(.userSigReasonNotANumber, key)
        }
        guard case .string(let identifier)? = object["TLS.identifier"] else { throw UserSigError.because(.userSigReasonMissing, "TLS.identifier") }
        guard case .string(let sig)? = object["TLS.sig"] else { throw UserSigError.because(.userSigReasonMissing, "TLS.sig") }
        let appID = try int("TLS.sdkappid")
        guard appID >= 0 else { throw UserSigError.because(.userSigReasonNegative, "TLS.sdkappid") }
        var buffer: Data?
        if case .string(let b)? = object["TLS.userbuf"] {
            guard let d = Data(base64Encoded: b) else { throw UserSigError.because(.userSigReasonFieldNotBase64, "TLS.userbuf") }
            buffer = d
        }
        return UserSigClaims(identifier: identifier, sdkAppID: UInt64(appID), time: try int("TLS.time"),
                             expire: try int("TLS.expire"), userBuffer: buffer, signature: sig)
    }

    /// Decodes and checks a UserSig for this app and identifier at time `now`.
    @discardableResult
    public static func verify(_ userSig: String, key: SecretKey, sdkAppID: UInt64, identifier: String,
                              now: Int64 = Int64(Date().timeIntervalSince1970)) throws(UserSigError) -> UserSigClaims {
        let claims = try decode(userSig)
        guard claims.sdkAppID == sdkAppID else { throw .wrongApp(expected: sdkAppID, found: claims.sdkAppID) }
        guard claims.identifier == identifier else { throw .wrongIdentifier(expected: identifier, found: claims.identifier) }
        let expected = signature(key: key, identifier: claims.identifier, sdkAppID: claims.sdkAppID, time: claims.time,
                                 expire: claims.expire, userBuffer: claims.userBuffer)
        // Compare the MACs' bytes in constant time, not the base64 text.
        guard let a = Data(base64Encoded: expected), let b = Data(base64Encoded: claims.signature),
              a.count == b.count, zip(a, b).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { throw .badSignature }
        guard now <= claims.expiresAt else { throw .expired(expiredAt: claims.expiresAt) }
        return claims
    }

    static func urlSafe(_ base64: String) -> String {
        String(base64.map { c -> Character in
            switch c { case "+": "*"; case "/": "-"; case "=": "_"; default: c }
        })
    }
}

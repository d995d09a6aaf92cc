import Foundation
import Testing
import TestSupport
@testable import ChatAPI

@Suite struct UserSigTests {
    let key = TestCredentials.key

    @Test func documentedVectorGivesTheDocumentedSignature() throws {
        let sig = UserSig.generate(key: key, sdkAppID: 1_400_000_000, identifier: "xiaojun", expire: 15_552_000, time: 1_700_000_000)
        let claims = try UserSig.decode(sig)
        #expect(claims.signature == "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=")
        #expect(claims.identifier == "xiaojun")
        #expect(claims.sdkAppID == 1_400_000_000)
        #expect(claims.time == 1_700_000_000 && claims.expire == 15_552_000)
        #expect(!sig.contains("+") && !sig.contains("/") && !sig.contains("="))
    }

    @Test(arguments: [nil, Data("buffer \u{1F600}".utf8), Data([0, 255, 7])])
    func roundTripVerifies(userBuffer: Data?) throws {
        let sig = UserSig.generate(key: key, sdkAppID: 42, identifier: "admin", expire: 600, time: 1000, userBuffer: userBuffer)
        let claims = try UserSig.verify(sig, key: key, sdkAppID: 42, identifier: "admin", now: 1600)
        #expect(claims.userBuffer == userBuffer)
        #expect(claims.expiresAt == 1600)
    }

    @Test func expiredOneSecondAfterTheEnd() throws {
        let sig = UserSig.generate(key: key, sdkAppID: 42, identifier: "admin", expire: 600, time: 1000)
        #expect(throws: UserSigError.expired(expiredAt: 1600)) {
            try UserSig.verify(sig, key: key, sdkAppID: 42, identifier: "admin", now: 1601)
        }
    }

    @Test func wrongAppWrongIdentifierAndWrongKeyAreDistinct() throws {
        let sig = UserSig.generate(key: key, sdkAppID: 42, identifier: "admin", expire: 600, time: 1000)
        #expect(throws: UserSigError.wrongApp(expected: 43, found: 42)) {
            try UserSig.verify(sig, key: key, sdkAppID: 43, identifier: "admin", now: 1000)
        }
        #expect(throws: UserSigError.wrongIdentifier(expected: "root", found: "admin")) {
            try UserSig.verify(sig, key: key, sdkAppID: 42, identifier: "root", now: 1000)
        }
        #expect(throws: UserSigError.badSignature) {
            try UserSig.verify(sig, key: SecretKey("another key"), sdkAppID: 42, identifier: "admin", now: 1000)
        }
        #expect(UserSigError.badSignature.apiCode == 70009)
        #expect(UserSigError.wrongApp(expected: 1, found: 2).apiCode == 70014)
        #expect(UserSigError.wrongIdentifier(expected: "a", found: "b").apiCode == 70013)
        #expect(UserSigError.expired(expiredAt: 0).apiCode == 70001)
        #expect(UserSigError.undecodable("").apiCode == 70003)
    }

    @Test(arguments: ["", "%%%%", Data("plain text".utf8).base64EncodedString()])
    func undecodableInput(_ input: String) {
        #expect(throws: UserSigError.self) { try UserSig.decode(input) }
        do { _ = try UserSig.decode(input); Issue.record("decoded") } catch {
            guard case .undecodable = error else { Issue.record("wrong case \(error)"); return }
        }
    }

    @Test func zlibOfSomethingOtherThanTheSigObject() throws {
        for json in ["[1,2]", "{\"TLS.identifier\":\"a\"}", "{\"TLS.identifier\":\"a\",\"TLS.sig\":\"x\",\"TLS.sdkappid\":true}"] {
            let sig = UserSig.urlSafe(try Zlib.compress(Data(json.utf8)).base64EncodedString())
            #expect(throws: UserSigError.self) { try UserSig.decode(sig) }
        }
    }

    /// Re-encodes a UserSig with one field replaced, keeping the original signature.
    func tampered(_ sig: String, _ field: String, _ value: Any) throws -> String {
        let b64 = String(sig.map { c -> Character in switch c { case "*": "+"; case "-": "/"; case "_": "="; default: c } })
        var object = try JSONSerialization.jsonObject(with: try Zlib.decompress(Data(base64Encoded: b64)!)) as! [String: Any]
        object[field] = value
        let json = try JSONSerialization.data(withJSONObject: object)
        return UserSig.urlSafe(try Zlib.compress(json).base64EncodedString())
    }

    @Test(arguments: [
        ("TLS.time", JSONValue.integer(1001)), ("TLS.expire", .integer(6000)), ("TLS.userbuf", .string("b3RoZXI=")),
        ("TLS.sig", .string("LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=")),
    ])
    func tamperingWithAFieldBreaksTheSignature(field: String, json: JSONValue) throws {
        let value: Any = switch json { case .integer(let i): i; case .string(let s): s; default: 0 }
        let sig = UserSig.generate(key: key, sdkAppID: 42, identifier: "admin", expire: 600, time: 1000, userBuffer: Data("orig".utf8))
        #expect(throws: UserSigError.badSignature) {
            try UserSig.verify(try tampered(sig, field, value), key: key, sdkAppID: 42, identifier: "admin", now: 1000)
        }
    }

    @Test func tamperingWithIdentityFieldsIsCaughtByTheSignatureToo() throws {
        let sig = UserSig.generate(key: key, sdkAppID: 42, identifier: "admin", expire: 600, time: 1000)
        // An attacker who rewrites the identifier and asks as that identifier still fails on the HMAC.
        #expect(throws: UserSigError.badSignature) {
            try UserSig.verify(try tampered(sig, "TLS.identifier", "root"), key: key, sdkAppID: 42, identifier: "root", now: 1000)
        }
        #expect(throws: UserSigError.badSignature) {
            try UserSig.verify(try tampered(sig, "TLS.sdkappid", 43), key: key, sdkAppID: 43, identifier: "admin", now: 1000)
        }
    }

    @Test func aUserSigFromPythonsStandardLibraryVerifies() throws {
        // A second implementation of the published algorithm: Python's hmac, zlib and base64.
        let script = """
        import base64, hashlib, hmac, json, os, sys, zlib
        key = os.environ["SIG_KEY"]
        appid, ident, t, exp = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        text = f"TLS.identifier:{ident}\\nTLS.sdkappid:{appid}\\nTLS.time:{t}\\nTLS.expire:{exp}\\n"
        sig = base64.b64encode(hmac.new(key.encode(), text.encode(), hashlib.sha256).digest()).decode()
        doc = {"TLS.ver": "2.0", "TLS.identifier": ident, "TLS.sdkappid": appid, "TLS.expire": exp, "TLS.time": t, "TLS.sig": sig}
        out = base64.b64encode(zlib.compress(json.dumps(doc, separators=(",", ":")).encode()))
        print(out.decode().replace("+", "*").replace("/", "-").replace("=", "_"))
        """
        let sig = try Python.run(script, environment: ["SIG_KEY": TestCredentials.keyText], args: ["1400000000", "xiaojun", "1700000000", "15552000"])
        let claims = try UserSig.verify(sig, key: key, sdkAppID: 1_400_000_000, identifier: "xiaojun", now: 1_700_000_001)
        #expect(claims.signature == "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=")
        #expect(throws: UserSigError.badSignature) {
            try UserSig.verify(try tampered(sig, "TLS.expire", 15_552_001), key: key, sdkAppID: 1_400_000_000,
                               identifier: "xiaojun", now: 1_700_000_001)
        }
    }

    @Test func secretKeyNeverPrints() {
        let k = SecretKey("  s3cr3t-value \n")
        #expect("\(k)" == "<secret key>")
        #expect(String(reflecting: k) == "<secret key>")
        #expect(k.value == "s3cr3t-value")
    }
}

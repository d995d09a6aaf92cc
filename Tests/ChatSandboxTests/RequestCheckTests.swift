import ChatAPI
import ChatSandbox
import Foundation
import Testing
import TestSupport

/// The checks before any command runs: JSON, command name, administrator and UserSig.
@Suite struct RequestCheckTests {
    func code(_ r: (status: Int, json: JSONValue)) -> Int64? { r.json["ErrorCode"]?.int }

    @Test func badJSONIs60003AndAnUnknownCommandIs60009() async throws {
        try await SandboxServer.with(try TestSandbox.config()) { server in
            let bad = try await TestSandbox.raw(server, "sns/friend_get", body: "{\"From_Account\": ")
            #expect(bad.status == 200 && code(bad) == 60003 && bad.json["ActionStatus"] == .string("FAIL"))
            #expect(try await code(TestSandbox.raw(server, "sns/friend_get", body: "")) == 60003)
            #expect(try await code(TestSandbox.raw(server, "sns/friend_get", body: "[1]")) == 60003)
            let unknown = try await TestSandbox.raw(server, "sns/friend_teleport", body: "{}")
            #expect(unknown.status == 200 && code(unknown) == 60009)
            #expect(unknown.json["ErrorDisplay"] != nil && unknown.json["ErrorInfo"] != nil)
        }
    }

    @Test func aNonAdministratorIs60010() async throws {
        try await SandboxServer.with(try TestSandbox.config()) { server in
            let r = try await TestSandbox.raw(server, "sns/group_get", body: "{\"From_Account\":\"administrator\"}", identifier: "someone")
            #expect(code(r) == 60010)
        }
    }

    @Test func userSigChecksHaveTheirOwnCodes() async throws {
        let app = TestCredentials.sdkAppID, admin = TestCredentials.admin, key = TestCredentials.key
        let sigs: [(String, Int64)] = [
            ("", 70002), ("not*a*sig", 70003),
            (UserSig.generate(key: SecretKey("wrong key"), sdkAppID: app, identifier: admin), 70009),
            (UserSig.generate(key: key, sdkAppID: app, identifier: admin, expire: 60, time: 1_000_000), 70001),
            (UserSig.generate(key: key, sdkAppID: app, identifier: "someone"), 70013),
            (UserSig.generate(key: key, sdkAppID: app + 1, identifier: admin), 70014),
            (UserSig.generate(key: key, sdkAppID: app, identifier: admin), 0),
        ]
        let codes = try await SandboxServer.with(try TestSandbox.config()) { server in
            var out: [Int64] = []
            for (sig, _) in sigs {
                out.append(try await TestSandbox.raw(server, "sns/group_get", body: "{\"From_Account\":\"administrator\"}", userSig: sig)
                    .json["ErrorCode"]?.int ?? -1)
            }
            return out
        }
        #expect(codes == sigs.map(\.1))
    }

    @Test func aUserSigFromPythonIsAcceptedAndATamperedOneRefused() async throws {
        let script = """
        import base64, hashlib, hmac, json, os, sys, time, zlib
        key, appid, ident = os.environ["SIG_KEY"], int(sys.argv[1]), sys.argv[2]
        t, exp = int(time.time()), 3600
        def make(t_signed, t_claimed):
            text = f"TLS.identifier:{ident}\\nTLS.sdkappid:{appid}\\nTLS.time:{t_signed}\\nTLS.expire:{exp}\\n"
            sig = base64.b64encode(hmac.new(key.encode(), text.encode(), hashlib.sha256).digest()).decode()
            doc = {"TLS.ver": "2.0", "TLS.identifier": ident, "TLS.sdkappid": appid, "TLS.expire": exp, "TLS.time": t_claimed, "TLS.sig": sig}
            raw = base64.b64encode(zlib.compress(json.dumps(doc).encode()))
            return raw.decode().replace("+", "*").replace("/", "-").replace("=", "_")
        print(make(t, t))
        print(make(t, t + 100))
        """
        let lines = try Python.run(script, environment: ["SIG_KEY": TestCredentials.keyText],
                                   args: ["\(TestCredentials.sdkAppID)", TestCredentials.admin]).split(separator: "\n").map(String.init)
        let codes = try await SandboxServer.with(try TestSandbox.config()) { server in
            [try await TestSandbox.raw(server, "sns/group_get", body: "{\"From_Account\":\"administrator\"}", userSig: lines[0]).json["ErrorCode"]?.int,
             try await TestSandbox.raw(server, "sns/group_get", body: "{\"From_Account\":\"administrator\"}", userSig: lines[1]).json["ErrorCode"]?.int]
        }
        #expect(codes == [0, 70009])
    }
}

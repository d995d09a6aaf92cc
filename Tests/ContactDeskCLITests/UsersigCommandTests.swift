import ChatAPI
import Foundation
import Testing
import TestSupport

/// The `contactdesk` binary's version, help and usersig command, run as a user would.
@Suite struct UsersigCommandTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }

    func env(_ extra: [String: String] = [:]) -> [String: String] { CommandRunner.environment(state: dir, extra: extra) }
    var withKey: [String: String] { env([KeyLoader.variable: TestCredentials.keyText]) }

    @Test func versionAndHelp() throws {
        let v = try CommandRunner.run(["--version"], environment: env())
        #expect(v.status == 0 && v.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == ContactDeskVersion.string)
        let h = try CommandRunner.run(["--help"], environment: env())
        #expect(h.status == 0 && h.stdout.contains("usersig") && h.stdout.contains(KeyLoader.variable))
    }

    @Test func generatesAUserSigThatVerifies() throws {
        let out = try CommandRunner.run(["usersig", "--sdkappid", "1400000000", "--identifier", "admin", "--expire", "600"],
                                        environment: withKey)
        #expect(out.status == 0, "\(out.stderr)")
        let claims = try UserSig.verify(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines), key: TestCredentials.key,
                                        sdkAppID: 1_400_000_000, identifier: "admin")
        #expect(claims.expire == 600)
    }

    @Test func verifySaysValidOrWhyNot() throws {
        let good = UserSig.generate(key: TestCredentials.key, sdkAppID: 1_400_000_000, identifier: "admin")
        let ok = try CommandRunner.run(["usersig", "--verify", "-", "--sdkappid", "1400000000", "--identifier", "admin"],
                                       environment: withKey, stdin: good + "\n")
        #expect(ok.status == 0 && ok.stdout.hasPrefix("valid: identifier admin"))

        let wrongID = try CommandRunner.run(["usersig", "--verify", good, "--sdkappid", "1400000000", "--identifier", "root"],
                                            environment: withKey)
        #expect(wrongID.status == 1 && wrongID.stderr.contains("70013") && wrongID.stderr.contains("not \"root\""))

        let expired = UserSig.generate(key: TestCredentials.key, sdkAppID: 1_400_000_000, identifier: "admin", expire: 10, time: 1_000)
        let late = try CommandRunner.run(["usersig", "--verify", "-", "--sdkappid", "1400000000", "--identifier", "admin"],
                                         environment: withKey, stdin: expired)
        #expect(late.status == 1 && late.stderr.contains("expired"))

        let otherKey = try CommandRunner.run(["usersig", "--verify", "-", "--sdkappid", "1400000000", "--identifier", "admin"],
                                             environment: env([KeyLoader.variable: "another"]), stdin: good)
        #expect(otherKey.status == 1 && otherKey.stderr.contains("70009"))

        let garbage = try CommandRunner.run(["usersig", "--verify", "-", "--sdkappid", "1400000000", "--identifier", "admin"],
                                            environment: withKey, stdin: "not-a-usersig")
        #expect(garbage.status == 1 && garbage.stderr.contains("cannot be decoded"))
    }

    @Test func keyFileMustBeOwnerOnly() throws {
        let file = dir.appendingPathComponent("key")
        try TestCredentials.keyText.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let open = try CommandRunner.run(["usersig", "--sdkappid", "1", "--identifier", "a", "--key-file", file.path], environment: env())
        #expect(open.status != 0)
        #expect(open.stderr.contains("readable by group or others") && open.stderr.contains("chmod 600 \(file.path)"))
        #expect(open.stdout.isEmpty)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let ok = try CommandRunner.run(["usersig", "--sdkappid", "1", "--identifier", "a", "--key-file", file.path], environment: env())
        #expect(ok.status == 0)
        #expect(throws: Never.self) {
            try UserSig.verify(ok.stdout.trimmingCharacters(in: .newlines), key: TestCredentials.key, sdkAppID: 1, identifier: "a")
        }
    }

    @Test func noKeyIsAClearErrorAndNoOptionTakesTheKey() throws {
        let none = try CommandRunner.run(["usersig", "--sdkappid", "1", "--identifier", "a"], environment: env())
        #expect(none.status != 0 && none.stderr.contains(KeyLoader.variable) && none.stderr.contains("--key-file"))
        let help = try CommandRunner.run(["usersig", "--help"], environment: env())
        #expect(!help.stdout.contains("--key ") && !help.stdout.contains("--secret"))
    }

    @Test func theLogNeverHoldsTheKeyOrTheUserSig() throws {
        let out = try CommandRunner.run(["usersig", "--sdkappid", "1", "--identifier", "a", "--log-level", "trace"], environment: withKey)
        #expect(out.status == 0)
        let log = dir.appendingPathComponent("state/contactdesk/contactdesk.log")
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!text.contains(TestCredentials.keyText))
        #expect(!text.contains(out.stdout.trimmingCharacters(in: .newlines)))
    }
}

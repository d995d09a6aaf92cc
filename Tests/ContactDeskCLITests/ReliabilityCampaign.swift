import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Testing
import TestSupport

/// What the reliability campaigns share: children with their output in files, change-set files, the server's
/// values, the audit log, and the secrets scan over everything the program wrote.
enum ReliabilityCampaign {
    static let app = TestCredentials.sdkAppID

    /// A child process whose standard output and error go to files (a chatty child never blocks on a pipe, and
    /// the secrets scan reads them afterwards).
    final class Child: @unchecked Sendable {
        let process = Process()
        let out: URL, err: URL
        init(_ arguments: [String], env: [String: String], dir: URL) throws {
            let tag = UUID().uuidString.prefix(8)
            out = dir.appendingPathComponent("out-\(tag).txt"); err = dir.appendingPathComponent("err-\(tag).txt")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = CommandRunner.contactdesk
            process.arguments = arguments
            process.environment = env
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        var stdout: String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }
        /// Waits for the end; true when a signal ended it.
        @discardableResult func wait() -> Bool {
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
        }
        /// Each friend's outcome as the child printed it ("f0001  ✓"): the text after the first two spaces.
        var outcomes: [String: String] {
            var map: [String: String] = [:]
            for line in stdout.split(separator: "\n") {
                guard let r = line.range(of: "  ") else { continue }
                map[String(line[..<r.lowerBound])] = String(line[r.upperBound...])
            }
            return map
        }
    }

    /// A profile `campaign` for the emulator at `url`, naming the custom field `Test` (apply checks fields
    /// against the profile); returns the arguments that select it.
    static func profile(_ url: String, env: [String: String]) throws -> [String] {
        let dir = URL(fileURLWithPath: env["XDG_CONFIG_HOME"]!).appendingPathComponent("contactdesk")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
            [profiles.campaign]
            sdkappid = \(app)
            base_url = "\(url)"
            admin = "\(TestCredentials.admin)"
            key_env = "\(KeyLoader.variable)"
            custom_fields = ["Test"]

            """.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return ["--profile", "campaign"]
    }

    /// One staged change of a campaign file: a remark, a group to add, or a custom field.
    enum Change { case remark(String), addGroup(String), custom(String, String) }

    /// A version 2 change-set file for `account` (docs/CHANGESET-FORMAT.md), the seed's values as "from".
    static func writeChangeSet(_ url: URL, account: String, _ changes: [(friend: String, change: Change)]) throws {
        let entries: [[String: Any]] = changes.map { friend, change in
            switch change {
            case .remark(let to): ["friend": friend, "field": "remark", "from": "remark of \(friend)", "to": to]
            case .addGroup(let g): ["friend": friend, "field": "groups", "from": [String](), "add": [g], "remove": [String]()]
            case .custom(let k, let v): ["friend": friend, "field": "custom:\(k)", "from": "", "to": v]
            }
        }
        let file: [String: Any] = ["version": 2, "app": app, "account": account, "entries": entries]
        try JSONSerialization.data(withJSONObject: file, options: [.sortedKeys]).write(to: url)
    }

    /// Whether the server holds the change.
    static func holds(_ f: Friend?, _ change: Change) -> Bool {
        guard let f else { return false }
        switch change {
        case .remark(let to): return f.remark == to
        case .addGroup(let g): return f.groups.contains(g)
        case .custom(let k, let v): return f.custom[k] == v
        }
    }

    static func field(_ change: Change) -> String {
        switch change {
        case .remark: "remark"
        case .addGroup: "groups"
        case .custom(let k, _): "custom:\(k)"
        }
    }

    /// The friends of `account` as the server has them now.
    static func server(_ client: ChatClient, _ account: String, _ friends: [String]) async throws -> [String: Friend] {
        let infos = try await client.friendGetList(account: account, friends: friends,
                                                   tags: [FriendTag.remark, FriendTag.group, FriendTag.custom("Test")])
        return Dictionary(uniqueKeysWithValues: infos.map { ($0.toAccount, Friend(id: $0.toAccount, tags: $0.snsProfileItem ?? [])) })
    }

    /// "friend/field" of every applied (code 0) audit record of `account`.
    static func audited(_ account: String, env: [String: String]) throws -> Set<String> {
        let out = try CommandRunner.run(["audit", "--account", account, "--format", "json"], environment: env)
        return Set(try JSONValue.parse(Data(out.stdout.utf8)).elements.compactMap { r in
            guard r["code"]?.int == 0, let f = r["friend"]?.string, let field = r["field"]?.string else { return nil }
            return "\(f)/\(field)"
        })
    }

    /// Friend fields of `account` written more than once with different values (a stale plan re-sent), leaving
    /// out the group lists of `shared` friends, which another client also wrote.
    static func writtenTwice(_ server: SandboxServer, _ account: String, shared: [String] = []) async -> Int {
        let others = Set(shared.map { "\(account)/\($0)/\(FriendTag.group)" })
        let writes = await server.textWrites().filter { $0.key.hasPrefix(account + "/") }
        // No log at all would make "never twice" true for nothing.
        if writes.isEmpty { Issue.record("the emulator logged no write for \(account): is logWrites on?") }
        return writes.filter { !others.contains($0.key) && $0.value.count > 1 }.count
    }

    /// Waits for `condition`, polling; false when `timeout` passed first.
    static func waitUntil(timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws -> Bool {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Every file under `dirs` and every extra text, searched for a secret: the key, any text that decodes as a
    /// UserSig, or a usersig= value (Redactor changes a text exactly when it holds one). Returns (files, bytes, leaks).
    static func scanForSecrets(_ dirs: [URL], texts: [String] = []) -> (files: Int, bytes: Int, leaks: [String]) {
        var files = 0, bytes = 0
        var leaks: [String] = []
        for (i, text) in texts.enumerated() {
            files += 1; bytes += text.utf8.count
            if Redactor.redact(text) != text { leaks.append("text \(i)") }
        }
        for dir in dirs {
            let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = walker?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                      let data = try? Data(contentsOf: url) else { continue }
                files += 1; bytes += data.count
                // SQLite pages and logs alike: every printable run is checked.
                let text = String(decoding: data.map { $0 < 0x20 || $0 == 0x7F ? 0x0A : $0 }, as: UTF8.self)
                if Redactor.redact(text) != text { leaks.append(url.path) }
            }
        }
        return (files, bytes, leaks)
    }
}

import ChatAPI
import ChatSandbox
import Foundation
import Testing
import TestSupport

/// Every documented friend_update request gets a response of the documented shape.
@Suite struct FixtureShapeTests {
    /// The set of key paths in a JSON value (array elements share one path), to compare shapes not values.
    static func shape(_ v: JSONValue, _ prefix: String = "") -> Set<String> {
        switch v {
        case .object(let o): return o.reduce(into: Set([prefix])) { $0.formUnion(shape($1.value, prefix + "." + $1.key)) }
        case .array(let a): return a.reduce(into: Set([prefix + "[]"])) { $0.formUnion(shape($1, prefix + "[]")) }
        default: return [prefix]
        }
    }

    static let requests = ((try? Fixtures.files(in: "friend_update")) ?? []).filter { $0.lastPathComponent.hasPrefix("request") }

    @Test func theDocumentedRequestsArePresent() {
        #expect(Self.requests.map(\.lastPathComponent) == ["request-basic.json", "request-multiple-friends.json", "request-multiple-tags.json"])
    }

    /// An emulator where account "id" has friends id1..id3, the custom field Test, and `groups` groups (g1, g2, …).
    func withFixtureAccount(groups: Int = 31, _ body: (SandboxServer) async throws -> Void) async throws {
        try await TestSandbox.with(try TestSandbox.config(customFields: ["Test"]), retry: once) { server, client in
            try await TestSandbox.seed(client, owner: "id", friends: ["id1", "id2", "id3"], groups: (0..<groups).map { "g\($0)" })
            try await body(server)
        }
    }

    @Test(arguments: requests)
    func eachDocumentedRequestIsAccepted(_ file: URL) async throws {
        let expected = Self.shape(try JSONValue.parse(try Fixtures.data("friend_update/response-ok.json")))
        let partial = file.lastPathComponent == "request-multiple-friends.json"
        try await withFixtureAccount(groups: partial ? 31 : 0) { server in
            let r = try await TestSandbox.raw(server, "sns/friend_update", body: String(decoding: try Data(contentsOf: file), as: UTF8.self))
            #expect(r.status == 200 && r.json["ErrorCode"]?.int == 0)
            if partial {
                // id2 needs two new groups on top of 31: the partial failure of the documentation.
                let partial = Self.shape(try JSONValue.parse(try Fixtures.data("friend_update/response-partial-failure.json")))
                #expect(Self.shape(r.json) == partial)
                #expect(r.json["ResultItem"]?.elements.map { $0["ResultCode"]?.int } == [0, 30011, 0])
                #expect(r.json["Fail_Account"] == .array([.string("id2")]))
            } else {
                #expect(Self.shape(r.json) == expected, "\(file.lastPathComponent)")
                #expect(r.json["Fail_Account"] == nil)
            }
        }
    }

    @Test func thePartialFailureDecodesIntoRowOutcomes() async throws {
        try await withFixtureAccount { server in
            let client = try TestClients.make(baseURL: server.url, retry: once)
            let req = try JSONDecoder().decode(FriendUpdateRequest.self, from: try Fixtures.data("friend_update/request-multiple-friends.json"))
            let rows = try await client.friendUpdate(account: req.fromAccount, items: req.updateItem)
            #expect(rows.map(\.toAccount) == ["id1", "id2", "id3"])
            #expect(rows.map(\.outcome.inline) == ["✓", "✗ 30011 friend-list group limit reached (32)", "✓"])
        }
    }
}

import ChatAPI
import ChatSandbox
import Foundation

/// The emulator as tests use it: on 127.0.0.1, port 0, with the test app's key.
public enum TestSandbox {
    /// An emulator configuration for the test app.
    public static func config(seed: SandboxConfig.Seed = .empty, customFields: [String] = ["Test"], faults: [String] = [],
                              serializeWrites: Bool = true, rateLimit: Int = 0, rateWindow: Duration = .seconds(1), statePath: URL? = nil) throws -> SandboxConfig {
        var config = SandboxConfig(sdkAppID: TestCredentials.sdkAppID, admin: TestCredentials.admin, key: TestCredentials.key, seed: seed,
                      customFields: customFields, statePath: statePath, faults: try faults.map(FaultRule.parse),
                      serializeWrites: serializeWrites, rateLimit: rateLimit)
        config.rateWindow = rateWindow
        config.logWrites = true
        return config
    }

    /// Runs `body` with a started emulator and a client for it; always stops the emulator.
    public static func with<T>(_ config: SandboxConfig, retry: RetryPolicy = TestClients.fastRetry,
                               _ body: (SandboxServer, ChatClient) async throws -> T) async throws -> T {
        try await SandboxServer.with(config) { server in
            try await body(server, try TestClients.make(baseURL: server.url, retry: retry))
        }
    }

    /// Imports accounts and makes `friends` friends of `owner` with the given remark, groups and custom fields.
    public static func seed(_ client: ChatClient, owner: String, friends: [String], groups: [String] = [],
                            custom: [String: String] = [:]) async throws {
        _ = try await client.call(Command("im_open_login_svc/multiaccount_import", isWrite: false), account: nil,
                                  ["Accounts": [owner] + friends], as: EmptyPayload.self)
        for batch in friends.chunked(1000) {
            let items: [[String: JSONValue]] = batch.map { id in
                var item: [String: JSONValue] = ["To_Account": .string(id), "AddSource": .string("AddSource_Type_Test"),
                                                 "Remark": .string("remark of \(id)"), "GroupName": .array(groups.map(JSONValue.string))]
                if !custom.isEmpty {
                    item["CustomItem"] = .array(custom.map { .object(["Tag": .string(FriendTag.custom($0.key)), "Value": .string($0.value)]) })
                }
                return item
            }
            let reply = try await client.call(Command("sns/friend_import", isWrite: true), account: owner,
                                              ["From_Account": JSONValue.string(owner), "AddFriendItem": .array(items.map(JSONValue.object))],
                                              as: FriendUpdatePayload.self)
            precondition(reply.payload.failAccount == nil, "friend_import failed: \(reply.payload)")
        }
    }

    /// Sends a hand-made request (any command, any body, any query) and returns the HTTP status and parsed body.
    public static func raw(_ server: SandboxServer, _ command: String, body: String, sdkAppID: UInt64 = TestCredentials.sdkAppID,
                           identifier: String = TestCredentials.admin, userSig: String? = nil) async throws -> (status: Int, json: JSONValue) {
        let sig = userSig ?? UserSig.generate(key: TestCredentials.key, sdkAppID: sdkAppID, identifier: identifier)
        let url = try Endpoint(baseURL: server.url).url(for: Command(command), sdkAppID: sdkAppID, identifier: identifier, userSig: sig)
        do {
            let r = try await CurlTransport().post(HTTPRequest(url: url, body: Data(body.utf8)))
            return (r.status, (try? JSONValue.parse(r.body)) ?? .null)
        } catch TransportError.httpStatus(let status, let excerpt) {
            return (status, .string(excerpt))
        }
    }
}

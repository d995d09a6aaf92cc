import ChatAPI
import ChatSandbox
import Foundation
import Testing
import TestSupport

/// No retries: rule tests must see the emulator's first answer.
let once = RetryPolicy(maxAttempts: 1)

func remark(_ s: String) -> TagValue { TagValue(tag: FriendTag.remark, value: .string(s)) }
func groups(_ g: [String]) -> TagValue { TagValue(tag: FriendTag.group, value: .strings(g)) }
func custom(_ key: String, _ v: FriendValue) -> TagValue { TagValue(tag: FriendTag.custom(key), value: v) }

/// One friend_update call exactly as given (no batching), returning the reply.
func update(_ client: ChatClient, _ owner: String, _ items: [(String, [TagValue])]) async throws -> Reply<FriendUpdatePayload> {
    try await client.call(.friendUpdate, account: owner,
                          FriendUpdateRequest(fromAccount: owner, updateItem: items.map { UpdateItem(toAccount: $0.0, snsItem: $0.1) }),
                          as: FriendUpdatePayload.self)
}

/// Expects the whole call to fail with `code`, and ErrorInfo to contain `info`.
func expectCallFailure(_ code: Int, _ info: String = "", sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("the call succeeded; expected \(code)", sourceLocation: sourceLocation)
    } catch let ChatError.api(_, got, text) {
        #expect(got == code, "ErrorInfo: \(text)", sourceLocation: sourceLocation)
        if !info.isEmpty { #expect(text.contains(info), "ErrorInfo: \(text)", sourceLocation: sourceLocation) }
    } catch {
        Issue.record("expected API error \(code), got \(error)", sourceLocation: sourceLocation)
    }
}

/// The per-row codes of a reply, by friend, and its Fail_Account.
func rowCodes(_ reply: Reply<FriendUpdatePayload>) -> (codes: [String: Int], failed: [String]) {
    (Dictionary(uniqueKeysWithValues: (reply.payload.resultItem ?? []).map { ($0.toAccount, $0.resultCode) }), reply.payload.failAccount ?? [])
}

/// The friends of `owner` as the emulator returns them, by id.
func friends(_ client: ChatClient, _ owner: String) async throws -> [String: [TagValue]] {
    let s = try await client.friendGetAll(account: owner)
    return Dictionary(uniqueKeysWithValues: s.friends.map { ($0.toAccount, $0.valueItem ?? []) })
}

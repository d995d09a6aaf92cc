import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation

/// One reply decoded in process, without the network: a friend_get page of 100 into `Friend` values and a
/// portrait_get batch of 100, as a call reads them (`ChatClient.decodeReply`: straight from the bytes, the tree only for a reply that is not as it should be).
enum DecodeScenario {
    static func run(url: String) async throws -> [Finding] {
        let page = try await body(url, .friendGet, #"{"From_Account":"demo_shop","StartIndex":0}"#)
        let ids = (1...100).map { String(format: "c%04d", $0) }
        let portraits = try await body(url, .portraitGet, #"{"To_Account":["# + ids.map { "\"\($0)\"" }.joined(separator: ",") + #"],"TagList":["Tag_Profile_IM_Nick"]}"#)
        var friends = Sample(), nicks = Sample()
        for _ in 0..<200 {
            let (count, ms) = try timedSync {
                let payload = try ChatClient.decodeReply(.friendGet, page, as: FriendGetPayload.self).payload
                return (payload.userDataItem ?? []).map { Friend(id: $0.toAccount, tags: $0.valueItem ?? []) }.count
            }
            guard count == 100 else { throw BenchError("decoded \(count) friends") }
            friends.add(ms)
            let (named, nms) = try timedSync { try ChatClient.decodeReply(.portraitGet, portraits, as: PortraitGetPayload.self).payload.userProfileItem?.count ?? 0 }
            guard named == 100 else { throw BenchError("decoded \(named) profiles") }
            nicks.add(nms)
        }
        return [
            Finding(scenario: "decode in process, release", measure: "friend_get page of 100 into Friend values (\(page.count / 1024) KB)",
                    value: friends.describe(.ms), target: "< 1 ms", met: friends.median < 1),
            Finding(scenario: "decode in process, release", measure: "portrait_get batch of 100 (\(portraits.count / 1024) KB)",
                    value: nicks.describe(.ms), target: "< 1 ms", met: nicks.median < 1),
        ]
    }

    /// A reply's raw body, fetched once over HTTP.
    static func body(_ url: String, _ command: Command, _ json: String) async throws -> Data {
        let sig = UserSig.generate(key: SecretKey(DemoSeed.key), sdkAppID: DemoSeed.sdkAppID, identifier: DemoSeed.admin)
        let target = try Endpoint(baseURL: url).url(for: command, sdkAppID: DemoSeed.sdkAppID, identifier: DemoSeed.admin, userSig: sig)
        return try await CurlTransport().post(HTTPRequest(url: target, body: Data(json.utf8))).body
    }
}

import Foundation
import Testing
import TestSupport
@testable import ChatAPI

/// The hot replies read straight from the bytes (`JSONStreamDecodable`) and the hot requests written straight to
/// bytes (`JSONBodyWritable`): the same values as the tree reading and JSONEncoder, and never a different verdict.
@Suite struct StreamDecodingTests {
    static let page = #"""
        {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","UserDataItem":[
          {"To_Account":"c1","ValueItem":[{"Tag":"Tag_SNS_IM_Remark","Value":"黄 \"芳\" 🍜"},{"Tag":"Tag_SNS_IM_Group","Value":["VIP","大阪"]},
            {"Tag":"Tag_SNS_IM_AddTime","Value":1700000000},{"Tag":"Tag_SNS_Custom_X","Value":{"odd":[1,2]}},{"Tag":"Tag_Y","Value":[1,"a"]},
            {"Tag":"Tag_SNS_IM_AddSource","Value":null},{"Tag":"Tag_SNS_IM_AddWording","Value":2.5},{"Tag":"Tag_SNS_IM_Group","Value":[]}]},
          {"To_Account":"c2"},{"To_Account":"c3","ValueItem":null,"Extra":{"deep":[[{}]]}}],
         "StandardSequence":5,"CustomSequence":2e0,"FriendNum":3,"CompleteFlag":1,"NextStartIndex":3,"Extra":null,"RequestId":"r-1"}
        """#
    static let portrait = #"{"ActionStatus":"OK","ErrorCode":0,"UserProfileItem":[{"To_Account":"c1","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"黄芳"}],"ResultCode":0},{"To_Account":"x","ResultCode":70107,"ResultInfo":"no"}],"Fail_Account":["x"]}"#
    static let list = #"{"ActionStatus":"OK","ErrorCode":0,"InfoItem":[{"To_Account":"c1","SnsProfileItem":[{"Tag":"Tag_SNS_IM_Group","Value":[]}]},{"To_Account":"c9","ResultCode":30001,"ResultInfo":"not a friend"}]}"#

    /// The tree reading of a reply: its envelope and payload, or nil where it would not give a reply.
    static func tree<P: JSONValueDecodable>(_ text: [UInt8], _: P.Type) -> (Envelope, P)? {
        guard let json = try? JSONParser.node(Data(text)), let fields = try? JSONFields(json, ""), let envelope = Envelope(fields: fields),
              let payload = try? P(json: json, path: "") else { return nil }
        return (envelope, payload)
    }

    @Test func goodRepliesReadStraightFromTheBytesEqualTheTreeReading() throws {
        let (envelope, page) = try FriendGetPayload.readReply(Data(Self.page.utf8))
        let (treeEnvelope, treePage) = try #require(Self.tree(Array(Self.page.utf8), FriendGetPayload.self))
        #expect(envelope == treeEnvelope && page == treePage)
        #expect(envelope.requestId == "r-1" && page.customSequence == 2 && page.userDataItem?.count == 3)
        #expect(page.userDataItem?[0].valueItem?[3].value == .other(.object(["odd": .array([.integer(1), .integer(2)])])))
        #expect(page.userDataItem?[0].valueItem?[4].value == .other(.array([.integer(1), .string("a")])))
        #expect(page.userDataItem?[0].valueItem?[7].value == .strings([]))
        let portrait = try PortraitGetPayload.readReply(Data(Self.portrait.utf8)).1
        #expect(portrait == Self.tree(Array(Self.portrait.utf8), PortraitGetPayload.self)?.1)
        let list = try FriendGetListPayload.readReply(Data(Self.list.utf8)).1
        #expect(list == Self.tree(Array(Self.list.utf8), FriendGetListPayload.self)?.1)
    }

    /// What the byte reading leaves to the tree: an escaped key (it may spell a known one), a wrong type.
    @Test(arguments: [
        #"{"ActionStatus":"OK","ErrorCode":0,"\u0055serDataItem":[{"To_Account":"c1"}],"CompleteFlag":1}"#,
        #"{"ActionStatus":"OK","ErrorCode":0,"UserDataItem":[{"To_Account":5}],"CompleteFlag":1}"#,
        #"{"ActionStatus":"OK","ErrorCode":"0","UserDataItem":[],"CompleteFlag":1}"#,
        #"{"ActionStatus":"OK","ErrorCode":0,"UserDataItem":[{"ValueItem":[]}],"CompleteFlag":1}"#,
        #"{"ActionStatus":"OK","ErrorCode":0,"UserDataItem":[{"To_Account":"c1","ValueItem":[{"Tag":"t"}]}]}"#,
        #"[{"ActionStatus":"OK","ErrorCode":0}]"#,
    ])
    func oddRepliesAreLeftToTheTreeAndKeepTheirVerdict(_ text: String) throws {
        #expect(throws: JSONParser.Failure.self) { try FriendGetPayload.readReply(Data(text.utf8)) }
        let viaClient = Result { try ChatClient.decodeReply(.friendGet, Data(text.utf8), as: FriendGetPayload.self) }
        switch (viaClient, Self.tree(Array(text.utf8), FriendGetPayload.self)) {
        case (.success(let reply), let tree?): #expect(reply.envelope == tree.0 && reply.payload == tree.1)   // the escaped key
        case (.failure(ChatError.protocolError), nil): break
        case (let client, let tree): Issue.record("client \(client), tree \(String(describing: tree))")
        }
    }

    @Test func aRefusedReplyIsRefusedEitherWay() throws {
        let refused = #"{"ActionStatus":"FAIL","ErrorCode":30006,"ErrorInfo":"Err_Internal","UserDataItem":"not a list"}"#
        #expect(throws: (any Error).self) { try FriendGetPayload.readReply(Data(refused.utf8)) }
        let plain = #"{"ActionStatus":"FAIL","ErrorCode":30006,"ErrorInfo":"Err_Internal"}"#
        for text in [refused, plain] {
            #expect { try ChatClient.decodeReply(.friendGet, Data(text.utf8), as: FriendGetPayload.self) } throws: { error in
                guard case .api(_, let code, let info)? = error as? ChatError else { return false }
                return code == 30006 && info == "Err_Internal"
            }
        }
    }

    /// 3,000 damaged copies of good replies (bytes flipped, cut, duplicated keys): whenever the byte reading gives
    /// a reply, the tree gives the same one; the campaign fails if it never did (nothing compared).
    @Test func damagedRepliesNeverReadDifferently() {
        var rng = Campaign.rng("stream-decoding")
        var compared = 0, agreedFailures = 0
        for n in 0..<3000 {
            var bytes = Array([Self.page, Self.portrait, Self.list][n % 3].utf8)
            switch n % 4 {
            case 0: for _ in 0..<Int.random(in: 1...3, using: &rng) { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            case 1: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            case 2: bytes.insert(contentsOf: Array(#""FriendNum":null,"CompleteFlag":"x","#.utf8), at: 1)
            default: bytes.insert(contentsOf: Array(#""UserDataItem":[],"UserProfileItem":null,"InfoItem":[],"#.utf8), at: 1)
            }
            func check<P: JSONStreamDecodable & Equatable>(_: P.Type) {
                guard let (envelope, payload) = try? P.readReply(Data(bytes)) else { agreedFailures += 1; return }
                compared += 1
                guard let (treeEnvelope, treePayload) = Self.tree(bytes, P.self) else {
                    Issue.record("the byte reading accepted what the tree refuses: \(String(decoding: bytes, as: UTF8.self))"); return
                }
                #expect(envelope == treeEnvelope && payload == treePayload, "\(String(decoding: bytes, as: UTF8.self))")
            }
            switch n % 3 {
            case 0: check(FriendGetPayload.self)
            case 1: check(PortraitGetPayload.self)
            default: check(FriendGetListPayload.self)
            }
        }
        #expect(compared > 300 && agreedFailures > 300, "compared \(compared), left to the tree \(agreedFailures)")
    }

    @Test func hotRequestBodiesSayWhatJSONEncoderSays() throws {
        let odd = ["a\"b\\c", "tab\tnew\nline\u{01}\u{1F}", "黄芳 🍜", "/slash", ""]
        let get = FriendGetRequest(fromAccount: odd[0], startIndex: 300, standardSequence: 7, customSequence: nil)
        #expect(try JSONDecoder().decode(FriendGetRequest.self, from: get.jsonBody) == get)
        #expect(!String(decoding: get.jsonBody, as: UTF8.self).contains("CustomSequence"))
        let portrait = PortraitGetRequest(toAccount: odd, tagList: [FriendTag.nick])
        #expect(try JSONDecoder().decode(PortraitGetRequest.self, from: portrait.jsonBody) == portrait)
        let list = FriendGetListRequest(fromAccount: "o", toAccount: odd, tagList: [])
        #expect(try JSONDecoder().decode(FriendGetListRequest.self, from: list.jsonBody) == list)
        #expect(try JSONParser.parse(list.jsonBody) == JSONParser.parse(JSONEncoder().encode(list)))
    }

    /// portrait_get answers in request order when the service does, and is put in order when it does not.
    @Test func portraitAnswersOutOfOrderOrMissingArePutInRequestOrder() async throws {
        let transport = ScriptedTransport { _, body, _ in
            let ids = body["To_Account"]!.elements.compactMap(\.string)
            let items = ids.reversed().dropFirst().map { #"{"To_Account":"\#($0)","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"n-\#($0)"}],"ResultCode":0}"# }
            return ScriptedTransport.json(#"{"ActionStatus":"OK","ErrorCode":0,"UserProfileItem":["# + items.joined(separator: ",") + "]}")
        }
        let profiles = try await TestClients.make(transport: transport).portraitGet(accounts: (0..<150).map { "u\($0)" })
        #expect(profiles.map(\.toAccount) == (0..<150).map { "u\($0)" })
        #expect(profiles[5].profileItem?.value(for: FriendTag.nick) == .string("n-u5"))
        #expect(profiles[99].resultCode == -1 && profiles[149].resultCode == -1 && profiles[98].resultCode == 0)
    }
}

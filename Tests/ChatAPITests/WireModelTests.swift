import Foundation
import Testing
import TestSupport
@testable import ChatAPI

@Suite struct WireModelTests {
    static let fixtureFiles = (try? Fixtures.files(in: "friend_update")) ?? []

    @Test func fixturesArePresent() {
        #expect(Self.fixtureFiles.count >= 5)
    }

    @Test(arguments: fixtureFiles)
    func everyFixtureRoundTripsStructurally(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let encoded: Data
        if file.lastPathComponent.hasPrefix("request") {
            encoded = try JSONEncoder().encode(try JSONDecoder().decode(FriendUpdateRequest.self, from: data))
        } else {
            encoded = try JSONEncoder().encode(try JSONDecoder().decode(Reply<FriendUpdatePayload>.self, from: data))
        }
        #expect(try JSONValue.parse(encoded) == JSONValue.parse(data), "\(file.lastPathComponent)")
    }

    @Test func partialFailureFixtureReadsPerRow() throws {
        let reply = try JSONDecoder().decode(Reply<FriendUpdatePayload>.self,
                                             from: try Fixtures.data("friend_update/response-partial-failure.json"))
        #expect(reply.envelope.isOK)
        #expect(reply.payload.failAccount == ["id2", "id3"])
        #expect(reply.payload.resultItem?.map(\.resultCode) == [0, 30011, 30002])
    }

    @Test func requestValuesKeepTheirTypes() throws {
        let req = try JSONDecoder().decode(FriendUpdateRequest.self, from: try Fixtures.data("friend_update/request-multiple-tags.json"))
        let items = req.updateItem[0].snsItem
        #expect(items.value(for: FriendTag.remark) == .string("remark1"))
        #expect(items.value(for: FriendTag.group) == .strings(["group1", "group2"]))
        #expect(items.value(for: FriendTag.custom("Test")) == .string("test"))
    }

    @Test func unknownTagsAndShapesSurviveARoundTrip() throws {
        let json = """
        {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","UserDataItem":[{"To_Account":"u1","ValueItem":[
          {"Tag":"Tag_SNS_IM_AddTime","Value":1700000000},
          {"Tag":"Tag_SNS_Future_Thing","Value":{"nested":[1,"two"]}},
          {"Tag":"Tag_SNS_IM_Group","Value":[]}]}],
         "StandardSequence":7,"CompleteFlag":1,"NextStartIndex":0,"SomethingNew":true}
        """
        let reply = try JSONDecoder().decode(Reply<FriendGetPayload>.self, from: Data(json.utf8))
        let values = reply.payload.userDataItem![0].valueItem!
        #expect(values.value(for: FriendTag.addTime) == .integer(1_700_000_000))
        #expect(values.value(for: "Tag_SNS_Future_Thing") == .other(.object(["nested": .array([.integer(1), .string("two")])])))
        #expect(values.value(for: FriendTag.group) == .strings([]))
        // Extra top-level fields are tolerated; the envelope's optional fields may be absent.
        #expect(reply.envelope.errorDisplay == nil && reply.envelope.requestId == nil)
        let again = try JSONValue.parse(try JSONEncoder().encode(reply))
        #expect(again["UserDataItem"] == (try JSONValue.parse(Data(json.utf8)))["UserDataItem"])
    }

    @Test func everyCommandsRequestUsesTheDocumentedNames() throws {
        func keys<T: Encodable>(_ v: T) throws -> Set<String> {
            guard case .object(let o) = try JSONValue.parse(try JSONEncoder().encode(v)) else { return [] }
            return Set(o.keys)
        }
        #expect(try keys(FriendGetRequest(fromAccount: "a", startIndex: 0, standardSequence: 1, customSequence: 2))
                == ["From_Account", "StartIndex", "StandardSequence", "CustomSequence"])
        #expect(try keys(FriendGetRequest(fromAccount: "a", startIndex: 0)) == ["From_Account", "StartIndex"])
        #expect(try keys(FriendGetListRequest(fromAccount: "a", toAccount: ["b"], tagList: [])) == ["From_Account", "To_Account", "TagList"])
        #expect(try keys(GroupGetRequest(fromAccount: "a", needFriend: true)) == ["From_Account", "NeedFriend"])
        #expect(try keys(GroupAddRequest(fromAccount: "a", groupName: ["g"], toAccount: ["b"])) == ["From_Account", "GroupName", "To_Account"])
        #expect(try keys(GroupDeleteRequest(fromAccount: "a", groupName: ["g"])) == ["From_Account", "GroupName"])
        #expect(try keys(PortraitGetRequest(toAccount: ["a"], tagList: [FriendTag.nick])) == ["To_Account", "TagList"])
        #expect(try JSONValue.parse(try JSONEncoder().encode(AccountCheckRequest(userIDs: ["u"])))
                == .object(["CheckItem": .array([.object(["UserID": .string("u")])])]))
        #expect(try JSONValue.parse(try JSONEncoder().encode(GroupGetRequest(fromAccount: "a", needFriend: true)))["NeedFriend"]
                == .string("Need_Friend_Type_Yes"))
    }

    @Test func repliesOfTheOtherCommandsDecode() throws {
        let list = try JSONDecoder().decode(Reply<FriendGetListPayload>.self, from: Data("""
            {"ActionStatus":"OK","ErrorCode":0,"InfoItem":[{"To_Account":"b","SnsProfileItem":[{"Tag":"Tag_SNS_IM_Remark","Value":"备注"}],
             "ResultCode":0},{"To_Account":"x","ResultCode":30001,"ResultInfo":"not a friend"}],"Fail_Account":["x"]}
            """.utf8))
        #expect(list.payload.infoItem?[0].snsProfileItem?.value(for: FriendTag.remark) == .string("备注"))
        #expect(list.payload.failAccount == ["x"])
        let groups = try JSONDecoder().decode(Reply<GroupGetPayload>.self, from: Data("""
            {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","CurrentSequence":3,"ResultItem":[{"GroupName":"同事","FriendNumber":2,"To_Account":["a","b"]}]}
            """.utf8))
        #expect(groups.payload.resultItem == [GroupItem(groupName: "同事", friendNumber: 2, toAccount: ["a", "b"])])
        let check = try JSONDecoder().decode(Reply<AccountCheckPayload>.self, from: Data("""
            {"ActionStatus":"OK","ErrorCode":0,"ResultItem":[{"UserID":"a","ResultCode":0,"ResultInfo":"","AccountStatus":"Imported"},
             {"UserID":"b","ResultCode":0,"ResultInfo":"","AccountStatus":"NotImported"}]}
            """.utf8))
        #expect(check.payload.resultItem?.map(\.isImported) == [true, false])
        let portrait = try JSONDecoder().decode(Reply<PortraitGetPayload>.self, from: Data("""
            {"ActionStatus":"OK","ErrorCode":0,"UserProfileItem":[{"To_Account":"a","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"🐼 熊猫"}],"ResultCode":0}]}
            """.utf8))
        #expect(portrait.payload.userProfileItem?[0].profileItem?.value(for: FriendTag.nick)?.stringValue == "🐼 熊猫")
    }
}

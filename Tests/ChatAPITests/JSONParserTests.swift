@testable import ChatAPI
import Foundation
import Testing

/// The byte-level JSON reader and the Codable-free reply reading: the same values and verdicts as JSONDecoder.
@Suite struct JSONParserTests {
    /// JSONValue as JSONDecoder reads it, the reference.
    static func reference(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":-12.5,"g":1e3,"h":0}"#,
        #"  [ "tab\tnew\nline", "quote\" slash\/ back\\", "\u00e9\u4e2d", "\ud83c\udf5c ramen", "" ]  "#,
        #"{"ErrorCode":0,"ActionStatus":"OK","UserDataItem":[{"To_Account":"c1","ValueItem":[{"Tag":"Tag_SNS_IM_Group","Value":["a","b"]}]}]}"#,
        #"[9223372036854775807, -9223372036854775808, 0.1, 123456789012345678901234567890]"#,
        "\"黄芳 🍜 Zoë\"",
    ])
    func parsesWhatJSONDecoderParses(_ text: String) throws {
        #expect(try JSONParser.parse(Data(text.utf8)) == Self.reference(text))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "[1 2]", "\"a\nb\"", "\"\\ud800\"", "\"\\x41\"", "01", "-", "1.", "1e", "tru", "[1] [2]",
        "{\"a\" 1}", "nul", "\"\\u12G4\"",
    ])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test func refusesInvalidUTF8AndDeepNestingWithoutCrashing() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Data([0x22, 0xFF, 0xFE, 0x22])) }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Data(deep.utf8)) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONParser.parse(Data(fine.utf8)) }
    }

    /// A friend_get page and a portrait_get batch read without Codable equal their Codable reading, unknown tags
    /// and odd values included; a wrong type names its path.
    @Test func hotRepliesReadTheSameWithoutCodable() throws {
        let page = """
            {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","UserDataItem":[
              {"To_Account":"c1","ValueItem":[{"Tag":"Tag_SNS_IM_Remark","Value":"黄 \\"芳\\""},{"Tag":"Tag_SNS_IM_Group","Value":["VIP","大阪"]},
                {"Tag":"Tag_SNS_IM_AddTime","Value":1700000000},{"Tag":"Tag_SNS_Custom_X","Value":{"odd":[1,2]}},{"Tag":"Tag_Y","Value":[1,"a"]}]},
              {"To_Account":"c2"}],
             "StandardSequence":5,"CustomSequence":2,"FriendNum":2,"CompleteFlag":1,"NextStartIndex":2,"Extra":null}
            """
        let json = try JSONParser.parse(Data(page.utf8))
        #expect(try FriendGetPayload(json: json, path: "") == JSONDecoder().decode(FriendGetPayload.self, from: Data(page.utf8)))
        let portrait = #"{"UserProfileItem":[{"To_Account":"c1","ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"黄芳"}],"ResultCode":0},{"To_Account":"x","ResultCode":70107,"ResultInfo":"no"}],"Fail_Account":["x"]}"#
        #expect(try PortraitGetPayload(json: JSONParser.parse(Data(portrait.utf8)), path: "")
                == JSONDecoder().decode(PortraitGetPayload.self, from: Data(portrait.utf8)))
        let list = #"{"InfoItem":[{"To_Account":"c1","SnsProfileItem":[{"Tag":"Tag_SNS_IM_Group","Value":[]}]},{"To_Account":"c9","ResultCode":30001,"ResultInfo":"not a friend"}]}"#
        #expect(try FriendGetListPayload(json: JSONParser.parse(Data(list.utf8)), path: "")
                == JSONDecoder().decode(FriendGetListPayload.self, from: Data(list.utf8)))
        let wrong = #"{"UserDataItem":[{"To_Account":"c1","ValueItem":[{"Tag":7,"Value":"x"}]}]}"#
        #expect(throws: JSONShapeError(path: ".UserDataItem.0.ValueItem.0.Tag", expected: "a string")) {
            try FriendGetPayload(json: JSONParser.parse(Data(wrong.utf8)), path: "")
        }
        #expect(throws: JSONShapeError(path: ".CompleteFlag", expected: "an integer")) {
            try FriendGetPayload(json: JSONParser.parse(Data(#"{"CompleteFlag":"1"}"#.utf8)), path: "")
        }
    }
}

import Foundation

/// A reply type read straight from a parsed `JSONValue`, without Codable: the replies read by the thousand
/// (friend_get pages, portrait_get and friend_get_list batches). Same rules as their Codable reading: a missing
/// or null optional is nil, a value of the wrong type is an error naming its path.
public protocol JSONValueDecodable {
    init(json: JSONNode, path: String) throws(JSONShapeError)
}

extension JSONValueDecodable {
    /// From a `JSONValue` (tests, fixtures).
    public init(json: JSONValue, path: String) throws(JSONShapeError) { try self.init(json: JSONNode(json), path: path) }
}

/// A value of the wrong type in a reply: where, and what was expected.
public struct JSONShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var expected: String
    public var description: String { "\(path): expected \(expected)" }
}

extension JSONNode {
    func object(_ path: String) throws(JSONShapeError) -> [(key: String, value: JSONNode)] {
        guard case .object(let o) = self else { throw JSONShapeError(path: path, expected: "an object") }
        return o
    }

    var isNull: Bool { if case .null = self { true } else { false } }
}

/// Typed reads of one object's fields.
struct JSONFields {
    let members: [(key: String, value: JSONNode)]
    let path: String

    init(_ value: JSONNode, _ path: String) throws(JSONShapeError) { members = try value.object(path); self.path = path }

    /// A member's value (the last one when repeated, as JSONDecoder keeps it); objects are small, so a scan.
    func member(_ key: String) -> JSONNode? { members.last { $0.key == key }?.value }

    private func present(_ key: String) -> JSONNode? {
        guard let v = member(key), !v.isNull else { return nil }
        return v
    }

    func string(_ key: String) throws(JSONShapeError) -> String {
        guard let s = try optionalString(key) else { throw JSONShapeError(path: path + "." + key, expected: "a string") }
        return s
    }

    func optionalString(_ key: String) throws(JSONShapeError) -> String? {
        guard let v = present(key) else { return nil }
        guard case .string(let s) = v else { throw JSONShapeError(path: path + "." + key, expected: "a string") }
        return s
    }

    func optionalInt64(_ key: String) throws(JSONShapeError) -> Int64? {
        switch present(key) {
        case nil: return nil
        case .integer(let n)?: return n
        case .double(let d)? where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        default: throw JSONShapeError(path: path + "." + key, expected: "an integer")
        }
    }

    func optionalInt(_ key: String) throws(JSONShapeError) -> Int? {
        guard let n = try optionalInt64(key) else { return nil }
        guard let i = Int(exactly: n) else { throw JSONShapeError(path: path + "." + key, expected: "an integer") }
        return i
    }

    func int(_ key: String) throws(JSONShapeError) -> Int {
        guard let i = try optionalInt(key) else { throw JSONShapeError(path: path + "." + key, expected: "an integer") }
        return i
    }

    func optionalStrings(_ key: String) throws(JSONShapeError) -> [String]? {
        guard let v = present(key) else { return nil }
        guard case .array(let items) = v else { throw JSONShapeError(path: path + "." + key, expected: "a list of strings") }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else { throw JSONShapeError(path: path + "." + key + ".\(i)", expected: "a string") }
            out.append(s)
        }
        return out
    }

    func optionalList<T: JSONValueDecodable>(_ key: String, of: T.Type) throws(JSONShapeError) -> [T]? {
        guard let v = present(key) else { return nil }
        guard case .array(let items) = v else { throw JSONShapeError(path: path + "." + key, expected: "a list") }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { out.append(try T(json: item, path: path + "." + key + ".\(i)")) }
        return out
    }
}

extension FriendValue {
    /// As the Codable reading: a string, an integer, a list of strings, else kept as it is.
    init(json: JSONNode) {
        switch json {
        case .string(let s): self = .string(s)
        case .integer(let n): self = .integer(n)
        case .array(let items):
            var strings: [String] = []
            strings.reserveCapacity(items.count)
            for item in items {
                guard case .string(let s) = item else { self = .other(json.value); return }
                strings.append(s)
            }
            self = .strings(strings)
        default: self = .other(json.value)
        }
    }
}

extension TagValue: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        guard let value = f.member("Value") else { throw JSONShapeError(path: path + ".Value", expected: "a value") }
        self.init(tag: try f.string("Tag"), value: FriendValue(json: value))
    }
}

extension UserDataItem: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(toAccount: try f.string("To_Account"), valueItem: try f.optionalList("ValueItem", of: TagValue.self))
    }
}

extension FriendGetPayload: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(userDataItem: try f.optionalList("UserDataItem", of: UserDataItem.self), standardSequence: try f.optionalInt64("StandardSequence"),
                  customSequence: try f.optionalInt64("CustomSequence"), friendNum: try f.optionalInt("FriendNum"),
                  completeFlag: try f.optionalInt("CompleteFlag"), nextStartIndex: try f.optionalInt("NextStartIndex"))
    }
}

extension InfoItem: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(toAccount: try f.string("To_Account"), snsProfileItem: try f.optionalList("SnsProfileItem", of: TagValue.self),
                  resultCode: try f.optionalInt("ResultCode"), resultInfo: try f.optionalString("ResultInfo"))
    }
}

extension FriendGetListPayload: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(infoItem: try f.optionalList("InfoItem", of: InfoItem.self), failAccount: try f.optionalStrings("Fail_Account"))
    }
}

extension UserProfileItem: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(toAccount: try f.string("To_Account"), profileItem: try f.optionalList("ProfileItem", of: TagValue.self),
                  resultCode: try f.optionalInt("ResultCode"), resultInfo: try f.optionalString("ResultInfo"))
    }
}

extension PortraitGetPayload: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(userProfileItem: try f.optionalList("UserProfileItem", of: UserProfileItem.self), failAccount: try f.optionalStrings("Fail_Account"))
    }
}

extension Envelope {
    /// The envelope from a parsed reply; nil when a field has the wrong type (as its Codable reading fails).
    init?(fields f: JSONFields) {
        // Not `try?`: it would flatten a missing field (nil) into a failure.
        do {
            self.init(actionStatus: try f.optionalString("ActionStatus"), errorCode: try f.optionalInt("ErrorCode"),
                      errorInfo: try f.optionalString("ErrorInfo"), errorDisplay: try f.optionalString("ErrorDisplay"),
                      requestId: try f.optionalString("RequestId"))
        } catch { return nil }
    }
}

extension GroupItem: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(groupName: try f.string("GroupName"), friendNumber: try f.optionalInt("FriendNumber"), toAccount: try f.optionalStrings("To_Account"))
    }
}

extension GroupGetPayload: JSONValueDecodable {
    public init(json: JSONNode, path: String) throws(JSONShapeError) {
        let f = try JSONFields(json, path)
        self.init(resultItem: try f.optionalList("ResultItem", of: GroupItem.self), currentSequence: try f.optionalInt64("CurrentSequence"))
    }
}

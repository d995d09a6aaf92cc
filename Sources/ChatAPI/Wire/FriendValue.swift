import Foundation

/// The value of a friend or profile tag: the API uses a string, a list of strings or an integer.
/// Anything else is kept verbatim so that a tag the client does not know survives a round trip.
public enum FriendValue: Codable, Equatable, Hashable, Sendable {
    case string(String)
    case strings([String])
    case integer(Int64)
    case other(JSONValue)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) }
        else if let i = try? c.decode(Int64.self) { self = .integer(i) }
        else if let a = try? c.decode([String].self) { self = .strings(a) }
        else { self = .other(try c.decode(JSONValue.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .strings(let a): try c.encode(a)
        case .integer(let i): try c.encode(i)
        case .other(let v): try c.encode(v)
        }
    }

    /// The string form, when the value is a string.
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The list form; a single string reads as a one-element list.
    public var stringsValue: [String]? {
        switch self {
        case .strings(let a): return a
        case .string(let s): return [s]
        default: return nil
        }
    }
    /// The integer form, when the value is an integer.
    public var integerValue: Int64? { if case .integer(let i) = self { return i } else { return nil } }
}

/// One `{Tag, Value}` pair as friend_get, friend_update and portrait_get carry them.
public struct TagValue: Codable, Equatable, Hashable, Sendable {
    public var tag: String
    public var value: FriendValue
    public init(tag: String, value: FriendValue) { self.tag = tag; self.value = value }
    enum CodingKeys: String, CodingKey { case tag = "Tag", value = "Value" }
}

/// Well-known tag names.
public enum FriendTag {
    public static let remark = "Tag_SNS_IM_Remark"
    public static let group = "Tag_SNS_IM_Group"
    public static let addSource = "Tag_SNS_IM_AddSource"
    public static let addWording = "Tag_SNS_IM_AddWording"
    public static let addTime = "Tag_SNS_IM_AddTime"
    public static let customPrefix = "Tag_SNS_Custom_"
    public static let nick = "Tag_Profile_IM_Nick"

    /// The full tag of a custom friend field named `key` (letters only, at most 8 bytes).
    public static func custom(_ key: String) -> String { customPrefix + key }
    /// The key of a custom friend field tag, or nil for any other tag.
    public static func customKey(of tag: String) -> String? {
        tag.hasPrefix(customPrefix) ? String(tag.dropFirst(customPrefix.count)) : nil
    }
    /// Whether friend_update accepts this tag.
    public static func isWritable(_ tag: String) -> Bool {
        tag == remark || tag == group || tag.hasPrefix(customPrefix)
    }
}

extension Array where Element == TagValue {
    /// The value of the first item with this tag.
    public func value(for tag: String) -> FriendValue? { first { $0.tag == tag }?.value }
}

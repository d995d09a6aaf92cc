import Foundation

/// Request of `sns/group_get`.
public struct GroupGetRequest: Codable, Equatable, Sendable {
    public var fromAccount: String
    public var needFriend: String?
    public var groupName: [String]?
    public init(fromAccount: String, needFriend: Bool = false, groupName: [String]? = nil) {
        self.fromAccount = fromAccount
        self.needFriend = needFriend ? "Need_Friend_Type_Yes" : nil
        self.groupName = groupName
    }
    enum CodingKeys: String, CodingKey { case fromAccount = "From_Account", needFriend = "NeedFriend", groupName = "GroupName" }
}

/// One friend group in a group_get reply.
public struct GroupItem: Codable, Equatable, Sendable {
    public var groupName: String
    public var friendNumber: Int?
    public var toAccount: [String]?
    public init(groupName: String, friendNumber: Int? = nil, toAccount: [String]? = nil) {
        self.groupName = groupName; self.friendNumber = friendNumber; self.toAccount = toAccount
    }
    enum CodingKeys: String, CodingKey { case groupName = "GroupName", friendNumber = "FriendNumber", toAccount = "To_Account" }
}

/// Payload of a `sns/group_get` reply.
public struct GroupGetPayload: Codable, Equatable, Sendable {
    public var resultItem: [GroupItem]?
    public var currentSequence: Int64?
    public init(resultItem: [GroupItem]? = nil, currentSequence: Int64? = nil) { self.resultItem = resultItem; self.currentSequence = currentSequence }
    enum CodingKeys: String, CodingKey { case resultItem = "ResultItem", currentSequence = "CurrentSequence" }
}

/// Request of `sns/group_add`.
public struct GroupAddRequest: Codable, Equatable, Sendable {
    public var fromAccount: String
    public var groupName: [String]
    public var toAccount: [String]?
    public init(fromAccount: String, groupName: [String], toAccount: [String]? = nil) {
        self.fromAccount = fromAccount; self.groupName = groupName; self.toAccount = toAccount
    }
    enum CodingKeys: String, CodingKey { case fromAccount = "From_Account", groupName = "GroupName", toAccount = "To_Account" }
}

/// Payload of a `sns/group_add` reply.
public struct GroupAddPayload: Codable, Equatable, Sendable {
    public var currentSequence: Int64?
    public var resultItem: [ResultItem]?
    public var failAccount: [String]?
    public init(currentSequence: Int64? = nil, resultItem: [ResultItem]? = nil, failAccount: [String]? = nil) {
        self.currentSequence = currentSequence; self.resultItem = resultItem; self.failAccount = failAccount
    }
    enum CodingKeys: String, CodingKey { case currentSequence = "CurrentSequence", resultItem = "ResultItem", failAccount = "Fail_Account" }
}

/// Request of `sns/group_delete`.
public struct GroupDeleteRequest: Codable, Equatable, Sendable {
    public var fromAccount: String
    public var groupName: [String]
    public init(fromAccount: String, groupName: [String]) { self.fromAccount = fromAccount; self.groupName = groupName }
    enum CodingKeys: String, CodingKey { case fromAccount = "From_Account", groupName = "GroupName" }
}

/// Payload of a `sns/group_delete` reply.
public struct GroupDeletePayload: Codable, Equatable, Sendable {
    public var currentSequence: Int64?
    public init(currentSequence: Int64? = nil) { self.currentSequence = currentSequence }
    enum CodingKeys: String, CodingKey { case currentSequence = "CurrentSequence" }
}

import Foundation

// sns/friend_get

/// Request of `sns/friend_get`: one page of a friend list.
public struct FriendGetRequest: Codable, Equatable, Sendable {
    public var fromAccount: String
    public var startIndex: Int
    public var standardSequence: Int64?
    public var customSequence: Int64?
    public init(fromAccount: String, startIndex: Int, standardSequence: Int64? = nil, customSequence: Int64? = nil) {
        self.fromAccount = fromAccount; self.startIndex = startIndex
        self.standardSequence = standardSequence; self.customSequence = customSequence
    }
    enum CodingKeys: String, CodingKey {
        case fromAccount = "From_Account", startIndex = "StartIndex"
        case standardSequence = "StandardSequence", customSequence = "CustomSequence"
    }
}

/// One friend of a friend_get page with all its tags, known or not.
public struct UserDataItem: Codable, Equatable, Sendable {
    public var toAccount: String
    public var valueItem: [TagValue]?
    public init(toAccount: String, valueItem: [TagValue]?) { self.toAccount = toAccount; self.valueItem = valueItem }
    enum CodingKeys: String, CodingKey { case toAccount = "To_Account", valueItem = "ValueItem" }
}

/// Payload of a `sns/friend_get` reply.
public struct FriendGetPayload: Codable, Equatable, Sendable {
    public var userDataItem: [UserDataItem]?
    public var standardSequence: Int64?
    public var customSequence: Int64?
    public var friendNum: Int?
    public var completeFlag: Int?
    public var nextStartIndex: Int?
    public init(userDataItem: [UserDataItem]? = nil, standardSequence: Int64? = nil, customSequence: Int64? = nil,
                friendNum: Int? = nil, completeFlag: Int? = nil, nextStartIndex: Int? = nil) {
        self.userDataItem = userDataItem; self.standardSequence = standardSequence
        self.customSequence = customSequence; self.friendNum = friendNum
        self.completeFlag = completeFlag; self.nextStartIndex = nextStartIndex
    }
    enum CodingKeys: String, CodingKey {
        case userDataItem = "UserDataItem", standardSequence = "StandardSequence", customSequence = "CustomSequence"
        case friendNum = "FriendNum", completeFlag = "CompleteFlag", nextStartIndex = "NextStartIndex"
    }
}

// sns/friend_get_list

/// Request of `sns/friend_get_list`: chosen friends, chosen tags.
public struct FriendGetListRequest: Codable, Equatable, Sendable {
    public var fromAccount: String
    public var toAccount: [String]
    public var tagList: [String]
    public init(fromAccount: String, toAccount: [String], tagList: [String]) {
        self.fromAccount = fromAccount; self.toAccount = toAccount; self.tagList = tagList
    }
    enum CodingKeys: String, CodingKey { case fromAccount = "From_Account", toAccount = "To_Account", tagList = "TagList" }
}

/// One friend's answer in friend_get_list.
public struct InfoItem: Codable, Equatable, Sendable {
    public var toAccount: String
    public var snsProfileItem: [TagValue]?
    public var resultCode: Int?
    public var resultInfo: String?
    public init(toAccount: String, snsProfileItem: [TagValue]?, resultCode: Int? = 0, resultInfo: String? = "") {
        self.toAccount = toAccount; self.snsProfileItem = snsProfileItem
        self.resultCode = resultCode; self.resultInfo = resultInfo
    }
    enum CodingKeys: String, CodingKey {
        case toAccount = "To_Account", snsProfileItem = "SnsProfileItem", resultCode = "ResultCode", resultInfo = "ResultInfo"
    }
}

/// Payload of a `sns/friend_get_list` reply.
public struct FriendGetListPayload: Codable, Equatable, Sendable {
    public var infoItem: [InfoItem]?
    public var failAccount: [String]?
    public init(infoItem: [InfoItem]? = nil, failAccount: [String]? = nil) { self.infoItem = infoItem; self.failAccount = failAccount }
    enum CodingKeys: String, CodingKey { case infoItem = "InfoItem", failAccount = "Fail_Account" }
}

// sns/friend_update

/// One friend's changes in friend_update.
public struct UpdateItem: Codable, Equatable, Sendable {
    public var toAccount: String
    public var snsItem: [TagValue]
    public init(toAccount: String, snsItem: [TagValue]) { self.toAccount = toAccount; self.snsItem = snsItem }
    enum CodingKeys: String, CodingKey { case toAccount = "To_Account", snsItem = "SnsItem" }
}

/// Request of `sns/friend_update`.
public struct FriendUpdateRequest: Codable, Equatable, Sendable {
    public var fromAccount: String
    public var updateItem: [UpdateItem]
    public init(fromAccount: String, updateItem: [UpdateItem]) { self.fromAccount = fromAccount; self.updateItem = updateItem }
    enum CodingKeys: String, CodingKey { case fromAccount = "From_Account", updateItem = "UpdateItem" }
}

/// One row's result in replies that report per friend.
public struct ResultItem: Codable, Equatable, Sendable {
    public var toAccount: String
    public var resultCode: Int
    public var resultInfo: String?
    public init(toAccount: String, resultCode: Int, resultInfo: String? = "") {
        self.toAccount = toAccount; self.resultCode = resultCode; self.resultInfo = resultInfo
    }
    enum CodingKeys: String, CodingKey { case toAccount = "To_Account", resultCode = "ResultCode", resultInfo = "ResultInfo" }
}

/// Payload of a `sns/friend_update` reply (`Fail_Account` only when some row failed).
public struct FriendUpdatePayload: Codable, Equatable, Sendable {
    public var resultItem: [ResultItem]?
    public var failAccount: [String]?
    public init(resultItem: [ResultItem]? = nil, failAccount: [String]? = nil) { self.resultItem = resultItem; self.failAccount = failAccount }
    enum CodingKeys: String, CodingKey { case resultItem = "ResultItem", failAccount = "Fail_Account" }
}

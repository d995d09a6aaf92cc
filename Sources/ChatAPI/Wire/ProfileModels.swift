import Foundation

/// Request of `profile/portrait_get`.
public struct PortraitGetRequest: Codable, Equatable, Sendable {
    public var toAccount: [String]
    public var tagList: [String]
    public init(toAccount: [String], tagList: [String]) { self.toAccount = toAccount; self.tagList = tagList }
    enum CodingKeys: String, CodingKey { case toAccount = "To_Account", tagList = "TagList" }
}

/// One account's profile in a portrait_get reply.
public struct UserProfileItem: Codable, Equatable, Sendable {
    public var toAccount: String
    public var profileItem: [TagValue]?
    public var resultCode: Int?
    public var resultInfo: String?
    public init(toAccount: String, profileItem: [TagValue]?, resultCode: Int? = 0, resultInfo: String? = "") {
        self.toAccount = toAccount; self.profileItem = profileItem; self.resultCode = resultCode; self.resultInfo = resultInfo
    }
    enum CodingKeys: String, CodingKey {
        case toAccount = "To_Account", profileItem = "ProfileItem", resultCode = "ResultCode", resultInfo = "ResultInfo"
    }
}

/// Payload of a `profile/portrait_get` reply.
public struct PortraitGetPayload: Codable, Equatable, Sendable {
    public var userProfileItem: [UserProfileItem]?
    public var failAccount: [String]?
    public init(userProfileItem: [UserProfileItem]? = nil, failAccount: [String]? = nil) {
        self.userProfileItem = userProfileItem; self.failAccount = failAccount
    }
    enum CodingKeys: String, CodingKey { case userProfileItem = "UserProfileItem", failAccount = "Fail_Account" }
}

/// Request of `im_open_login_svc/account_check`.
public struct AccountCheckRequest: Codable, Equatable, Sendable {
    public struct CheckItem: Codable, Equatable, Sendable {
        public var userID: String
        public init(userID: String) { self.userID = userID }
        enum CodingKeys: String, CodingKey { case userID = "UserID" }
    }
    public var checkItem: [CheckItem]
    public init(userIDs: [String]) { checkItem = userIDs.map(CheckItem.init) }
    enum CodingKeys: String, CodingKey { case checkItem = "CheckItem" }
}

/// One account's status in an account_check reply.
public struct AccountCheckResult: Codable, Equatable, Sendable {
    public var userID: String
    public var resultCode: Int?
    public var resultInfo: String?
    public var accountStatus: String?
    public init(userID: String, resultCode: Int? = 0, resultInfo: String? = "", accountStatus: String?) {
        self.userID = userID; self.resultCode = resultCode; self.resultInfo = resultInfo; self.accountStatus = accountStatus
    }
    enum CodingKeys: String, CodingKey {
        case userID = "UserID", resultCode = "ResultCode", resultInfo = "ResultInfo", accountStatus = "AccountStatus"
    }
    /// True when the account exists in the app.
    public var isImported: Bool { accountStatus == "Imported" }
}

/// Payload of an account_check reply.
public struct AccountCheckPayload: Codable, Equatable, Sendable {
    public var resultItem: [AccountCheckResult]?
    public init(resultItem: [AccountCheckResult]? = nil) { self.resultItem = resultItem }
    enum CodingKeys: String, CodingKey { case resultItem = "ResultItem" }
}

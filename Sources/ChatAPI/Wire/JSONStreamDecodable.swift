import Foundation

/// A reply payload read member by member straight from the bytes (`JSONParser` pull reading), for the replies read
/// by the thousand. Only the happy path: any failure sends the reply through `JSONValueDecodable`'s tree reading,
/// which gives the exact verdict and error path. Rules are the tree's: the last of a repeated key counts, a null
/// optional is nil, required fields are checked after the object.
protocol JSONStreamDecodable: JSONValueDecodable {
    init()
    /// Reads `key`'s value into self when it is one of this payload's members; false leaves it to the caller.
    mutating func readMember(_ key: UnsafeBufferPointer<UInt8>, _ p: inout JSONParser, depth: Int) throws(JSONParser.Failure) -> Bool
}

extension JSONStreamDecodable {
    /// The envelope and the payload of one reply, unknown members checked and dropped.
    static func readReply(_ data: Data) throws(JSONParser.Failure) -> (Envelope, Self) {
        try JSONParser.pull(data) { (p: inout JSONParser) throws(JSONParser.Failure) in
            var envelope = Envelope(actionStatus: nil, errorCode: nil, errorInfo: nil)
            var payload = Self()
            try p.members(depth: 0) { (p: inout JSONParser, key) throws(JSONParser.Failure) in
                if keyIs(key, "ActionStatus") { envelope.actionStatus = try p.optionalString() }
                else if keyIs(key, "ErrorCode") { envelope.errorCode = try p.optionalInt() }
                else if keyIs(key, "ErrorInfo") { envelope.errorInfo = try p.optionalString() }
                else if keyIs(key, "ErrorDisplay") { envelope.errorDisplay = try p.optionalString() }
                else if keyIs(key, "RequestId") { envelope.requestId = try p.optionalString() }
                else if try !payload.readMember(key, &p, depth: 1) { try p.skipValue(depth: 1) }
            }
            return (envelope, payload)
        }
    }
}

extension TagValue {
    static func read(_ p: inout JSONParser, depth: Int) throws(JSONParser.Failure) -> TagValue {
        var tag: String?, value: FriendValue?
        try p.members(depth: depth) { (p: inout JSONParser, key) throws(JSONParser.Failure) in
            if keyIs(key, "Tag") { tag = try p.tagName() }
            else if keyIs(key, "Value") { value = try p.friendValue(depth: depth + 1) }
            else { try p.skipValue(depth: depth + 1) }
        }
        guard let tag, let value else { throw p.fail("a tag without Tag or Value") }
        return TagValue(tag: tag, value: value)
    }

    static func readList(_ p: inout JSONParser, depth: Int) throws(JSONParser.Failure) -> [TagValue]? {
        try p.optionalList(depth: depth) { (p: inout JSONParser) throws(JSONParser.Failure) in try TagValue.read(&p, depth: depth + 1) }
    }
}

/// An item of a per-account list: To_Account, one list of tags, and optionally ResultCode and ResultInfo.
private struct AccountTags {
    var account: String?
    var tags: [TagValue]?
    var code: Int?
    var info: String?

    static func read(_ p: inout JSONParser, depth: Int, tagsKey: StaticString, results: Bool) throws(JSONParser.Failure) -> AccountTags {
        var item = AccountTags()
        try p.members(depth: depth) { (p: inout JSONParser, key) throws(JSONParser.Failure) in
            if keyIs(key, "To_Account") { item.account = try p.optionalString() }
            else if keyIs(key, tagsKey) { item.tags = try TagValue.readList(&p, depth: depth + 1) }
            else if results, keyIs(key, "ResultCode") { item.code = try p.optionalInt() }
            else if results, keyIs(key, "ResultInfo") { item.info = try p.optionalString() }
            else { try p.skipValue(depth: depth + 1) }
        }
        guard item.account != nil else { throw p.fail("an item without To_Account") }
        return item
    }
}

extension FriendGetPayload: JSONStreamDecodable {
    init() { self.init(userDataItem: nil) }

    mutating func readMember(_ key: UnsafeBufferPointer<UInt8>, _ p: inout JSONParser, depth: Int) throws(JSONParser.Failure) -> Bool {
        if keyIs(key, "UserDataItem") {
            userDataItem = try p.optionalList(depth: depth) { (p: inout JSONParser) throws(JSONParser.Failure) in
                let item = try AccountTags.read(&p, depth: depth + 1, tagsKey: "ValueItem", results: false)
                return UserDataItem(toAccount: item.account!, valueItem: item.tags)
            }
        } else if keyIs(key, "StandardSequence") { standardSequence = try p.optionalInt64() }
        else if keyIs(key, "CustomSequence") { customSequence = try p.optionalInt64() }
        else if keyIs(key, "FriendNum") { friendNum = try p.optionalInt() }
        else if keyIs(key, "CompleteFlag") { completeFlag = try p.optionalInt() }
        else if keyIs(key, "NextStartIndex") { nextStartIndex = try p.optionalInt() }
        else { return false }
        return true
    }
}

/// portrait_get's and friend_get_list's shape: a list of per-account items with results, and Fail_Account.
private func readResultList<Item>(_ key: UnsafeBufferPointer<UInt8>, _ p: inout JSONParser, depth: Int, list: StaticString, tags: StaticString,
                                  items: inout [Item]?, failed: inout [String]?,
                                  _ make: (AccountTags) -> Item) throws(JSONParser.Failure) -> Bool {
    if keyIs(key, list) {
        items = try p.optionalList(depth: depth) { (p: inout JSONParser) throws(JSONParser.Failure) in
            make(try AccountTags.read(&p, depth: depth + 1, tagsKey: tags, results: true))
        }
    } else if keyIs(key, "Fail_Account") { failed = try p.optionalStrings(depth: depth) }
    else { return false }
    return true
}

extension PortraitGetPayload: JSONStreamDecodable {
    init() { self.init(userProfileItem: nil) }

    mutating func readMember(_ key: UnsafeBufferPointer<UInt8>, _ p: inout JSONParser, depth: Int) throws(JSONParser.Failure) -> Bool {
        try readResultList(key, &p, depth: depth, list: "UserProfileItem", tags: "ProfileItem", items: &userProfileItem, failed: &failAccount) {
            UserProfileItem(toAccount: $0.account!, profileItem: $0.tags, resultCode: $0.code, resultInfo: $0.info)
        }
    }
}

extension FriendGetListPayload: JSONStreamDecodable {
    init() { self.init(infoItem: nil) }

    mutating func readMember(_ key: UnsafeBufferPointer<UInt8>, _ p: inout JSONParser, depth: Int) throws(JSONParser.Failure) -> Bool {
        try readResultList(key, &p, depth: depth, list: "InfoItem", tags: "SnsProfileItem", items: &infoItem, failed: &failAccount) {
            InfoItem(toAccount: $0.account!, snsProfileItem: $0.tags, resultCode: $0.code, resultInfo: $0.info)
        }
    }
}

import Foundation

/// A per-row result: code 0 or a failure with its ResultInfo.
struct RowResult {
    var account: String
    var code: Int = 0
    var info: String = ""

    var wire: Wire { ["To_Account": .string(account), "ResultCode": .int(Int64(code)), "ResultInfo": .string(info)] }
}

/// ResultItem plus Fail_Account, which the service sends only when some row failed.
func rowsPayload(_ rows: [RowResult], key: String = "ResultItem") -> [String: Wire] {
    var payload: [String: Wire] = [key: .array(rows.map(\.wire))]
    let failed = rows.filter { $0.code != 0 }.map(\.account)
    if !failed.isEmpty { payload["Fail_Account"] = .strings(failed) }
    return payload
}

extension SandboxState {
    static let pageSize = 100

    func account(_ id: String) throws(SandboxFault) -> AccountRecord {
        guard let a = accounts[id] else { throw .call(30003, "Err_SNS_Account_Not_Exist: \(id)") }
        return a
    }

    /// The tags of one friend in the order friend_get sends them, standard and custom classes selectable
    /// (`customKeys` nil: no custom tags). The one list both readings below use.
    func forEachTag(of friend: FriendRecord, standard: Bool, customKeys: [String]?, _ body: (String, Wire) -> Void) {
        if standard {
            body("Tag_SNS_IM_Remark", .string(friend.remark))
            body("Tag_SNS_IM_Group", .strings(friend.groups))
            body("Tag_SNS_IM_AddSource", .string(friend.addSource))
            body("Tag_SNS_IM_AddWording", .string(friend.addWording))
            body("Tag_SNS_IM_AddTime", .int(friend.addTime))
        }
        for key in customKeys ?? [] {
            if let v = friend.custom[key] { body("Tag_SNS_Custom_" + key, .string(v)) }
        }
    }

    /// The tags of one friend as `{Tag, Value}` objects.
    func tags(of friend: FriendRecord) -> [Wire] {
        var items: [Wire] = []
        forEachTag(of: friend, standard: true, customKeys: customFields.sorted()) { tag, value in items.append(["Tag": .string(tag), "Value": value]) }
        return items
    }

    /// One friend_get item, written straight to JSON: built as Wire dictionaries (six per friend), pages were most
    /// of the emulator's CPU per friend list. `customKeys` sorted, once per page.
    func item(_ id: String, _ friend: FriendRecord, standard: Bool, customKeys: [String]?) -> Wire {
        var out: [UInt8] = []
        out.reserveCapacity(200 + friend.remark.utf8.count)
        out.append(contentsOf: #"{"To_Account":"#.utf8)
        Wire.writeString(id, into: &out)
        out.append(contentsOf: #","ValueItem":["#.utf8)
        var first = true
        forEachTag(of: friend, standard: standard, customKeys: customKeys) { tag, value in
            if !first { out.append(0x2C) }
            first = false
            Wire.writeTag(tag, value, into: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return .raw(out)
    }

    /// sns/friend_get: pages of 100 in the order friends were added. A sequence equal to the server's omits that
    /// class of data; when both are equal nothing changed and one page with no items ends the listing (modelled).
    func friendGet(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let owner = try account(try body.string("From_Account"))
        let start = Int(try body.int("StartIndex") ?? 0)
        guard start >= 0 else { throw .call(30001, "Err_SNS_Param_Invalid: StartIndex must not be negative") }
        let sameStandard = try body.int("StandardSequence") == owner.standardSequence
        let sameCustom = try body.int("CustomSequence") == owner.customSequence
        var payload: [String: Wire] = [
            "StandardSequence": .int(owner.standardSequence), "CustomSequence": .int(owner.customSequence),
            "FriendNum": .int(Int64(owner.friendOrder.count)),
        ]
        if sameStandard && sameCustom {
            payload["UserDataItem"] = []
            payload["CompleteFlag"] = 1
            payload["NextStartIndex"] = 0
            return payload
        }
        let page = owner.friendOrder.dropFirst(start).prefix(Self.pageSize)
        let customKeys = sameCustom ? nil : customFields.sorted()
        payload["UserDataItem"] = .array(page.map { id in item(id, owner.friends[id]!, standard: !sameStandard, customKeys: customKeys) })
        let done = start + Self.pageSize >= owner.friendOrder.count
        payload["CompleteFlag"] = .int(done ? 1 : 0)
        payload["NextStartIndex"] = .int(done ? 0 : Int64(start + Self.pageSize))
        return payload
    }

    /// sns/friend_get_list: chosen friends and tags (friend tags and profile tags); a non-friend is a row 30001.
    func friendGetList(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let owner = try account(try body.string("From_Account"))
        let ids = try body.strings("To_Account")
        let tagList = try body.strings("TagList")
        guard ids.count <= Limits.lookups else {
            throw .call(30001, "Err_SNS_Param_Invalid: To_Account holds \(ids.count) accounts, at most \(Limits.lookups)")
        }
        var items: [Wire] = []
        var failed: [String] = []
        for id in ids {
            guard let friend = owner.friends[id] else {
                items.append(["To_Account": .string(id), "ResultCode": 30001, "ResultInfo": "Err_SNS_FriendGetList_Not_Friend"])
                failed.append(id)
                continue
            }
            var chosen = tags(of: friend).filter { item in
                guard case .object(let o) = item, case .string(let tag)? = o["Tag"] else { return false }
                return tagList.contains(tag)
            }
            for tag in tagList where tag.hasPrefix("Tag_Profile_") {
                if let value = profileValue(of: id, tag: tag) { chosen.append(["Tag": .string(tag), "Value": value]) }
            }
            items.append(["To_Account": .string(id), "SnsProfileItem": .array(chosen), "ResultCode": 0, "ResultInfo": ""])
        }
        var payload: [String: Wire] = ["InfoItem": .array(items)]
        if !failed.isEmpty { payload["Fail_Account"] = .strings(failed) }
        return payload
    }

    func profileValue(of id: String, tag: String) -> Wire? {
        guard let a = accounts[id] else { return nil }
        switch tag {
        case "Tag_Profile_IM_Nick": return .string(a.nick)
        case "Tag_Profile_IM_Image": return .string(a.faceURL)
        default: return a.profile[tag]?.wire
        }
    }
}

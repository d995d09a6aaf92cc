import Foundation

extension SandboxState {
    /// Checks a group name against the documented rule; nil when it is fine.
    static func groupNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "Err_SNS_Group_Name_Empty" }
        if name.utf8.count > Limits.groupNameBytes {
            return "Err_SNS_Group_Name_Too_Long: \(name.utf8.count) bytes, at most \(Limits.groupNameBytes)"
        }
        return nil
    }

    /// Why a string field's value is refused (not a string, too long, a sensitive word), or nil.
    func textProblem(_ value: Wire, tag: String, limit: Int, tooLong: String) -> (code: Int, info: String)? {
        guard case .string(let text) = value else { return (30001, "Err_SNS_Param_Invalid: \(tag) must be a string") }
        if text.utf8.count > limit { return (30001, "\(tooLong): \(text.utf8.count) bytes, at most \(limit)") }
        if let word = sensitiveWord(in: text) { return (30005, "Err_SNS_Dirty_Word: \(word)") }
        return nil
    }

    /// The first sensitive word in `text`, if any.
    func sensitiveWord(in text: String) -> String? { sensitiveWords.first { !$0.isEmpty && text.contains($0) } }

    /// sns/friend_update. Whole-call failures: more than 1000 items, a tag that is not writable, a custom field the
    /// app has not configured. Row failures: not a friend (30001), a remark over 96 bytes, a bad group name,
    /// an integer or over-long custom value (30001), a sensitive word (30005), more than 32 groups (30011).
    /// A row is applied whole or not at all; Tag_SNS_IM_Group replaces the friend's list and creates new groups.
    mutating func friendUpdate(_ body: Body) throws(SandboxFault) -> (payload: [String: Wire], rows: [RowResult]) {
        let ownerID = try body.string("From_Account")
        var owner = try account(ownerID)
        let items = try body.objects("UpdateItem")
        guard items.count <= Limits.updateItems else {
            throw .call(30001, "Err_SNS_FriendUpdate_Item_Num_Exceed: \(items.count) items, at most \(Limits.updateItems)")
        }
        // Whole-call checks first: the service refuses the call before touching any row.
        var parsed: [(id: String, tags: [(String, Wire)])] = []
        for item in items {
            let id = try item.string("To_Account")
            var tags: [(String, Wire)] = []
            for sns in try item.objects("SnsItem") {
                let tag = try sns.string("Tag")
                guard let value = sns.fields["Value"] else { throw .call(30001, "Err_SNS_Param_Invalid: SnsItem without Value") }
                if tag.hasPrefix("Tag_SNS_Custom_") {
                    let key = String(tag.dropFirst("Tag_SNS_Custom_".count))
                    guard customFields.contains(key) else { throw .call(30001, "Invalid field: \(tag)") }
                } else if tag != "Tag_SNS_IM_Remark" && tag != "Tag_SNS_IM_Group" {
                    throw .call(30001, "Invalid field: \(tag) is not writable")
                }
                tags.append((tag, value))
            }
            parsed.append((id, tags))
        }
        var rows: [RowResult] = []
        var changedStandard = false, changedCustom = false
        for (id, tags) in parsed {
            guard var friend = owner.friends[id] else {
                rows.append(RowResult(account: id, code: 30001, info: "Err_SNS_FriendUpdate_Not_Friend"))
                continue
            }
            var newGroups: [String] = []
            var failure: RowResult?
            var rowStandard = false, rowCustom = false
            for (tag, value) in tags where failure == nil {
                switch tag {
                case "Tag_SNS_IM_Remark":
                    if let problem = textProblem(value, tag: tag, limit: Limits.remarkBytes, tooLong: "Err_SNS_FriendUpdate_Remark_Too_Long") {
                        failure = RowResult(account: id, code: problem.code, info: problem.info)
                    } else if case .string(let remark) = value, friend.remark != remark {
                        friend.remark = remark; rowStandard = true
                    }
                case "Tag_SNS_IM_Group":
                    guard let list = value.stringList else {
                        failure = RowResult(account: id, code: 30001, info: "Err_SNS_Param_Invalid: Tag_SNS_IM_Group must be an array of strings"); break
                    }
                    if let problem = list.lazy.compactMap(Self.groupNameProblem).first {
                        failure = RowResult(account: id, code: 30001, info: problem); break
                    }
                    if let word = list.lazy.compactMap(sensitiveWord).first {
                        failure = RowResult(account: id, code: 30005, info: "Err_SNS_Dirty_Word: \(word)"); break
                    }
                    var unique: [String] = []
                    for g in list where !unique.contains(g) { unique.append(g) }
                    newGroups = unique.filter { !owner.groups.contains($0) }
                    if owner.groups.count + newGroups.count > Limits.groupsPerAccount {
                        failure = RowResult(account: id, code: 30011, info: "Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold"); break
                    }
                    if friend.groups != unique { friend.groups = unique; rowStandard = true }
                default:
                    let key = String(tag.dropFirst("Tag_SNS_Custom_".count))
                    if let problem = textProblem(value, tag: tag, limit: Limits.customValueBytes, tooLong: "Err_SNS_Custom_Value_Too_Long") {
                        failure = RowResult(account: id, code: problem.code, info: problem.info)
                    } else if case .string(let text) = value, friend.custom[key] != text {
                        friend.custom[key] = text.isEmpty ? nil : text; rowCustom = true
                    }
                }
            }
            if let failure { rows.append(failure); continue }
            for g in newGroups { owner.groups.append(g); owner.groupSequence += 1 }
            owner.friends[id] = friend
            changedStandard = changedStandard || rowStandard
            changedCustom = changedCustom || rowCustom
            rows.append(RowResult(account: id))
        }
        if changedStandard { owner.standardSequence += 1 }
        if changedCustom { owner.customSequence += 1 }
        accounts[ownerID] = owner
        return (rowsPayload(rows), rows)
    }
}

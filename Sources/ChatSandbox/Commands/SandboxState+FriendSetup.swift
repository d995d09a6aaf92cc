import Foundation

extension SandboxState {
    /// Common checks of friend_add and friend_import for one item; nil when the pair may become friends.
    func friendAddProblem(owner: AccountRecord, _ id: String, source: String) -> RowResult? {
        if accounts[id] == nil { return RowResult(account: id, code: 30003, info: "Err_SNS_FriendAdd_Account_Not_Exist") }
        if id == owner.id { return RowResult(account: id, code: 30001, info: "Err_SNS_FriendAdd_Self") }
        if owner.friends[id] != nil { return RowResult(account: id, code: 30001, info: "Err_SNS_FriendAdd_Already_Friend") }
        if !source.hasPrefix("AddSource_Type_") || !source.dropFirst("AddSource_Type_".count).allSatisfy(\.isLetter) {
            return RowResult(account: id, code: 30001, info: "Err_SNS_FriendAdd_AddSource_Invalid")
        }
        if owner.friendOrder.count >= Limits.friendsPerAccount { return RowResult(account: id, code: 30010, info: "Err_SNS_FriendAdd_Friend_Exceed") }
        if accounts[id]!.friendOrder.count >= Limits.friendsPerAccount {
            return RowResult(account: id, code: 30014, info: "Err_SNS_FriendAdd_Peer_Friend_Exceed")
        }
        return nil
    }

    /// sns/friend_add: adds friends at once (the sandbox has no pending requests), one way or both ways.
    mutating func friendAdd(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let ownerID = try body.string("From_Account")
        _ = try account(ownerID)
        let both = body.optionalString("AddType") == "Add_Type_Both"
        var rows: [RowResult] = []
        for item in try body.objects("AddFriendItem") {
            let id = try item.string("To_Account")
            let source = try item.string("AddSource")
            if let problem = friendAddProblem(owner: accounts[ownerID]!, id, source: source) { rows.append(problem); continue }
            let group = item.optionalString("GroupName").map { [$0] } ?? []
            if let p = group.lazy.compactMap(Self.groupNameProblem).first { rows.append(RowResult(account: id, code: 30001, info: p)); continue }
            if accounts[ownerID]!.groups.count + group.filter({ !accounts[ownerID]!.groups.contains($0) }).count > Limits.groupsPerAccount {
                rows.append(RowResult(account: id, code: 30011, info: "Err_SNS_FriendAdd_Group_Num_Exceed_Threshold")); continue
            }
            let now = Int64(Date().timeIntervalSince1970)
            addFriend(owner: ownerID, FriendRecord(id: id, remark: item.optionalString("Remark") ?? "", groups: group,
                                                   addSource: source, addWording: item.optionalString("AddWording") ?? "", addTime: now))
            if both && accounts[id]!.friends[ownerID] == nil {
                addFriend(owner: id, FriendRecord(id: ownerID, addSource: source, addTime: now))
            }
            rows.append(RowResult(account: id))
        }
        return rowsPayload(rows)
    }

    /// sns/friend_import: adds one-way friends with their remark, groups, time and custom fields.
    mutating func friendImport(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let ownerID = try body.string("From_Account")
        _ = try account(ownerID)
        var rows: [RowResult] = []
        for item in try body.objects("AddFriendItem") {
            let id = try item.string("To_Account")
            let source = try item.string("AddSource")
            if let problem = friendAddProblem(owner: accounts[ownerID]!, id, source: source) { rows.append(problem); continue }
            let groups = try item.optionalStrings("GroupName") ?? []
            if let p = groups.lazy.compactMap(Self.groupNameProblem).first { rows.append(RowResult(account: id, code: 30001, info: p)); continue }
            let owner = accounts[ownerID]!
            if owner.groups.count + Set(groups).subtracting(owner.groups).count > Limits.groupsPerAccount {
                rows.append(RowResult(account: id, code: 30011, info: "Err_SNS_FriendImport_Group_Num_Exceed_Threshold")); continue
            }
            var custom: [String: String] = [:]
            var bad: RowResult?
            for c in (try? item.objects("CustomItem")) ?? [] {
                let tag = try c.string("Tag")
                let key = String(tag.dropFirst("Tag_SNS_Custom_".count))
                guard tag.hasPrefix("Tag_SNS_Custom_"), customFields.contains(key) else { throw .call(30001, "Invalid field: \(tag)") }
                guard case .string(let v)? = c.fields["Value"] else { bad = RowResult(account: id, code: 30001, info: "\(tag) must be a string"); break }
                custom[key] = v
            }
            if let bad { rows.append(bad); continue }
            addFriend(owner: ownerID, FriendRecord(id: id, remark: item.optionalString("Remark") ?? "", groups: groups, custom: custom,
                                                   addSource: source, addWording: item.optionalString("AddWording") ?? "",
                                                   addTime: try item.int("AddTime") ?? Int64(Date().timeIntervalSince1970)))
            rows.append(RowResult(account: id))
        }
        return rowsPayload(rows)
    }

    /// sns/friend_delete: ends friendships, one way or both ways; a non-friend is a row 30001.
    mutating func friendDelete(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let ownerID = try body.string("From_Account")
        _ = try account(ownerID)
        let ids = try body.strings("To_Account")
        guard ids.count <= Limits.deleteItems else {
            throw .call(30001, "Err_SNS_FriendDelete_Item_Num_Exceed: \(ids.count) items, at most \(Limits.deleteItems)")
        }
        let both = body.optionalString("DeleteType") == "Delete_Type_Both"
        var rows: [RowResult] = []
        for id in ids {
            guard accounts[ownerID]!.friends[id] != nil else {
                rows.append(RowResult(account: id, code: 30001, info: "Err_SNS_FriendDelete_Not_Friend")); continue
            }
            removeFriend(owner: ownerID, id)
            if both { removeFriend(owner: id, ownerID) }
            rows.append(RowResult(account: id))
        }
        return rowsPayload(rows)
    }
}

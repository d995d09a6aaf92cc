import Foundation

extension SandboxState {
    /// sns/group_get: every group (or those named), with members when NeedFriend is Need_Friend_Type_Yes.
    func groupGet(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let owner = try account(try body.string("From_Account"))
        let withFriends = body.optionalString("NeedFriend") == "Need_Friend_Type_Yes"
        let names = try body.optionalStrings("GroupName")
        if let names, names.count > Limits.groupsPerAccount {
            throw .call(30001, "Err_SNS_Param_Invalid: GroupName holds \(names.count) names, at most \(Limits.groupsPerAccount)")
        }
        let chosen = owner.groups.filter { names?.contains($0) ?? true }
        // One pass over the friends for every group's members (not one pass per group).
        var members: [String: [String]] = [:]
        for id in owner.friendOrder { for g in owner.friends[id]!.groups { members[g, default: []].append(id) } }
        let items: [Wire] = chosen.map { g in
            let members = members[g] ?? []
            var item: [String: Wire] = ["GroupName": .string(g), "FriendNumber": .int(Int64(members.count))]
            if withFriends { item["To_Account"] = .strings(members) }
            return .object(item)
        }
        return ["ResultItem": .array(items), "CurrentSequence": .int(owner.groupSequence)]
    }

    /// sns/group_add: creates groups (over 32 in all fails the call with 30011) and puts friends in them;
    /// a named account that is not a friend is a row 32216. Adding an existing group is not an error (modelled).
    mutating func groupAdd(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let ownerID = try body.string("From_Account")
        var owner = try account(ownerID)
        let names = try body.strings("GroupName")
        guard !names.isEmpty else { throw .call(30001, "Err_SNS_Param_Invalid: GroupName is empty") }
        if let problem = names.lazy.compactMap(Self.groupNameProblem).first { throw .call(30001, problem) }
        if let word = names.lazy.compactMap(sensitiveWord).first { throw .call(30005, "Err_SNS_Dirty_Word: \(word)") }
        let new = names.reduce(into: [String]()) { acc, g in if !owner.groups.contains(g) && !acc.contains(g) { acc.append(g) } }
        guard owner.groups.count + new.count <= Limits.groupsPerAccount else {
            throw .call(30011, "Err_SNS_GroupAdd_Group_Num_Exceed_Threshold")
        }
        owner.groups += new
        if !new.isEmpty { owner.groupSequence += 1 }
        var rows: [RowResult] = []
        for id in try body.optionalStrings("To_Account") ?? [] {
            guard var friend = owner.friends[id] else {
                rows.append(RowResult(account: id, code: 32216, info: "Err_SNS_GroupAdd_ToTinyId_Not_Friend"))
                continue
            }
            for g in names where !friend.groups.contains(g) { friend.groups.append(g) }
            owner.friends[id] = friend
            owner.standardSequence += 1
            rows.append(RowResult(account: id))
        }
        accounts[ownerID] = owner
        var payload = body.has("To_Account") ? rowsPayload(rows) : [:]
        payload["CurrentSequence"] = .int(owner.groupSequence)
        return payload
    }

    /// sns/group_delete: removes groups from the account and from every friend. An unknown group fails the call
    /// with 30001 (modelled).
    mutating func groupDelete(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let ownerID = try body.string("From_Account")
        var owner = try account(ownerID)
        let names = try body.strings("GroupName")
        if let missing = names.first(where: { !owner.groups.contains($0) }) {
            throw .call(30001, "Err_SNS_GroupDelete_Group_Not_Exist: \(missing)")
        }
        owner.groups.removeAll { names.contains($0) }
        for id in owner.friendOrder where owner.friends[id]!.groups.contains(where: names.contains) {
            owner.friends[id]!.groups.removeAll { names.contains($0) }
        }
        owner.groupSequence += 1
        owner.standardSequence += 1
        accounts[ownerID] = owner
        return ["CurrentSequence": .int(owner.groupSequence)]
    }
}

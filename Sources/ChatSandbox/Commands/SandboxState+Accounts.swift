import Foundation

extension SandboxState {
    static func userIDProblem(_ id: String) -> String? {
        if id.isEmpty { return "Err_Account_Empty" }
        if id.utf8.count > Limits.userIDBytes { return "Err_Account_Too_Long: \(id.utf8.count) bytes, at most \(Limits.userIDBytes)" }
        return nil
    }

    /// profile/portrait_get: profiles of up to 100 accounts; an unknown account is a row 70107 (modelled).
    func portraitGet(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let ids = try body.strings("To_Account")
        let tags = try body.strings("TagList")
        guard ids.count <= Limits.lookups else {
            throw .call(30001, "Err_Profile_Param_Invalid: To_Account holds \(ids.count) accounts, at most \(Limits.lookups)")
        }
        var items: [Wire] = []
        var failed: [String] = []
        for id in ids {
            guard accounts[id] != nil else {
                items.append(["To_Account": .string(id), "ResultCode": 70107, "ResultInfo": "Err_Profile_Account_Not_Imported"])
                failed.append(id)
                continue
            }
            // Written straight to JSON, like friend_get's items (a dictionary per tag and per account cost most).
            var out: [UInt8] = Array(#"{"To_Account":"#.utf8)
            Wire.writeString(id, into: &out)
            out += Array(#","ResultCode":0,"ResultInfo":"","ProfileItem":["#.utf8)
            var first = true
            for tag in tags {
                guard let value = profileValue(of: id, tag: tag) else { continue }
                if !first { out.append(0x2C) }
                first = false
                Wire.writeTag(tag, value, into: &out)
            }
            out += Array("]}".utf8)
            items.append(.raw(out))
        }
        var payload: [String: Wire] = ["UserProfileItem": .array(items)]
        if !failed.isEmpty { payload["Fail_Account"] = .strings(failed) }
        return payload
    }

    /// im_open_login_svc/account_check: Imported or NotImported for up to 100 UserIDs.
    func accountCheck(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let items = try body.objects("CheckItem")
        guard items.count <= Limits.lookups else {
            throw .call(30001, "Err_Param_Invalid: CheckItem holds \(items.count) items, at most \(Limits.lookups)")
        }
        var out: [Wire] = []
        for item in items {
            let id = try item.string("UserID")
            out.append(["UserID": .string(id), "ResultCode": 0, "ResultInfo": "",
                        "AccountStatus": .string(accounts[id] == nil ? "NotImported" : "Imported")])
        }
        return ["ResultItem": .array(out)]
    }

    /// im_open_login_svc/account_import: creates an account (again is fine).
    mutating func accountImport(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let id = try body.string("UserID")
        if let problem = Self.userIDProblem(id) { throw .call(30001, problem) }
        importAccount(id, nick: body.optionalString("Nick"), faceURL: body.optionalString("FaceUrl"))
        return [:]
    }

    /// im_open_login_svc/multiaccount_import: creates accounts; invalid UserIDs come back in FailAccounts.
    mutating func multiaccountImport(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let ids = try body.strings("Accounts")
        var failed: [String] = []
        for id in ids {
            if Self.userIDProblem(id) != nil { failed.append(id) } else { importAccount(id) }
        }
        return ["FailAccounts": .strings(failed)]
    }

    /// profile/portrait_set: sets profile tags of an existing account.
    mutating func portraitSet(_ body: Body) throws(SandboxFault) -> [String: Wire] {
        let id = try body.string("From_Account")
        guard var account = accounts[id] else { throw .call(70107, "Err_Profile_Account_Not_Imported: \(id)") }
        for item in try body.objects("ProfileItem") {
            let tag = try item.string("Tag")
            guard let raw = item.fields["Value"], let value = TagData(raw) else {
                throw .call(30001, "Err_Profile_Param_Invalid: \(tag) has a value of the wrong type")
            }
            switch (tag, value) {
            case ("Tag_Profile_IM_Nick", .text(let s)): account.nick = s
            case ("Tag_Profile_IM_Image", .text(let s)): account.faceURL = s
            default: account.profile[tag] = value
            }
        }
        accounts[id] = account
        return [:]
    }
}

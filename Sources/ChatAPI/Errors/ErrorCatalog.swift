/// What the client does about an error code.
public enum RetryClass: String, Sendable, Equatable {
    /// Retry with exponential backoff.
    case backoff
    /// Retry once.
    case once
    /// Make a new UserSig, then retry once.
    case renewUserSig
    /// Not retryable: the row or the call is wrong as sent.
    case never
    /// Stop: configuration or credentials must be fixed first.
    case stop
}

/// One documented error code with words an operator can act on.
public struct ErrorEntry: Sendable, Equatable {
    /// The numeric code.
    public let code: Int
    /// A short name, shown inline after the code (e.g. "friend-list group limit reached (32)").
    public let name: String
    /// What the code means.
    public let meaning: String
    /// What the client does about it.
    public let retry: RetryClass
    /// One line telling the operator what to do.
    public let hint: String
}

/// Every error code the API documents for the commands ContactDesk uses (docs/ERROR-CODES.md lists them);
/// unknown codes still get an entry built from their number.
public enum ErrorCatalog {
    private static let list: [ErrorEntry] = [
        .init(code: 30001, name: "bad parameter", meaning: "A parameter is wrong: also not a friend, already a friend, or an unconfigured custom field",
              retry: .never, hint: "Read the ErrorInfo/ResultInfo; fix the value or configure the field in the Chat console."),
        .init(code: 30002, name: "SDKAppID mismatch", meaning: "The SDKAppID does not match", retry: .stop,
              hint: "Check the profile's sdkappid against the Chat console."),
        .init(code: 30003, name: "account does not exist", meaning: "The requested account does not exist", retry: .never,
              hint: "Check the UserID; the account must be imported first."),
        .init(code: 30004, name: "needs app admin", meaning: "The request requires app administrator permissions", retry: .stop,
              hint: "Use an administrator identifier in the profile."),
        .init(code: 30005, name: "sensitive word", meaning: "A field contains a sensitive word", retry: .never,
              hint: "Change the text; the service refuses it."),
        .init(code: 30006, name: "internal server error", meaning: "Internal server error", retry: .backoff,
              hint: "Transient; retried automatically. Retry the failed rows if it persists."),
        .init(code: 30007, name: "service network timeout", meaning: "Network timeout inside the service", retry: .backoff,
              hint: "Transient; retried automatically. Retry later if it persists."),
        .init(code: 30008, name: "concurrent write conflict", meaning: "Write conflict from concurrent writes on one user", retry: .backoff,
              hint: "Another tool is writing to this account; retried automatically, one write at a time."),
        .init(code: 30010, name: "own friend limit reached", meaning: "The account's friend count is at its limit", retry: .never,
              hint: "Remove friends from this account first."),
        .init(code: 30014, name: "peer friend limit reached", meaning: "The other account's friend count is at its limit", retry: .never,
              hint: "The peer must remove friends first."),
        .init(code: 30011, name: "friend-list group limit reached (32)", meaning: "The account already has 32 friend groups", retry: .never,
              hint: "Use an existing group, or delete an unused group first."),
        .init(code: 32216, name: "group_add target is not a friend", meaning: "group_add named an account that is not a friend", retry: .never,
              hint: "Add the friend first, or leave it out of the group."),
        .init(code: 60002, name: "HTTP parse error", meaning: "The service could not parse the HTTP request", retry: .never,
              hint: "A ContactDesk bug: report it with the log file."),
        .init(code: 60003, name: "JSON parse error", meaning: "The service could not parse the JSON body", retry: .never,
              hint: "A ContactDesk bug: report it with the log file."),
        .init(code: 60004, name: "identifier or UserSig wrong", meaning: "The identifier or UserSig is wrong", retry: .stop,
              hint: "Check the admin identifier and the secret key of the profile."),
        .init(code: 60005, name: "identifier or UserSig wrong", meaning: "The identifier or UserSig is wrong", retry: .stop,
              hint: "Check the admin identifier and the secret key of the profile."),
        .init(code: 60006, name: "SDKAppID invalid", meaning: "The SDKAppID is invalid", retry: .stop,
              hint: "Check the profile's sdkappid."),
        .init(code: 60016, name: "SDKAppID disabled", meaning: "The SDKAppID is disabled", retry: .stop,
              hint: "The app is disabled in the Chat console."),
        .init(code: 60007, name: "API rate limit", meaning: "Frequency limit of the API", retry: .backoff, hint: "Retried automatically after a pause."),
        .init(code: 60011, name: "app rate limit", meaning: "Frequency limit of the app", retry: .backoff, hint: "Retried automatically after a pause."),
        .init(code: 60018, name: "rate limit", meaning: "Frequency limit", retry: .backoff, hint: "Retried automatically after a pause."),
        .init(code: 60019, name: "rate limit", meaning: "Frequency limit", retry: .backoff, hint: "Retried automatically after a pause."),
        .init(code: 60008, name: "service timeout", meaning: "The service timed out", retry: .once, hint: "Retried once; retry the failed rows later."),
        .init(code: 60009, name: "unknown command", meaning: "Wrong service or command in the URL", retry: .never,
              hint: "A ContactDesk bug: report it with the log file."),
        .init(code: 60010, name: "needs admin identifier", meaning: "The request needs an administrator identifier", retry: .stop,
              hint: "Use an administrator identifier in the profile."),
        .init(code: 60020, name: "no valid package", meaning: "The app has no valid package", retry: .stop,
              hint: "Renew the app's package in the Chat console."),
        .init(code: 60021, name: "caller IP not allowed", meaning: "The caller's IP address is not allowed", retry: .stop,
              hint: "Add this host's address to the app's IP allow list."),
        .init(code: 70001, name: "UserSig expired", meaning: "The UserSig has expired", retry: .renewUserSig,
              hint: "A new UserSig is made automatically; check the clock if it repeats."),
        .init(code: 70052, name: "UserSig invalidated", meaning: "The UserSig was invalidated", retry: .renewUserSig,
              hint: "A new UserSig is made automatically."),
        .init(code: 70002, name: "UserSig empty", meaning: "The UserSig is empty", retry: .stop, hint: "Check the credential source of the profile."),
        .init(code: 70003, name: "UserSig malformed", meaning: "The UserSig cannot be decoded", retry: .stop,
              hint: "Check the credential source; `contactdesk usersig --verify` explains a UserSig."),
        .init(code: 70005, name: "UserSig malformed", meaning: "The UserSig cannot be decoded", retry: .stop,
              hint: "Check the credential source; `contactdesk usersig --verify` explains a UserSig."),
        .init(code: 70009, name: "UserSig verification failed", meaning: "The UserSig fails verification", retry: .stop,
              hint: "The secret key does not belong to this SDKAppID; check the key file or variable."),
        .init(code: 70013, name: "identifier differs from UserSig", meaning: "The identifier differs from the UserSig's", retry: .stop,
              hint: "The UserSig was made for another identifier; check the profile's admin."),
        .init(code: 70014, name: "SDKAppID differs from UserSig", meaning: "The SDKAppID differs from the UserSig's", retry: .stop,
              hint: "The UserSig was made for another app; check the profile's sdkappid."),
        .init(code: 70016, name: "key not found", meaning: "The key or SDKAppID was not found", retry: .stop,
              hint: "Wrong region domain? Check the profile's region."),
        .init(code: 70020, name: "SDKAppID not found", meaning: "The SDKAppID was not found", retry: .stop,
              hint: "Wrong region domain? Check the profile's region."),
        .init(code: 70050, name: "locked after bad signatures", meaning: "Locked for a minute after repeated bad signatures", retry: .stop,
              hint: "Wait one minute before trying again, with a corrected key."),
        .init(code: 70107, name: "account not imported", meaning: "The account is not imported", retry: .never,
              hint: "Import the account first."),
        .init(code: 70169, name: "internal timeout", meaning: "Internal timeout", retry: .backoff, hint: "Transient; retried automatically."),
        .init(code: 70500, name: "internal error", meaning: "Internal error", retry: .backoff, hint: "Transient; retried automatically."),
    ]

    private static let byCode: [Int: ErrorEntry] = Dictionary(uniqueKeysWithValues: list.map { ($0.code, $0) })

    /// Every documented entry, in the order of the API page.
    public static var all: [ErrorEntry] { list }

    /// The entry for a code; an unknown code gets a generic entry that still names the number.
    public static func entry(_ code: Int) -> ErrorEntry {
        byCode[code] ?? ErrorEntry(code: code, name: "error \(code)", meaning: "Not in ContactDesk's catalog", retry: .never,
                                   hint: "Look the code up in the Chat error code list; the service's own text follows.")
    }

    /// Whether the code is documented.
    public static func isKnown(_ code: Int) -> Bool { byCode[code] != nil }

    /// The inline form shown on a row: "30011 friend-list group limit reached (32)", plus the service's text for unknown codes.
    public static func inline(_ code: Int, info: String? = nil) -> String {
        if isKnown(code) { return "\(code) \(entry(code).name)" }
        if let info {
            let said = ServerText.clean(info, limit: 80)
            if !said.isEmpty { return "\(code) \(said)" }
        }
        return "\(code) unknown error"
    }
}

import ContactDeskStrings

/// Where a row failed: its own ResultCode, or the whole call's ErrorCode.
public enum FailureLevel: String, Sendable, Equatable, Codable {
    case row, call
}

/// What happened to one friend of a friend_update.
public enum RowOutcome: Sendable, Equatable {
    /// The service applied the row.
    case ok
    /// The service refused the row, alone or with its whole call.
    case failed(code: Int, info: String, level: FailureLevel)
    /// No answer for the row: the network failed after retries, or an earlier call made sending pointless.
    /// The row may or may not have been applied; re-read before sending it again.
    case notSent(reason: String)

    /// True for `.ok`.
    public var isOK: Bool { self == .ok }

    /// The inline text a row shows: "✓" or "✗ 30011 friend-list group limit reached (32)".
    public var inline: String {
        switch self {
        case .ok: Glyphs.g("✓")
        case .failed(let code, let info, _): Glyphs.g("✗ ") + ErrorCatalog.inline(code, info: info)
        case .notSent: APIText.rowNotSent.text
        }
    }
}

/// One row of a friend_update with its outcome, in request order.
public struct RowResult: Sendable, Equatable {
    public var toAccount: String
    public var outcome: RowOutcome
    public init(toAccount: String, outcome: RowOutcome) { self.toAccount = toAccount; self.outcome = outcome }
}

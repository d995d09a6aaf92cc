import ContactDeskStrings

/// A write abandoned before it went out because its caller's last check found the data it was planned from
/// changed; the caller reads and plans again.
public struct StalePlan: Error, Equatable, Sendable {
    public init() {}
}

/// Why a call failed, with what the operator needs to act on it. Never contains a key or UserSig.
public enum ChatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The service refused the whole call.
    case api(command: Command, code: Int, info: String)
    /// The network failed on every attempt.
    case transport(command: Command, TransportError, attempts: Int)
    /// The reply was not the JSON the API documents.
    case protocolError(command: Command, reason: String, excerpt: String)
    /// No UserSig could be had.
    case credentials(String)

    /// The API error code, when the service gave one.
    public var code: Int? { if case .api(_, let c, _) = self { return c } else { return nil } }

    public var description: String { description(in: .current) }

    /// The text in English: for the log file, which stays English whatever the operator's language.
    public var englishDescription: String { description(in: .en) }

    /// The text in `language`; the service's ErrorInfo and the reply's excerpt are shown as sent.
    public func description(in language: Language) -> String {
        switch self {
        case .api(let cmd, let code, let info):
            let args: [String: any Sendable] = ["command": "\(cmd)", "error": ErrorCatalog.inline(code, info: info, in: language),
                                                "info": ServerText.clean(info), "hint": ErrorCatalog.entry(code).hint(in: language)]
            return (info.isEmpty ? APIText.callFailed : APIText.callFailedWithInfo).text(in: language, args)
        case .transport(let cmd, let err, let n):
            return APIText.callTransportFailed.text(in: language, ["command": "\(cmd)", "error": err.description(in: language), "count": n])
        case .protocolError(let cmd, let reason, let excerpt):
            return APIText.callUnexpectedReply.text(in: language, ["command": "\(cmd)", "reason": ServerText.visible(reason), "excerpt": ServerText.clean(excerpt)])
        case .credentials(let m):
            return APIText.callCredentials.text(in: language, ["message": m])
        }
    }

    /// The catalog's one-line hint for the operator.
    public var hint: String { hint(in: .current) }

    public func hint(in language: Language) -> String {
        switch self {
        case .api(_, let code, _): ErrorCatalog.entry(code).hint(in: language)
        case .transport: APIText.hintTransport.text(in: language)
        case .protocolError: APIText.hintProtocol.text(in: language)
        case .credentials: APIText.hintCredentials.text(in: language)
        }
    }
}

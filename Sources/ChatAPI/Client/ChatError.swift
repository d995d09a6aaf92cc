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

    public var description: String {
        switch self {
        case .api(let cmd, let code, let info):
            let e = ErrorCatalog.entry(code)
            return "\(cmd): \(ErrorCatalog.inline(code, info: info))" + (info.isEmpty ? "" : " (\(info))") + ". \(e.hint)"
        case .transport(let cmd, let err, let n):
            return "\(cmd): \(err) (after \(Plural.count(n, "attempt"))). Check the network, proxy and base URL."
        case .protocolError(let cmd, let reason, let excerpt):
            return "\(cmd): unexpected reply, \(reason): \(excerpt)"
        case .credentials(let m):
            return "credentials: \(m)"
        }
    }

    /// The catalog's one-line hint for the operator.
    public var hint: String {
        switch self {
        case .api(_, let code, _): ErrorCatalog.entry(code).hint
        case .transport: "Check the network, proxy and base URL; the rows were not confirmed."
        case .protocolError: "The server did not answer like the Chat API; check the base URL."
        case .credentials: "Check the profile's credential source."
        }
    }
}

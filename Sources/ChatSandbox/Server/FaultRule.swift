import Foundation

/// One injected fault: what happens to which command, how often.
///
/// Written `COMMAND:KIND[@RATE|xCOUNT]`, the same in `--fault` flags and on the control endpoint:
/// `sns/friend_update:code=30008x2` (the next two calls fail whole with 30008),
/// `*:latency=300` (every call waits 300 ms), `sns/friend_get:http502@0.25` (a quarter of calls get HTTP 502),
/// `sns/friend_update:row=30011/u1+u2` (rows u1 and u2 fail with 30011; without `/…` every row),
/// `profile/portrait_get:drop`, `sns/friend_update:drop-after` (applied, then the connection is closed),
/// `sns/group_get:malformed`, `sns/friend_update:hang=1500x1,after=1` (the second call is held 1.5 s and its
/// connection closed without processing it: a client killed mid-call, for crash tests).
public struct FaultRule: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case latency(milliseconds: Int)
        case http502
        /// Close the connection before the request is processed.
        case drop
        /// Process the request, then close the connection without replying.
        case dropAfter
        /// Hold the request this long, then close the connection without processing it.
        case hang(milliseconds: Int)
        case malformed
        /// The call fails with 30006 and an ErrorInfo quoting the request URL, UserSig included, as some proxies
        /// and services do: what a client shows or logs of it must not carry the secret.
        case echoURL
        /// Fail the whole call with this code.
        case callCode(Int)
        /// Fail rows (all, or those listed) with this code.
        case rowCode(Int, accounts: [String])
    }

    public var command: String
    public var kind: Kind
    /// Probability per matching call; ignored when `remaining` is set.
    public var rate: Double
    /// How many more matching calls it hits, or nil for no limit.
    public var remaining: Int?
    /// Matching calls to let through before the rule starts (`,after=N`).
    public var after: Int = 0
    public let spec: String

    public var description: String { spec }

    /// Parses the written form, with an error that shows the form.
    public static func parse(_ spec: String) throws -> FaultRule {
        let usage = "fault \"\(spec)\" is not COMMAND:KIND[@RATE|xCOUNT], e.g. sns/friend_update:code=30008x2 or *:latency=300"
        guard let colon = spec.firstIndex(of: ":") else { throw SandboxConfigError(usage) }
        let command = String(spec[..<colon])
        var rest = String(spec[spec.index(after: colon)...])
        var after = 0
        if let comma = rest.lastIndex(of: ","), rest[comma...].hasPrefix(",after=") {
            guard let n = Int(rest[rest.index(comma, offsetBy: 7)...]), n >= 0 else { throw SandboxConfigError(usage + " (after=N counts calls)") }
            after = n
            rest = String(rest[..<comma])
        }
        var rate = 1.0
        var remaining: Int?
        if let at = rest.lastIndex(of: "@") {
            guard let r = Double(rest[rest.index(after: at)...]), (0...1).contains(r) else { throw SandboxConfigError(usage + " (RATE is 0 to 1)") }
            rate = r
            rest = String(rest[..<at])
        } else if let x = rest.lastIndex(of: "x"), let n = Int(rest[rest.index(after: x)...]), !rest.hasPrefix("x") {
            remaining = n
            rest = String(rest[..<x])
        }
        let parts = rest.split(separator: "=", maxSplits: 1).map(String.init)
        let value = parts.count > 1 ? parts[1] : nil
        let kind: Kind
        switch (parts.first ?? "", value) {
        case ("latency", let v?): guard let ms = Int(v), ms >= 0 else { throw SandboxConfigError(usage) }; kind = .latency(milliseconds: ms)
        case ("http502", nil): kind = .http502
        case ("drop", nil): kind = .drop
        case ("drop-after", nil): kind = .dropAfter
        case ("malformed", nil): kind = .malformed
        case ("echo-url", nil): kind = .echoURL
        case ("hang", let v?): guard let ms = Int(v), ms >= 0 else { throw SandboxConfigError(usage) }; kind = .hang(milliseconds: ms)
        case ("code", let v?): guard let c = Int(v) else { throw SandboxConfigError(usage) }; kind = .callCode(c)
        case ("row", let v?):
            let pieces = v.split(separator: "/", maxSplits: 1).map(String.init)
            guard let c = Int(pieces[0]) else { throw SandboxConfigError(usage) }
            kind = .rowCode(c, accounts: pieces.count > 1 ? pieces[1].split(separator: "+").map(String.init) : [])
        default: throw SandboxConfigError(usage)
        }
        return FaultRule(command: command, kind: kind, rate: rate, remaining: remaining, after: after, spec: spec)
    }

    func matches(_ command: String) -> Bool { self.command == "*" || self.command == command }
}

/// A bad emulator setting, with the form it expects.
public struct SandboxConfigError: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}

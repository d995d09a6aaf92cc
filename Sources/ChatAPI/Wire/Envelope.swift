import Foundation

/// The fields every REST reply carries; the two required ones are optional here so that a reply
/// missing them can be reported as a protocol error naming the command instead of a decoding trace.
public struct Envelope: Codable, Equatable, Sendable {
    public var actionStatus: String?
    public var errorCode: Int?
    public var errorInfo: String?
    public var errorDisplay: String?
    public var requestId: String?

    public init(actionStatus: String? = "OK", errorCode: Int? = 0, errorInfo: String? = "",
                errorDisplay: String? = nil, requestId: String? = nil) {
        self.actionStatus = actionStatus
        self.errorCode = errorCode
        self.errorInfo = errorInfo
        self.errorDisplay = errorDisplay
        self.requestId = requestId
    }

    enum CodingKeys: String, CodingKey {
        case actionStatus = "ActionStatus", errorCode = "ErrorCode", errorInfo = "ErrorInfo"
        case errorDisplay = "ErrorDisplay", requestId = "RequestId"
    }

    /// True when the whole call succeeded.
    public var isOK: Bool { errorCode == 0 && actionStatus == "OK" }
}

/// A reply: the envelope and the command's own fields, read from and written to one JSON object.
public struct Reply<Payload: Codable & Sendable>: Codable, Sendable {
    public var envelope: Envelope
    public var payload: Payload

    public init(envelope: Envelope = Envelope(), payload: Payload) {
        self.envelope = envelope
        self.payload = payload
    }

    public init(from decoder: Decoder) throws {
        envelope = try Envelope(from: decoder)
        payload = try Payload(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        // JSONEncoder merges keyed containers requested twice from one encoder.
        try payload.encode(to: encoder)
        try envelope.encode(to: encoder)
    }
}

extension Reply: Equatable where Payload: Equatable {}

/// The payload of commands whose reply is the envelope alone.
public struct EmptyPayload: Codable, Equatable, Sendable {
    public init() {}
}

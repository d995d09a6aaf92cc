import ChatAPI
import Foundation

/// JSON as the emulator reads and writes it. It deliberately shares no type with ChatAPI, so a field-name
/// or shape mistake in the client shows up as an error here instead of being hidden by a common model.
enum Wire: Codable, Equatable, Sendable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([Wire]), object([String: Wire])
    /// JSON already written (a reply's items written straight to bytes); only ever in replies, never in state.
    case raw([UInt8])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        // JSONDecoder is strict: true/false never decode as numbers, 1 never as a Bool.
        if let v = try? c.decode(Bool.self) { self = .bool(v); return }
        if let v = try? c.decode(Int64.self) { self = .int(v); return }
        if let v = try? c.decode(Double.self) { self = .double(v); return }
        if let v = try? c.decode(String.self) { self = .string(v); return }
        if let v = try? c.decode([Wire].self) { self = .array(v); return }
        self = .object(try c.decode([String: Wire].self))
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let v): try c.encode(v)
        case .int(let v): try c.encode(v)
        case .double(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        case .array(let v): try c.encode(v)
        case .object(let v): try c.encode(v)
        case .raw(let bytes): try c.encode((try? JSONParser.node(Data(bytes))).map(Wire.init) ?? .null)
        }
    }

    /// Parses a request body; nil when it is not a JSON object (the service answers 60003). The bytes are read by
    /// ChatAPI's generic JSON reader (it knows no field names, so no client model is shared) and turned into Wire:
    /// JSONDecoder here was a large part of the emulator's CPU.
    static func object(from data: Data) -> [String: Wire]? {
        guard case .object(let o)? = try? JSONParser.node(data) else { return nil }
        return Dictionary(o.map { ($0.key, Wire($0.value)) }, uniquingKeysWith: { $1 })
    }

    init(_ json: JSONNode) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let n): self = .int(n)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(Wire.init))
        case .object(let o): self = .object(Dictionary(o.map { ($0.key, Wire($0.value)) }, uniquingKeysWith: { $1 }))
        }
    }

    var stringList: [String]? {
        guard case .array(let a) = self else { return nil }
        var out: [String] = []
        for v in a { guard case .string(let s) = v else { return nil }; out.append(s) }
        return out
    }
}

extension Wire: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(arrayLiteral elements: Wire...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, Wire)...) { self = .object(Dictionary(elements, uniquingKeysWith: { $1 })) }
    static func strings(_ s: [String]) -> Wire { .array(s.map(Wire.string)) }
}

/// A request body with typed accessors that fail the way the service does (30001, naming the field).
struct Body: Sendable {
    let fields: [String: Wire]

    func has(_ key: String) -> Bool { fields[key] != nil }

    func string(_ key: String) throws(SandboxFault) -> String {
        guard case .string(let s)? = fields[key] else { throw .call(30001, "Err_SNS_Param_Invalid: \(key) is missing or not a string") }
        return s
    }

    func optionalString(_ key: String) -> String? {
        if case .string(let s)? = fields[key] { return s } else { return nil }
    }

    func int(_ key: String) throws(SandboxFault) -> Int64? {
        switch fields[key] {
        case nil: return nil
        case .int(let n)?: return n
        default: throw .call(30001, "Err_SNS_Param_Invalid: \(key) must be an integer")
        }
    }

    func strings(_ key: String) throws(SandboxFault) -> [String] {
        guard let s = fields[key]?.stringList else {
            throw .call(30001, "Err_SNS_Param_Invalid: \(key) is missing or not an array of strings")
        }
        return s
    }

    func optionalStrings(_ key: String) throws(SandboxFault) -> [String]? {
        fields[key] == nil ? nil : try strings(key)
    }

    func objects(_ key: String) throws(SandboxFault) -> [Body] {
        guard case .array(let a)? = fields[key] else { throw .call(30001, "Err_SNS_Param_Invalid: \(key) is missing or not an array") }
        var out: [Body] = []
        for item in a {
            guard case .object(let o) = item else { throw .call(30001, "Err_SNS_Param_Invalid: \(key) holds a non-object") }
            out.append(Body(fields: o))
        }
        return out
    }
}

/// An outcome the emulator answers with instead of a success.
enum SandboxFault: Error, Equatable {
    /// The whole call fails with this code and ErrorInfo.
    case call(Int, String)
}

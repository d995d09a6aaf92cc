import Foundation

/// A parsed JSON value as the reader builds it: objects keep their members in order in an array (no hash table
/// per object: a friend_get page has hundreds of small objects), converted to `JSONValue` when asked.
public enum JSONNode: Sendable {
    case null, bool(Bool), integer(Int64), double(Double), string(String), array([JSONNode])
    case object([(key: String, value: JSONNode)])

    /// As a `JSONValue` (a repeated key keeps its last value, as JSONDecoder does).
    public var value: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .integer(let n): .integer(n)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .array(let a): .array(a.map(\.value))
        case .object(let members): .object(Dictionary(members.map { ($0.key, $0.value.value) }, uniquingKeysWith: { $1 }))
        }
    }

    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let n): self = .integer(n)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JSONNode.init))
        case .object(let o): self = .object(o.map { (key: $0.key, value: JSONNode($0.value)) })
        }
    }
}

/// A JSON reader over bytes into `JSONNode`, for the replies read most (friend_get pages, portrait_get and
/// friend_get_list batches): Foundation's JSONDecoder spent most of a cold open's client CPU on them. Strict like
/// JSONDecoder (RFC 8259: no trailing commas, no control characters in strings, one value), with a depth limit
/// so a hostile reply cannot exhaust the stack.
public struct JSONParser {
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    static let maxDepth = 256
    /// The reply's bytes, read in place (no copy of a page per parse).
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    public static func parse(_ data: Data) throws(Failure) -> JSONValue { try node(data).value }

    /// The parsed tree, without building dictionaries.
    public static func node(_ data: Data) throws(Failure) -> JSONNode {
        let result: Result<JSONNode, Failure> = data.withUnsafeBytes { raw in
            var p = JSONParser(raw.bindMemory(to: UInt8.self))
            do {
                p.skipSpace()
                let value = try p.value(depth: 0)
                p.skipSpace()
                guard p.i == p.bytes.count else { throw p.fail("trailing characters") }
                return .success(value)
            } catch let failure as Failure { return .failure(failure) } catch { return .failure(Failure(offset: 0, reason: "\(error)")) }
        }
        return try result.get()
    }

    func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func value(depth: Int) throws(Failure) -> JSONNode {
        guard depth < Self.maxDepth else { throw fail("nested too deep") }
        guard i < bytes.count else { throw fail("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character")
        }
    }

    mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard i + expected.count <= bytes.count, bytes[i..<(i + expected.count)].elementsEqual(expected) else { throw fail("unexpected character") }
        i += expected.count
    }

    mutating func object(depth: Int) throws(Failure) -> JSONNode {
        var out: [(key: String, value: JSONNode)] = []
        try items(close: UInt8(ascii: "}")) { (p: inout JSONParser) throws(Failure) in
            guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "\"") else { throw p.fail("expected a key") }
            let key = try p.string()
            try p.colon()
            out.append((key, try p.value(depth: depth + 1)))
        }
        return .object(out)
    }

    mutating func array(depth: Int) throws(Failure) -> JSONNode {
        var out: [JSONNode] = []
        try items(close: UInt8(ascii: "]")) { (p: inout JSONParser) throws(Failure) in out.append(try p.value(depth: depth + 1)) }
        return .array(out)
    }

    /// The items of the object or array whose opening byte is at `i`, up to `close`: commas between them,
    /// whitespace anywhere. The one loop of both readings (the tree above, `JSONParser+Pull`).
    mutating func items(close: UInt8, _ item: (inout JSONParser) throws(Failure) -> Void) throws(Failure) {
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == close { i += 1; return }
        while true {
            skipSpace()
            try item(&self)
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == close { i += 1; return }
            throw fail(close == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'")
        }
    }

    /// The colon after a member's key, with the whitespace around it.
    mutating func colon() throws(Failure) {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
        i += 1
        skipSpace()
    }

    mutating func string() throws(Failure) -> String {
        i += 1
        let start = i
        var high: UInt8 = 0
        // The common case: no escapes, one copy of the bytes. String(validating:) went through the unspecialised
        // generic validator (with a metadata lookup) per string, a third of the parse; String(decoding:) on a
        // buffer is specialised, and a string with bytes over 0x7F is checked by comparing it with its bytes
        // (invalid UTF-8 comes back repaired, so different).
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let s = String(decoding: raw, as: UTF8.self)
                if high & 0x80 != 0 { guard s.utf8.elementsEqual(raw) else { throw fail("invalid UTF-8") } }
                i += 1
                return s
            }
            high |= b
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in a string") }
            i += 1
        }
        var out = [UInt8](bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                let s = String(decoding: out, as: UTF8.self)
                guard s.utf8.elementsEqual(out) else { throw fail("invalid UTF-8") }
                return s
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { throw fail("unexpected end") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        // A surrogate pair; a lone half is replaced, as JSONDecoder's lenient peers do not.
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate") }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("lone surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw fail("lone surrogate")
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(code)!).utf8))
                default: throw fail("invalid escape")
                }
            default:
                if b < 0x20 { throw fail("control character in a string") }
                out.append(b)
                i += 1
            }
        }
        throw fail("unterminated string")
    }

    mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("unexpected end") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32 = switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func number() throws(Failure) -> JSONNode {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw fail("invalid number") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 } }
        var integral = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw fail("invalid number") }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw fail("invalid number") }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let n = Int64(text) { return .integer(n) }
        guard let d = Double(text) else { throw fail("invalid number") }
        // As JSONDecoder reads JSONValue: a whole number written as 1e3 or 1.0 is an integer when it fits.
        if d.rounded() == d, abs(d) < 9.2e18, let n = Int64(exactly: d) { return .integer(n) }
        return .double(d)
    }
}

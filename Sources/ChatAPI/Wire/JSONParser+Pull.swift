import Foundation

/// Reading values one at a time straight from the bytes, for `JSONStreamDecodable`: no `JSONNode` tree is built
/// and torn down per reply, which was half of decoding a friend_get page. The grammar is `JSONParser`'s own (the
/// same lexing functions); anything unusual (an escaped key, a value of another type) is a `Failure`, and the caller
/// then reads the reply again through the tree for the exact verdict.
extension JSONParser {
    /// Runs `body` over the one JSON value in `data`, then checks nothing follows it.
    static func pull<T>(_ data: Data, _ body: (inout JSONParser) throws(Failure) -> T) throws(Failure) -> T {
        let result: Result<T, Failure> = data.withUnsafeBytes { raw in
            var p = JSONParser(raw.bindMemory(to: UInt8.self))
            do throws(Failure) {
                p.skipSpace()
                let value = try body(&p)
                p.skipSpace()
                guard p.i == p.bytes.count else { throw p.fail("trailing characters") }
                return .success(value)
            } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Whether the next value is `null` (consumed if so).
    mutating func takeNull() throws(Failure) -> Bool {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// An object's members in order; `body` gets each key's bytes and must read its value.
    mutating func members(depth: Int, _ body: (inout JSONParser, UnsafeBufferPointer<UInt8>) throws(Failure) -> Void) throws(Failure) {
        guard depth < Self.maxDepth else { throw fail("nested too deep") }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw fail("expected an object") }
        try items(close: UInt8(ascii: "}")) { (p: inout JSONParser) throws(Failure) in
            let key = try p.rawKey()
            try p.colon()
            try body(&p, key)
        }
    }

    /// An array's elements, each read by `body`.
    mutating func elements(depth: Int, _ body: (inout JSONParser) throws(Failure) -> Void) throws(Failure) {
        guard depth < Self.maxDepth else { throw fail("nested too deep") }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { throw fail("expected a list") }
        try items(close: UInt8(ascii: "]"), body)
    }

    /// A key's bytes in place. An escaped key could spell a known one: the tree reading decides those.
    private mutating func rawKey() throws(Failure) -> UnsafeBufferPointer<UInt8> {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
        let start = i + 1
        var j = start, high: UInt8 = 0
        while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
            let b = bytes[j]
            if b == UInt8(ascii: "\\") || b < 0x20 { throw fail("escaped key") }
            high |= b
            j += 1
        }
        guard j < bytes.count else { throw fail("unterminated string") }
        let key = UnsafeBufferPointer(rebasing: bytes[start..<j])
        if high & 0x80 != 0 { guard String(decoding: key, as: UTF8.self).utf8.elementsEqual(key) else { throw fail("invalid UTF-8") } }
        i = j + 1
        return key
    }

    /// Reads and drops one value (still checked, as the tree reading would).
    mutating func skipValue(depth: Int) throws(Failure) { _ = try value(depth: depth) }

    /// A string or null (nil); another type fails.
    mutating func optionalString() throws(Failure) -> String? {
        if try takeNull() { return nil }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        return try string()
    }

    mutating func requiredString() throws(Failure) -> String {
        guard let s = try optionalString() else { throw fail("expected a string") }
        return s
    }

    /// An integer (or a whole number written otherwise) or null, as `JSONFields.optionalInt64` reads it.
    mutating func optionalInt64() throws(Failure) -> Int64? {
        if try takeNull() { return nil }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else {
            throw fail("expected an integer")
        }
        switch try number() {
        case .integer(let n): return n
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        default: throw fail("expected an integer")
        }
    }

    mutating func optionalInt() throws(Failure) -> Int? {
        guard let n = try optionalInt64() else { return nil }
        guard let v = Int(exactly: n) else { throw fail("expected an integer") }
        return v
    }

    /// A list or null; each element read by `element`.
    mutating func optionalList<T>(depth: Int, _ element: (inout JSONParser) throws(Failure) -> T) throws(Failure) -> [T]? {
        if try takeNull() { return nil }
        var out: [T] = []
        try elements(depth: depth) { (p: inout JSONParser) throws(Failure) in out.append(try element(&p)) }
        return out
    }

    mutating func optionalStrings(depth: Int) throws(Failure) -> [String]? {
        try optionalList(depth: depth) { (p: inout JSONParser) throws(Failure) in try p.requiredString() }
    }

    /// A tag's name; a well-known one is the same String for every friend instead of a heap copy each (the names
    /// are longer than a small string), which also makes comparing it with `FriendTag`'s constants quick.
    mutating func tagName() throws(Failure) -> String? {
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            var j = i + 1
            while j < bytes.count, bytes[j] >= 0x20, bytes[j] < 0x80, bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "\\") { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j])
                for known in Self.knownTags where known.bytes.count == raw.count && memcmp(known.bytes, raw.baseAddress!, raw.count) == 0 {
                    i = j + 1
                    return known.name
                }
            }
        }
        return try optionalString()
    }

    private static let knownTags: [(bytes: [UInt8], name: String)] =
        [FriendTag.remark, FriendTag.group, FriendTag.addSource, FriendTag.addTime, FriendTag.addWording, FriendTag.nick].map { (Array($0.utf8), $0) }

    /// A tag's value as `FriendValue(json:)` reads it: a list of strings without building nodes, anything odd
    /// through the tree.
    mutating func friendValue(depth: Int) throws(Failure) -> FriendValue {
        guard i < bytes.count else { throw fail("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            let start = i
            var strings: [String] = []
            var allStrings = true
            try elements(depth: depth) { (p: inout JSONParser) throws(Failure) in
                if allStrings, p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "\"") { strings.append(try p.string()) } else {
                    allStrings = false
                    try p.skipValue(depth: depth + 1)
                }
            }
            guard !allStrings else { return .strings(strings) }
            i = start
            return FriendValue(json: try value(depth: depth))
        default: return FriendValue(json: try value(depth: depth))
        }
    }
}

/// Whether a key's bytes spell `name`.
@inline(__always)
func keyIs(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
    // withUTF8Buffer, not utf8Start: the latter traps for a one-character literal.
    name.withUTF8Buffer { $0.count == key.count && ($0.isEmpty || memcmp(key.baseAddress!, $0.baseAddress!, key.count) == 0) }
}

import ChatAPI
import Foundation

/// Writes JSON straight into bytes. Foundation's JSONEncoder first builds a tree of every value, which for a
/// 10,000-friend list cost more memory than the list itself (about 38 MB at peak); this costs the output.
struct CompactJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                raw("\\u00")
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer<I: BinaryInteger>(_ i: I) { bytes.append(contentsOf: String(i).utf8) }

    /// A list of items separated by commas, each written by `item`.
    mutating func array<S: Sequence>(_ items: S, _ item: (inout CompactJSONWriter, S.Element) -> Void) {
        raw("[")
        var first = true
        for x in items {
            if !first { raw(",") }
            first = false
            item(&self, x)
        }
        raw("]")
    }

    /// A tag value as the API sends it; values ContactDesk does not model go through JSONEncoder (they are rare and small).
    mutating func value(_ v: FriendValue) {
        switch v {
        case .string(let s): string(s)
        case .strings(let a): array(a) { $0.string($1) }
        case .integer(let i): integer(i)
        case .other(let j): bytes.append(contentsOf: (try? JSONEncoder().encode(j)) ?? Data("null".utf8))
        }
    }
}

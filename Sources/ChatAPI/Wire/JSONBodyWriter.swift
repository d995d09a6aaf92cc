import Foundation

/// A request body written straight to bytes, for the requests sent by the dozen per list (friend_get pages,
/// portrait_get and friend_get_list batches): JSONEncoder's boxing and key containers cost more per call than the
/// body is long. Other requests still go through JSONEncoder. Nil optionals are left out, as JSONEncoder does.
protocol JSONBodyWritable {
    func writeJSON(_ w: inout JSONBodyWriter)
}

extension JSONBodyWritable {
    var jsonBody: Data {
        var w = JSONBodyWriter()
        writeJSON(&w)
        return Data(w.bytes)
    }
}

/// One flat JSON object, member by member.
struct JSONBodyWriter {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    init() { bytes.reserveCapacity(256) }

    private mutating func key(_ name: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes += [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }

    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, _ value: Int64?) {
        guard let value else { return }
        key(name)
        bytes += String(value).utf8
    }

    mutating func member(_ name: StaticString, _ values: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Ends the object; the body is `bytes`.
    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// Quotes, backslashes and control characters escaped (RFC 8259), the rest as UTF-8.
    private mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), b]
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                bytes += Array(#"\u00"#.utf8) + [digits[Int(b >> 4)], digits[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension FriendGetRequest: JSONBodyWritable {
    func writeJSON(_ w: inout JSONBodyWriter) {
        w.member("From_Account", fromAccount)
        w.member("StartIndex", Int64(startIndex))
        w.member("StandardSequence", standardSequence)
        w.member("CustomSequence", customSequence)
        w.close()
    }
}

extension PortraitGetRequest: JSONBodyWritable {
    func writeJSON(_ w: inout JSONBodyWriter) {
        w.member("To_Account", toAccount)
        w.member("TagList", tagList)
        w.close()
    }
}

extension FriendGetListRequest: JSONBodyWritable {
    func writeJSON(_ w: inout JSONBodyWriter) {
        w.member("From_Account", fromAccount)
        w.member("To_Account", toAccount)
        w.member("TagList", tagList)
        w.close()
    }
}

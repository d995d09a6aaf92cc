import Foundation

/// JSON decoders keep one of two equal keys without a word, so a file with `"to": "VIP", …, "to": ""` would
/// be read differently by a person and by `apply`. This scan finds such keys before the file is decoded.
enum DuplicateKeys {
    /// The first key that appears twice in one object, with the object's path ("entries[3]"), if any.
    static func first(in data: Data) -> (key: String, path: String)? {
        struct Level { var isObject: Bool; var expectingKey: Bool; var keys: Set<String>; var name: String; var index: Int }
        var stack: [Level] = []
        var lastKey = ""
        let bytes = [UInt8](data)
        var i = 0
        func path() -> String {
            stack.dropFirst().map { $0.name }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = b == UInt8(ascii: "{")
                var name = lastKey
                if let top = stack.last, !top.isObject { name = "[\(top.index)]" }
                stack.append(Level(isObject: isObject, expectingKey: isObject, keys: [], name: name, index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if stack.last?.isObject == true { stack[stack.count - 1].expectingKey = true } else if !stack.isEmpty { stack[stack.count - 1].index += 1 }
            case UInt8(ascii: "\""):
                // The whole string literal, escapes included, decoded as JSON so \u0074o and to are one key.
                var j = i + 1
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                let literal = Data(bytes[i...min(j, bytes.count - 1)])
                if stack.last?.isObject == true, stack[stack.count - 1].expectingKey {
                    let key = (try? JSONDecoder().decode(String.self, from: literal)) ?? String(decoding: literal, as: UTF8.self)
                    if stack[stack.count - 1].keys.contains(key) { return (key, path()) }
                    stack[stack.count - 1].keys.insert(key)
                    stack[stack.count - 1].expectingKey = false
                    lastKey = key
                }
                i = j
            default: break
            }
            i += 1
        }
        return nil
    }
}

import CZlib
import Foundation

/// zlib compression for UserSigs; the only file that imports CZlib.
enum Zlib {
    /// A zlib call that returned something other than Z_OK.
    struct Failure: Error, Equatable { let code: Int32 }

    /// zlib-wrapped deflate of `data`.
    static func compress(_ data: Data) throws -> Data {
        var capacity = UInt(compressBound(UInt(data.count)))
        var out = [UInt8](repeating: 0, count: Int(capacity))
        let rc = data.withUnsafeBytes { src in
            cd_zlib_compress(&out, &capacity, src.bindMemory(to: UInt8.self).baseAddress, UInt(data.count))
        }
        guard rc == Z_OK else { throw Failure(code: rc) }
        return Data(out.prefix(Int(capacity)))
    }

    /// Inflates zlib data whose size is unknown, growing the buffer up to `limit` bytes.
    static func decompress(_ data: Data, limit: Int = 1 << 20) throws -> Data {
        var capacity = max(1024, data.count * 8)
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            var length = UInt(capacity)
            let rc = data.withUnsafeBytes { src in
                cd_zlib_uncompress(&out, &length, src.bindMemory(to: UInt8.self).baseAddress, UInt(data.count))
            }
            if rc == Z_OK { return Data(out.prefix(Int(length))) }
            // Z_BUF_ERROR means the buffer was too small (or the input truncated): grow once more, then give up.
            guard rc == Z_BUF_ERROR, capacity < limit else { throw Failure(code: rc) }
            capacity = min(limit, capacity * 4)
        }
    }
}

import ContactDeskStrings
import Foundation
import Synchronization

/// The one redaction step, run by `ServerText.visible` (so by every screen, standard output and error, and the
/// log file) and by the audit log: the app's key, the UserSigs this process used, any text that decodes as a
/// UserSig and every `usersig=` query value become `<secret key>` or `<UserSig>`. A service that quotes the
/// request URL in its ErrorInfo, or a 502 page that does, can then never put a secret on a screen or in a file.
public enum Redactor {
    public static let keyPlaceholder = "<secret key>"
    public static let userSigPlaceholder = "<UserSig>"

    /// Secrets known to this process, longest first, with their placeholders.
    private static let known = Mutex<[(text: String, placeholder: String)]>([])
    /// The run of secret characters that sends a text down the slow path: 24, or the shortest known secret.
    private static let threshold = Atomic<Int>(24)
    /// UserSigs kept for redaction: the current one and a few before it (renewals add more).
    private static let keptUserSigs = 16

    /// Remembers the app's key (from the environment, a key file or the demo).
    public static func register(key: String) { add(key, keyPlaceholder) }

    /// Remembers a UserSig about to be used.
    public static func register(userSig: String) { add(userSig, userSigPlaceholder) }

    private static func add(_ text: String, _ placeholder: String) {
        // A very short "secret" would blank ordinary words; such a key fails at the service anyway.
        guard text.utf8.count >= 8 else { return }
        known.withLock { list in
            guard !list.contains(where: { $0.text == text }) else { return }
            list.append((text, placeholder))
            // A secret with other characters than a key's or UserSig's cannot be spotted by runs: check every text.
            let odd = list.contains { !$0.text.utf8.allSatisfy(isTokenByte) }
            threshold.store(odd ? 1 : min(24, list.map(\.text.utf8.count).min() ?? 24), ordering: .relaxed)
            let sigs = list.indices.filter { list[$0].placeholder == userSigPlaceholder }
            if sigs.count > keptUserSigs { list.remove(at: sigs[0]) }
            list.sort { $0.text.utf8.count > $1.text.utf8.count }
        }
    }

    /// `text` with every secret in it replaced. Fast for ordinary text: only a run of 24 or more characters a
    /// key, UserSig or URL can hold, or a `usersig=`, sends it down the slow path.
    public static func redact(_ text: String) -> String {
        guard mayHoldSecret(text) else { return text }
        var out = text
        for (secret, placeholder) in known.withLock({ $0 }) where out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: placeholder)
        }
        out = redactQueryValues(out)
        return redactDecodableUserSigs(out)
    }

    /// Whether `value` is a secret in itself: a key this process knows, or text that decodes as a UserSig.
    public static func isSecret(_ value: String) -> Bool {
        let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard v.utf8.count >= 8 else { return false }
        if known.withLock({ $0.contains { $0.text == v } }) { return true }
        return (try? UserSig.decode(v)) != nil
    }

    static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == 0x2A || b == 0x2D || b == 0x5F || b == 0x2B || b == 0x2F || b == 0x3D || b == 0x25
    }

    static func mayHoldSecret(_ text: String) -> Bool {
        var run = 0
        var sawEquals = false
        let long = threshold.load(ordering: .relaxed)
        for b in text.utf8 {
            if isTokenByte(b) { run += 1; if run >= long { return true } } else { run = 0 }
            if b == 0x3D { sawEquals = true }
        }
        return sawEquals && text.range(of: "usersig=", options: .caseInsensitive) != nil
    }

    /// `usersig=VALUE` (any case) up to the next `&`, quote, space or end.
    private static func redactQueryValues(_ text: String) -> String {
        guard text.range(of: "usersig=", options: .caseInsensitive) != nil else { return text }
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: "usersig=", options: .caseInsensitive) {
            out += rest[..<r.upperBound]
            let value = rest[r.upperBound...]
            let end = value.firstIndex { $0 == "&" || $0 == "\"" || $0 == "'" || $0 == " " || $0 == "<" || $0.isNewline } ?? value.endIndex
            if end > value.startIndex, value[value.startIndex..<end] != userSigPlaceholder { out += userSigPlaceholder }
            rest = value[end...]
        }
        return out + rest
    }

    /// Runs of UserSig characters that decode as one (also percent-encoded).
    private static func redactDecodableUserSigs(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            guard isTokenByte(bytes[i]) else { out.append(bytes[i]); i += 1; continue }
            var j = i
            while j < bytes.count, isTokenByte(bytes[j]) { j += 1 }
            if j - i >= 24, looksLikeUserSig(String(decoding: bytes[i..<j], as: UTF8.self)) {
                out += Array(userSigPlaceholder.utf8)
                changed = true
            } else {
                out += bytes[i..<j]
            }
            i = j
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    private static func looksLikeUserSig(_ run: String) -> Bool {
        if (try? UserSig.decode(run)) != nil { return true }
        if run.contains("%"), let plain = run.removingPercentEncoding, (try? UserSig.decode(plain)) != nil { return true }
        return false
    }
}

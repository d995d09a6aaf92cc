/// One unit of input as the terminal library hands it over: a character code, or a key it already decoded
/// from its terminfo entry.
public enum RawInput: Equatable, Sendable {
    case scalar(UInt32)
    case key(Key)
}

/// Turns raw input into keys, decoding the escape sequences terminals send whatever TERM claims.
///
/// ncurses decodes only the sequences its terminfo entry names: under tmux or PuTTY with TERM=xterm-256color,
/// Home arrives as `ESC[1~` where the entry says `ESC OH`, and would read as Alt-[ then `1~`. So every common
/// encoding of Home, End, Insert, Delete, PgUp/PgDn, the arrows and F1–F12 is decoded here (modifiers such as
/// `;5` are ignored), an unknown sequence is dropped rather than typed, and Esc followed by a character is Alt.
public enum KeyDecoder {
    static let esc: UInt32 = 27

    /// Decodes `input`. An escape sequence cut off at the end is returned in `pending` to be completed by the next
    /// read, unless `final`, when it is decoded as far as it goes (a lone Esc is Escape).
    public static func decode(_ input: [RawInput], final: Bool) -> (keys: [Key], pending: [RawInput]) {
        var keys: [Key] = []
        var i = 0
        while i < input.count {
            switch input[i] {
            case .key(let k):
                keys.append(k)
                i += 1
            case .scalar(let s) where s != esc:
                if let k = character(s) { keys.append(k) }
                i += 1
            case .scalar:
                switch escape(input, from: i, final: final) {
                case .incomplete: return (keys, Array(input[i...]))
                case .done(let key, let used):
                    if let key { keys.append(key) }
                    i += used
                }
            }
        }
        return (keys, [])
    }

    enum Step { case incomplete, done(Key?, used: Int) }

    /// Decodes what follows an Esc at `start`.
    static func escape(_ input: [RawInput], from start: Int, final: Bool) -> Step {
        func scalar(_ j: Int) -> UInt32? {
            guard j < input.count, case .scalar(let s) = input[j] else { return nil }
            return s
        }
        guard start + 1 < input.count else { return final ? .done(.escape, used: 1) : .incomplete }
        guard let next = scalar(start + 1) else { return .done(.escape, used: 1) }  // Esc, then a decoded key
        switch next {
        case 0x5B:  // "[": CSI
            // The Linux console's F1–F5: ESC [ [ A … E.
            if scalar(start + 2) == 0x5B {
                guard let c = scalar(start + 3) else { return final ? .done(.alt("["), used: 2) : .incomplete }
                return .done((0x41...0x45).contains(c) ? .function(Int(c) - 0x40) : nil, used: 4)
            }
            var j = start + 2
            var params = ""
            while let c = scalar(j), (0x20...0x3F).contains(c) {
                params.unicodeScalars.append(Unicode.Scalar(c)!)
                j += 1
            }
            guard let final_ = scalar(j) else {
                if j < input.count { return .done(.alt("["), used: 2) }  // a decoded key interrupts: not a sequence
                return final ? .done(.alt("["), used: 2) : .incomplete
            }
            guard (0x40...0x7E).contains(final_) else { return .done(.alt("["), used: 2) }
            return .done(csi(params, Character(Unicode.Scalar(final_)!)), used: j - start + 1)
        case 0x4F:  // "O": SS3
            guard let c = scalar(start + 2) else {
                if start + 2 < input.count { return .done(.alt("O"), used: 2) }
                return final ? .done(.alt("O"), used: 2) : .incomplete
            }
            return .done(ss3(Character(Unicode.Scalar(c) ?? " ")), used: 3)
        case esc:
            return .done(.escape, used: 1)
        default:
            if next >= 32 && next != 127, let u = Unicode.Scalar(next) { return .done(.alt(Character(u)), used: 2) }
            return .done(.escape, used: 1)
        }
    }

    /// A CSI sequence: `ESC [ params final`.
    static func csi(_ params: String, _ final: Character) -> Key? {
        let first = params.split(separator: ";").first.flatMap { Int($0) }
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P", "Q", "R", "S": return .function(Int(final.asciiValue! - 0x4F))
        case "~":
            switch first {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case let n? where (11...15).contains(n): return .function(n - 10)
            case let n? where (17...21).contains(n): return .function(n - 11)
            case 23: return .function(11)
            case 24: return .function(12)
            default: return nil
            }
        default: return nil
        }
    }

    /// An SS3 sequence: `ESC O final` (application cursor keys, xterm's Home/End, VT100 F1–F4).
    static func ss3(_ c: Character) -> Key? {
        switch c {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        case "M": .enter
        case "P": .function(1)
        case "Q": .function(2)
        case "R": .function(3)
        case "S": .function(4)
        default: nil
        }
    }

    /// A plain character code: controls become their keys, the rest is typed.
    public static func character(_ ch: UInt32) -> Key? {
        switch ch {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        case 0, 27...31: return nil
        // C1 controls never reach a field.
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(ch).map { .char(Character($0)) }
        }
    }
}

/// A colour as a theme names it.
public enum ThemeColor: Equatable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 indexed colours (0–7 are the eight basic ones).
    case index(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `#rrggbb`, `0`–`255`, one of the eight names or `default`; nil otherwise.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" { self = .terminalDefault; return }
        if let i = ThemeColor.names.firstIndex(of: t) { self = .index(i); return }
        if let n = Int(t), (0...255).contains(n) { self = .index(n); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)); return
        }
        return nil
    }

    /// The colour a terminal with this many colours can show: -1 for the default, else a colour number.
    /// Direct-colour terminals (2^24 colours) take 0xRRGGBB; 256-colour ones the nearest cube or grey entry;
    /// 8/16-colour ones the nearest basic colour.
    public func number(forColors colors: Int) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .index(let i):
            // A direct-colour entry reads numbers from 8 up as 0xRRGGBB: an indexed colour is sent as its RGB value.
            if i < 8 || (i < colors && colors <= 256) { return i }
            return ThemeColor.rgb(of: i).map { ThemeColor.rgb($0.0, $0.1, $0.2).number(forColors: colors) } ?? -1
        case .rgb(let r, let g, let b):
            // 0–7 are the ANSI slots even there: the darkest blues step up to 8, which is still near black.
            if colors >= 0x1000000 { return max(8, Int(r) << 16 | Int(g) << 8 | Int(b)) }
            if colors >= 256 { return ThemeColor.nearest256(r, g, b) }
            if colors >= 8 { return ThemeColor.nearest8(r, g, b) }
            return -1
        }
    }

    static func nearest8(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        // Each channel on or off at half brightness: the eight basic colours are the corners of the RGB cube.
        (r >= 128 ? 1 : 0) | (g >= 128 ? 2 : 0) | (b >= 128 ? 4 : 0)
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func step(_ v: UInt8) -> Int { levels.indices.min { abs(levels[$0] - Int(v)) < abs(levels[$1] - Int(v)) }! }
        let (ri, gi, bi) = (step(r), step(g), step(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeError = [(levels[ri], Int(r)), (levels[gi], Int(g)), (levels[bi], Int(b))].reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let avg = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = max(0, min(23, (avg - 8 + 5) / 10))
        let grey = 8 + 10 * greyIndex
        let greyError = [Int(r), Int(g), Int(b)].reduce(0) { $0 + (grey - $1) * (grey - $1) }
        return greyError < cubeError ? 232 + greyIndex : cube
    }

    /// The RGB value of an indexed colour above 7, for down-sampling.
    static func rgb(of index: Int) -> (UInt8, UInt8, UInt8)? {
        switch index {
        case 8..<16:
            let base = index - 8
            return (base & 1 != 0 ? 255 : 128, base & 2 != 0 ? 255 : 128, base & 4 != 0 ? 255 : 128)
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
        case 232..<256:
            let v = UInt8(8 + 10 * (index - 232))
            return (v, v, v)
        default: return nil
        }
    }
}

/// Text attributes a terminal can show without colour.
public enum TextAttribute: String, CaseIterable, Sendable {
    case bold, underline, reverse, dim
}

/// A one-line text field with readline keys; the cursor counts grapheme clusters, so CJK and emoji move whole.
public struct TextField: Equatable, Sendable {
    public private(set) var text: [Character]
    /// Insertion point, 0...text.count.
    public private(set) var cursor: Int
    /// The last text cut by Ctrl-K/U/W, for Ctrl-Y.
    public private(set) var killed: [Character] = []

    public init(_ text: String = "") {
        self.text = Array(text)
        cursor = self.text.count
    }

    public var string: String { String(text) }

    /// Applies an editing key; returns false for keys it does not use.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): text.insert(c, at: cursor); cursor += 1
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .backspace, .ctrl("h"):
            if cursor > 0 { text.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .ctrl("k"): killed = Array(text[cursor...]); text.removeSubrange(cursor...)
        case .ctrl("u"): killed = Array(text[..<cursor]); text.removeSubrange(..<cursor); cursor = 0
        case .ctrl("w"):
            let start = wordStart(before: cursor)
            killed = Array(text[start..<cursor])
            text.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("y"): text.insert(contentsOf: killed, at: cursor); cursor += killed.count
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        default: return false
        }
        return true
    }

    private func isWord(_ c: Character) -> Bool { !c.isWhitespace && !c.isPunctuation }

    private func wordStart(before i: Int) -> Int {
        var j = i
        while j > 0 && !isWord(text[j - 1]) { j -= 1 }
        while j > 0 && isWord(text[j - 1]) { j -= 1 }
        return j
    }

    private func wordEnd(after i: Int) -> Int {
        var j = i
        while j < text.count && !isWord(text[j]) { j += 1 }
        while j < text.count && isWord(text[j]) { j += 1 }
        return j
    }

    /// The text with the cursor shown as "|", for tests: "ab|c".
    public var marked: String { String(text[..<cursor]) + "|" + String(text[cursor...]) }

    /// The visible part for a field `width` columns wide, scrolled so the cursor shows, and the cursor's column.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        while DisplayWidth.of(String(text[start..<cursor])) > width - 1 { start += 1 }
        var shown = ""
        var used = 0
        for c in text[start...] {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            shown.append(c)
            used += w
        }
        return (shown, DisplayWidth.of(String(text[start..<cursor])))
    }
}

import ChatAPI
/// One screen cell: a grapheme (or nothing, for the right half of a wide one) and its role.
public struct Cell: Equatable, Sendable {
    /// The grapheme drawn here; empty for the second column of a wide character.
    public var text: String
    public var role: Role
}

/// A cell position for the terminal cursor.
public struct CursorPosition: Equatable, Sendable {
    public var x: Int, y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// A grid of styled cells that views draw into and the terminal paints. Widths are display columns.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor stands (a focused text field's insertion point); nil hides it.
    public var cursor: CursorPosition?

    public init(width: Int, height: Int, role: Role = .row) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(text: " ", role: role), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    // Keeping wide characters whole: writing a run of cells [from, to) on a row can only cut a wide character
    // at its two ends (inside the run every cell is written anyway), so only the ends are checked: the rest
    // is plain stores, which keeps a full repaint as cheap as before.

    /// Before a run starting at `from` is written: a right half there loses its left half.
    private mutating func openRun(_ from: Int, _ y: Int) {
        guard from > 0, from < width else { return }
        let i = y * width + from
        if cells[i].text.isEmpty { cells[i - 1].text = " " }
    }

    /// After a run ending before `to` was written: a right half left at `to` lost its left half.
    private mutating func closeRun(_ to: Int, _ y: Int) {
        guard to > 0, to < width else { return }
        let i = y * width + to
        if cells[i].text.isEmpty { cells[i].text = " " }
    }

    /// Paints `role` over a rectangle, clearing its text; any part off the canvas (or a negative size) is skipped.
    public mutating func fill(x: Int = 0, y: Int, width w: Int? = nil, height h: Int = 1, role: Role) {
        let w = w ?? width - x
        let rows = max(0, y)..<max(max(0, y), min(height, y + h))
        let columns = max(0, x)..<max(max(0, x), min(width, x + w))
        guard !columns.isEmpty else { return }
        let blank = Cell(text: " ", role: role)
        for yy in rows {
            openRun(columns.lowerBound, yy)
            for xx in columns { cells[yy * width + xx] = blank }
            closeRun(columns.upperBound, yy)
        }
    }

    /// Copies rows `from..<from+height` of `other` to (x, y), clipped to both canvases: how a view taller
    /// than its box is scrolled.
    public mutating func blit(_ other: Canvas, x: Int, y: Int, fromRow: Int, height h: Int) {
        let columns = max(0, x)..<max(max(0, x), min(width, x + other.width))
        guard !columns.isEmpty else { return }
        for row in 0..<max(0, h) {
            let source = fromRow + row, target = y + row
            guard source >= 0, source < other.height, target >= 0, target < height else { continue }
            openRun(columns.lowerBound, target)
            for xx in columns { cells[target * width + xx] = other[xx - x, source] }
            // A wide character of the sheet cut by the right edge would leave its left half alone.
            if let last = columns.last, other.width > last - x + 1, other[last - x + 1, source].text.isEmpty {
                cells[target * width + last].text = " "
            }
            closeRun(columns.upperBound, target)
        }
        if let c = other.cursor, c.y >= fromRow, c.y < fromRow + h, columns.contains(x + c.x) {
            cursor = CursorPosition(x: x + c.x, y: y + c.y - fromRow)
        }
    }

    /// Writes `text` at (x, y) clipped to `maxWidth` columns (and the canvas edge), never splitting a wide
    /// character; returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        var col = x
        var first: Int?
        for c in text {
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if col + w > x + limit { break }
            // A control character is drawn as its escape (`\x1b`), one ASCII cell a character, never sent as is.
            // Printable ASCII (most of a frame) needs no look at its scalars.
            let printableASCII = c.asciiValue.map { $0 >= 0x20 && $0 != 0x7F } ?? false
            if !printableASCII, let shown = DisplayWidth.visible(c) {
                for e in shown {
                    if col >= 0 {
                        if first == nil { first = col; openRun(col, y) }
                        cells[y * width + col] = Cell(text: String(e), role: role)
                    }
                    col += 1
                }
                continue
            }
            if col >= 0 {
                if first == nil { first = col; openRun(col, y) }
                cells[y * width + col] = Cell(text: String(c), role: role)
                if w == 2 { cells[y * width + col + 1] = Cell(text: "", role: role) }
            }
            col += w
        }
        if first != nil { closeRun(col, y) }
        return col - x
    }

    /// The text of each row, trailing spaces kept, for snapshots and tests.
    public var lines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }

    /// The rows joined with newlines and trailing spaces removed: a readable snapshot.
    public var snapshot: String {
        lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }
}

/// One screen cell: a grapheme (or nothing, for the right half of a wide one) and its role.
public struct Cell: Equatable, Sendable {
    /// The grapheme drawn here; empty for the second column of a wide character.
    public var text: String
    public var role: Role
}

/// A grid of styled cells that views draw into and the terminal paints. Widths are display columns.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, role: Role = .row) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(text: " ", role: role), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Before a cell is overwritten: a wide character it is half of loses its other half too, so a box
    /// drawn over CJK text never leaves a lone half that would shift the rest of the row.
    private mutating func breakWide(_ x: Int, _ y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].text.isEmpty, x > 0 { cells[i - 1].text = " " }
        breakRight(x, y)
    }

    /// The right half of a wide character whose left half is at (x, y) becomes a blank.
    private mutating func breakRight(_ x: Int, _ y: Int) {
        let i = y * width + x
        if x + 1 < width, cells[i + 1].text.isEmpty, !cells[i].text.isEmpty { cells[i + 1].text = " " }
    }

    /// Writes one cell, keeping wide characters whole.
    private mutating func place(_ x: Int, _ y: Int, _ cell: Cell) {
        breakWide(x, y)
        self[x, y] = cell
    }

    /// Paints `role` over a rectangle, clearing its text; any part off the canvas (or a negative size) is skipped.
    public mutating func fill(x: Int = 0, y: Int, width w: Int? = nil, height h: Int = 1, role: Role) {
        let w = w ?? width - x
        let rows = max(0, y)..<max(max(0, y), min(height, y + h))
        let columns = max(0, x)..<max(max(0, x), min(width, x + w))
        for yy in rows {
            for xx in columns { place(xx, yy, Cell(text: " ", role: role)) }
        }
    }

    /// Copies rows `from..<from+height` of `other` to (x, y), clipped to both canvases: how a view taller
    /// than its box is scrolled.
    public mutating func blit(_ other: Canvas, x: Int, y: Int, fromRow: Int, height h: Int) {
        for row in 0..<max(0, h) {
            let source = fromRow + row, target = y + row
            guard source >= 0, source < other.height, target >= 0, target < height else { continue }
            for column in 0..<other.width where x + column >= 0 && x + column < width {
                let cell = other[column, source]
                // A right half follows the left half just written: only what it covers on its right may need breaking.
                if cell.text.isEmpty { breakRight(x + column, target); self[x + column, target] = cell } else { place(x + column, target, cell) }
            }
        }
    }

    /// Writes `text` at (x, y) clipped to `maxWidth` columns (and the canvas edge), never splitting a wide
    /// character; returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        var col = x
        for c in text {
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if col + w > x + limit { break }
            if col >= 0 {
                if w == 2 { breakWide(col + 1, y) }
                place(col, y, Cell(text: c == "\t" ? " " : String(c), role: role))
                if w == 2 { self[col + 1, y] = Cell(text: "", role: role) }
            }
            col += w
        }
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

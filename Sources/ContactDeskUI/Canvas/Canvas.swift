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

    /// Paints `role` over a rectangle, clearing its text.
    public mutating func fill(x: Int = 0, y: Int, width w: Int? = nil, height h: Int = 1, role: Role) {
        let w = w ?? width - x
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) { self[xx, yy] = Cell(text: " ", role: role) }
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
                self[col, y] = Cell(text: c == "\t" ? " " : String(c), role: role)
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

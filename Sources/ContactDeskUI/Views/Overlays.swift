import ContactEditing
import ContactDeskStrings

/// Draws a bordered box centred on the screen and returns its inner origin and size.
/// A box smaller than its frame (a tiny terminal) still returns an inner area, of zero size, so callers need no checks.
func box(_ canvas: inout Canvas, width: Int, height: Int, title: String, role: Role) -> (x: Int, y: Int, w: Int, h: Int) {
    let w = max(0, min(width, canvas.width - 2)), h = max(0, min(height, canvas.height - 2))
    let x = (canvas.width - w) / 2, y = (canvas.height - h) / 2
    canvas.fill(x: x, y: y, width: w, height: h, role: role)
    guard w >= 2, h >= 2 else { return (x, y, 0, 0) }
    canvas.put(Glyphs.g("┌" + String(repeating: "─", count: w - 2) + "┐"), x: x, y: y, role: role)
    for yy in (y + 1)..<(y + h - 1) {
        canvas.put(Glyphs.g("│"), x: x, y: yy, role: role)
        canvas.put(Glyphs.g("│"), x: x + w - 1, y: yy, role: role)
    }
    canvas.put(Glyphs.g("└" + String(repeating: "─", count: w - 2) + "┘"), x: x, y: y + h - 1, role: role)
    canvas.put(" " + title + " ", x: x + 2, y: y, role: role, maxWidth: w - 4)
    return (x + 2, y + 1, max(0, w - 4), h - 2)
}

/// Writes paragraphs into a box's inner area, each wrapped to its width, and `footer` on its last row; text that
/// still does not fit ends in "…" on the last row it reaches.
func paragraphs(_ canvas: inout Canvas, _ inner: (x: Int, y: Int, w: Int, h: Int), _ items: [(String, Role)], footer: (String, Role)? = nil) {
    guard inner.w > 0, inner.h > 0 else { return }
    let rows = footer == nil ? inner.h : inner.h - 1
    var lines: [(String, Role)] = []
    for (i, (text, role)) in items.enumerated() {
        lines += (text.isEmpty ? [""] : TextWrap.lines(text, width: inner.w)).map { ($0, role) }
    }
    if lines.count > rows, rows > 0 {
        let rest = lines[(rows - 1)...].map(\.0).joined(separator: " ")
        lines = Array(lines.prefix(rows - 1)) + [(TextWrap.lines(rest, width: inner.w, maxLines: 1).first ?? "", lines[rows - 1].1)]
    }
    for (i, (line, role)) in lines.prefix(max(0, rows)).enumerated() { canvas.put(line, x: inner.x, y: inner.y + i, role: role, maxWidth: inner.w) }
    if let (text, role) = footer {
        canvas.put(DisplayWidth.truncate(text, to: inner.w), x: inner.x, y: inner.y + inner.h - 1, role: role, maxWidth: inner.w)
    }
}

/// Help generated from the live key map, per context.
enum HelpView {
    static func lines(_ keyMap: KeyMap) -> [String] {
        var out: [String] = []
        for context in KeyContext.allCases {
            let actions = ActionID.allCases.filter { $0.context == context && !keyMap.keys(for: $0).isEmpty }
            if actions.isEmpty { continue }
            out.append(context.heading)
            for a in actions { out.append("  " + DisplayWidth.pad(keyMap.label(for: a), to: 16) + a.summary) }
            out.append("")
        }
        out.append(UIText.helpKeysConfig.text)
        return out
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, scroll: Int) {
        // Lines wider than the box wrap, continuing under the description.
        let width = min(76, state.width - 2) - 4
        let text = lines(state.keyMap).flatMap { line -> [String] in
            guard width > 20, DisplayWidth.of(line) > width else { return [line] }
            let indent = line.hasPrefix("  ") ? 18 : 0
            let wrapped = TextWrap.lines(String(line.dropFirst(indent)), width: width - indent)
            return wrapped.enumerated().map { i, l in (i == 0 ? String(line.prefix(indent)) : String(repeating: " ", count: indent)) + l }
        }
        let inner = box(&canvas, width: 76, height: min(text.count + 2, state.height - 2),
                        title: UIText.helpTitle.text(["down": state.keyMap.first(.moveDown), "up": state.keyMap.first(.moveUp)]), role: .help)
        let start = min(scroll, max(0, text.count - inner.h))
        for (i, line) in text.dropFirst(start).prefix(inner.h).enumerated() {
            canvas.put(line, x: inner.x, y: inner.y + i, role: .help, maxWidth: inner.w)
        }
    }
}

/// The "open another account" prompt.
enum OpenAccountView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, input: String, error: String?, checking: Bool) {
        let inner = box(&canvas, width: 60, height: 7, title: UIText.openTitle.text, role: .dialog)
        canvas.put("UserID:", x: inner.x, y: inner.y, role: .formLabel)
        canvas.fill(x: inner.x + 8, y: inner.y, width: inner.w - 8, role: .formFieldFocused)
        let used = canvas.put(input, x: inner.x + 8, y: inner.y, role: .formFieldFocused, maxWidth: inner.w - 9)
        if !checking { canvas.cursor = CursorPosition(x: inner.x + 8 + used, y: inner.y) }
        if let error {
            for (i, line) in TextWrap.lines(error, width: inner.w, maxLines: 2).enumerated() {
                canvas.put(line, x: inner.x, y: inner.y + 2 + i, role: .formError, maxWidth: inner.w)
            }
        }
        if checking { canvas.put(UIText.openChecking.text, x: inner.x, y: inner.y + 2, role: .progress, maxWidth: inner.w) }
        canvas.put(UIText.openKeys.text(["accept": state.keyMap.label(for: .dialogAccept), "cancel": state.keyMap.label(for: .dialogCancel)]), x: inner.x, y: inner.y + 4, role: .dialog, maxWidth: inner.w)
    }
}

/// Shown instead of the list when the terminal is smaller than the layout needs.
enum TooSmallView {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let lines = [UIText.tooSmall.text(["width": state.width, "height": state.height]),
                     UIText.tooSmallNeeds.text(["width": AppState.minimumWidth, "height": AppState.minimumHeight]),
                     UIText.tooSmallHint.text(["key": state.keyMap.first(.quit)])]
        for (i, l) in lines.enumerated() {
            let y = max(0, state.height / 2 - 1) + i
            canvas.put(l, x: max(0, (state.width - DisplayWidth.of(l)) / 2), y: y, role: i == 0 ? .resultError : .row)
        }
    }
}

import CNCursesW
import ContactDeskUI
import Foundation
import ContactDeskStrings

/// The terminal as ncurses drives it: the only module that imports CNCursesW. It paints Canvases,
/// reads keys and reports resizes; everything it shows comes from ContactDeskUI.
public final class CursesTerminal: TerminalDevice, @unchecked Sendable {
    /// Colours the terminal reported (0 when it has none or colour is off).
    public private(set) var colors = 0
    private var pairs: [Role: (pair: Int32, attrs: attr_t)] = [:]
    private var ended = false
    private let ambiguousWide: Bool
    /// Lets another thread end a `readKeys` wait early (an effect finished).
    public let waker = Waker()

    /// What the launcher learns about TERM before curses starts: usable (perhaps through a stand-in entry, with a
    /// note for the status line), or not usable at all, with the reason.
    public enum TerminalCheck: Equatable, Sendable {
        case usable(note: String?)
        case unusable(String)
    }

    /// Checks TERM before `initscr`, which would print "Error opening terminal" and exit on a missing entry.
    /// A TERM without a terminfo entry here (xterm-kitty, alacritty, wezterm over SSH) runs on the first of
    /// xterm-256color, xterm and vt100 that exists (TERM is set to it for this process); an unset TERM or a
    /// terminal that cannot move the cursor (dumb) cannot show the screen at all.
    public static func checkTerminal() -> TerminalCheck {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let fix = ConfigText.terminalFix.text
        if term.isEmpty { return .unusable(ConfigText.terminalUnset.text(["fix": fix])) }
        switch cd_terminal_kind(term) {
        case 1: return .usable(note: nil)
        case 0:
            return .unusable(ConfigText.terminalNoCursor.text(["term": term, "fix": fix]))
        default: break
        }
        for fallback in ["xterm-256color", "xterm", "vt100"] where cd_terminal_kind(fallback) == 1 {
            setenv("TERM", fallback, 1)
            return .usable(note: ConfigText.terminalFallback.text(["term": term, "fallback": fallback]))
        }
        return .unusable(ConfigText.terminalNoEntry.text(["term": term]))
    }

    /// Makes the terminfo entry able to draw the colours the operator asked for (`--colors`, config, COLORTERM):
    /// 24-bit colour needs a direct-colour entry (xterm-direct), 256 an entry with 256; when TERM's own has fewer,
    /// TERM is set to one that has them, if it exists here. Returns a note for the status line when it does not.
    /// Before `initscr`; the palette itself is never redefined (no colour is re-initialised).
    public static func prepareColors(_ wanted: ColorDepth?) -> String? {
        guard let wanted, wanted != ColorDepth.none else { return nil }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let has = Int(cd_terminal_colors(term))
        // Fewer colours on a direct-colour entry: such an entry reads numbers from 8 up as RGB, so use an indexed one.
        if wanted != .direct && has >= 0x1000000 {
            if cd_terminal_colors("xterm-256color") >= 256 { setenv("TERM", "xterm-256color", 1) }
            return nil
        }
        if has >= wanted.colors || wanted == .eight { return nil }
        let entry = wanted == .direct ? "xterm-direct" : "xterm-256color"
        if cd_terminal_colors(entry) >= wanted.colors {
            setenv("TERM", entry, 1)
            return nil
        }
        let have = max(0, has)
        return ConfigText.colorsFallback.text(["wanted": wanted == .direct ? "24-bit" : "256", "term": term, "entry": entry,
                                               "colors": have >= 0x1000000 ? "24-bit" : "\(have)"])
    }

    /// Sets the locale, starts ncurses in raw mode with a short Esc delay, no mouse, colours as available.
    /// `useColor` false (NO_COLOR, a monochrome theme) draws with attributes only; `depth` caps the colours
    /// used (`--colors 8` on a 256-colour terminal); the terminal's default background is kept.
    /// `ambiguousWide` draws East Asian ambiguous characters as one-cell stand-ins (see AmbiguousWidth).
    public init(theme: Theme, useColor: Bool, ambiguousWide: Bool = false, depth: ColorDepth? = nil) {
        self.ambiguousWide = ambiguousWide
        cd_setlocale_from_environment()
        // Under a C or POSIX locale ncursesw would print every non-ASCII character as an escape: insist on UTF-8.
        let ctype = String(cString: cd_current_ctype()).uppercased()
        if !(ctype.contains("UTF-8") || ctype.contains("UTF8")) { _ = cd_set_ctype("C.UTF-8") }
        initscr()
        raw()
        noecho()
        nonl()
        keypad(cd_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        cd_mouse_off()
        if useColor && has_colors() && depth != ColorDepth.none {
            start_color()
            use_default_colors()
            colors = min(Int(cd_colors()), depth?.colors ?? Int.max)
        }
        applyTheme(theme)
    }

    deinit { end() }

    /// Ends a `readKeys` wait from another thread (the only member used off the loop's thread).
    public func wake() { waker.wake() }

    /// Restores the terminal; safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
    }

    /// OSC 52 to the terminal, between frames (ncurses has flushed its own output by then): a terminal that
    /// allows it, or tmux with `set-clipboard on`, puts the text on the clipboard.
    /// False where the terminal cannot take it: the Linux console would print the sequence as text.
    public func copy(_ text: String) -> Bool {
        if (ProcessInfo.processInfo.environment["TERM"] ?? "").hasPrefix("linux") { return false }
        let bytes = Array(("\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}").utf8)
        fflush(nil)  // every C stream (stdout cannot be named under strict concurrency)
        // All of it, or a cut sequence would swallow what ncurses writes next.
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n > 0 { sent += n } else if n < 0 && errno != EINTR && errno != EAGAIN { return false }
        }
        return true
    }

    /// The size ncurses knows (it tracks SIGWINCH itself).
    public var size: (width: Int, height: Int) { (Int(cd_cols()), Int(cd_lines())) }

    /// Colour depth in words, for the log.
    public var depth: String {
        switch colors {
        case 0x1000000...: "truecolor"
        case 256...: "256"
        case 8...: "\(colors)"
        default: "none"
        }
    }

    /// Prepares one colour pair per role for the terminal's colour depth.
    public func applyTheme(_ theme: Theme) {
        pairs = [:]
        for (i, role) in Role.allCases.enumerated() {
            let r = theme.resolved(role, colors: colors)
            var attrs: attr_t = 0
            for a in r.attributes {
                switch a {
                case .bold: attrs |= cd_attr_bold()
                case .underline: attrs |= cd_attr_underline()
                case .reverse: attrs |= cd_attr_reverse()
                case .dim: attrs |= cd_attr_dim()
                }
            }
            var pair: Int32 = 0
            if colors >= 8 && (r.fg != -1 || r.bg != -1) {
                pair = Int32(i + 1)
                init_extended_pair(pair, Int32(r.fg), Int32(r.bg))
            }
            pairs[role] = (pair, attrs)
        }
    }

    /// Paints a canvas: werase, runs of equal role written at once, one doupdate.
    public func draw(_ canvas: Canvas) {
        werase(cd_stdscr())
        let (w, h) = size
        for y in 0..<min(h, canvas.height) {
            var x = 0
            while x < min(w, canvas.width) {
                let role = canvas[x, y].role
                var text = ""
                let start = x
                while x < min(w, canvas.width) && canvas[x, y].role == role {
                    text += canvas[x, y].text
                    x += 1
                }
                // The last cell of the screen cannot be written without scrolling: leave it out.
                if y == h - 1 && x == w { text = String(text.dropLast()) }
                let style = pairs[role] ?? (0, 0)
                cd_attr_set(style.attrs, style.pair)
                cd_put(Int32(y), Int32(start), ambiguousWide ? AmbiguousWidth.narrow(text) : text)
            }
        }
        cd_attr_set(0, 0)
        // A text field's insertion point is the terminal's own cursor, over the character it stands before; a
        // terminal that cannot show a cursor gets that cell in reverse video instead.
        if let c = canvas.cursor, c.x < w, c.y < h {
            if cd_show_cursor(1) == 0 {
                let cell = canvas[c.x, c.y]
                let style = pairs[cell.role] ?? (0, 0)
                cd_attr_set(style.attrs | cd_attr_reverse(), style.pair)
                cd_put(Int32(c.y), Int32(c.x), cell.text.isEmpty ? " " : ambiguousWide ? AmbiguousWidth.narrow(cell.text) : cell.text)
                cd_attr_set(0, 0)
            }
            cd_move(Int32(c.y), Int32(c.x))
        } else {
            _ = cd_show_cursor(0)
        }
        wnoutrefresh(cd_stdscr())
        doupdate()
    }

    /// Waits up to `timeout` milliseconds for a key, then takes every key already queued, so a burst of
    /// keys is applied before the next draw.
    public func readKeys(timeout: Int) -> [Key] {
        // Wait on the terminal and the waker together, so a finished effect is drawn at once rather than at the
        // timeout. ncurses reads input a byte at a time, so poll sees every key it has not taken yet; a resize
        // interrupts poll and comes back from get_wch below as KEY_RESIZE.
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: waker.readFD, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 2, Int32(timeout))
        if fds[1].revents & Int16(POLLIN) != 0 { waker.drain() }
        // Escape sequences ncurses did not know (its terminfo entry names others) are decoded by KeyDecoder.
        let (keys, rest) = KeyDecoder.decode(readAvailable(), final: false)
        guard !rest.isEmpty else { return keys }
        // A sequence cut by a slow link: give its rest a moment, then take what came as it is (a lone Esc is Escape).
        var stdin = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
        _ = poll(&stdin, 1, 40)
        return keys + KeyDecoder.decode(rest + readAvailable(), final: true).keys
    }

    /// Everything ncurses has queued, as character codes or the keys it decoded itself.
    private func readAvailable() -> [RawInput] {
        wtimeout(cd_stdscr(), 0)
        var out: [RawInput] = []
        while true {
            var ch: wint_t = 0
            switch cd_read_key(&ch) {
            case -1: return out
            case 1: if let k = Self.functionKey(Int32(ch)) { out.append(.key(k)) }
            default: out.append(.scalar(UInt32(ch)))
            }
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}

/// A non-blocking pipe: `wake` from any thread makes a waiting `readKeys` return.
public final class Waker: Sendable {
    let readFD: Int32
    let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// A full pipe already holds a wake-up, so a failed write needs nothing more.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }
}

import CNCursesW
import ContactDeskUI
import Foundation

/// The terminal as ncurses drives it: the only module that imports CNCursesW. It paints Canvases,
/// reads keys and reports resizes; everything it shows comes from ContactDeskUI.
public final class CursesTerminal: TerminalDevice, @unchecked Sendable {
    /// Colours the terminal reported (0 when it has none or colour is off).
    public private(set) var colors = 0
    private var pairs: [Role: (pair: Int32, attrs: attr_t)] = [:]
    private var ended = false
    /// Lets another thread end a `readKeys` wait early (an effect finished).
    public let waker = Waker()

    /// Sets the locale, starts ncurses in raw mode with a short Esc delay, no mouse, colours as available.
    /// `useColor` false (NO_COLOR, a monochrome theme) draws with attributes only.
    public init(theme: Theme, useColor: Bool) {
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
        if useColor && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(cd_colors())
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

    /// The size ncurses knows (it tracks SIGWINCH itself).
    public var size: (width: Int, height: Int) { (Int(cd_cols()), Int(cd_lines())) }

    /// Colour depth in words, for the log.
    public var depth: String {
        switch colors {
        case 0x1000000...: "truecolor"
        case 256...: "256 colours"
        case 8...: "\(colors) colours"
        default: "no colour"
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
                cd_put(Int32(y), Int32(start), text)
            }
        }
        cd_attr_set(0, 0)
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
        var keys: [Key] = []
        wtimeout(cd_stdscr(), 0)
        while let next = readOne() { keys.append(next) }
        return keys
    }

    private func readOne() -> Key? {
        var ch: wint_t = 0
        switch cd_read_key(&ch) {
        case -1: return nil
        case 1: return Self.functionKey(Int32(ch))
        default:
            if ch == 27 {
                // Esc then a character within the Esc delay is Alt-character (readKeys set no-wait reads).
                var next: wint_t = 0
                let kind = cd_read_key(&next)
                if kind == 0, next >= 32, next != 127, let s = Unicode.Scalar(next) { return .alt(Character(s)) }
                // Not an Alt combination: give the key back so Esc-then-Tab is two keys.
                if kind == 0 { unget_wch(wchar_t(bitPattern: next)) } else if kind == 1 { ungetch(Int32(next)) }
                return .escape
            }
            return Self.character(ch)
        }
    }

    static func character(_ ch: wint_t) -> Key? {
        switch ch {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        case 0, 28...31: return nil
        default: return Unicode.Scalar(ch).map { .char(Character($0)) }
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

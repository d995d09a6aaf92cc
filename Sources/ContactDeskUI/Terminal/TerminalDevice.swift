/// What the runtime (ContactDeskApp) needs of a terminal: ncurses in the program (`CursesTerminal`), a
/// scripted one in tests. Declared here, beside Canvas and Key, so CursesTerminal conforms without knowing
/// the runtime; a declaration only, nothing here does I/O.
public protocol TerminalDevice: AnyObject, Sendable {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Waits up to `timeout` milliseconds (or until `wake`) and returns every key queued; `.resize` for a resize.
    func readKeys(timeout: Int) -> [Key]
    /// Shows a frame.
    func draw(_ canvas: Canvas)
    /// Ends a `readKeys` wait early, from any thread: an effect posted a result.
    func wake()
    /// Restores the terminal; called once when the loop ends.
    func end()
    /// Puts `text` on the clipboard of the operator's own machine with OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`),
    /// which reaches it over SSH; nothing is ever read back. False when this terminal cannot take it.
    func copy(_ text: String) -> Bool
}

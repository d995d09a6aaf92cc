import ChatAPI
import Foundation

// Every line the subcommands write for a person passes ServerText's sanitiser: nicknames, remarks, custom
// values, UserIDs from files and the service's ErrorInfo can carry escape sequences (`ESC ] 0 ;`, `ESC [ 2 J`,
// `ESC ] 52 ;`), which must show as `\x1b` and never reach the operator's terminal.

/// `print`, sanitised: shadows Swift's within this executable, so no output path can forget it.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    FileHandle.standardOutput.write(Data(ServerText.visible(text, keepingNewlines: true).utf8))
}

/// A line on standard error, sanitised.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((ServerText.visible(text, keepingNewlines: true) + "\n").utf8))
}

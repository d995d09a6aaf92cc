import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactDeskUI

/// `contactdesk errors [CODE…]`: what an error code means and what to do, from the built-in catalog.
struct ErrorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errors", abstract: "Explain error codes: meaning, what ContactDesk does, what to do.")

    @Argument(help: "Codes to explain (all when none is given).")
    var codes: [Int] = []

    @Flag(help: "Print the whole catalog as Markdown (docs/ERROR-CODES.md).")
    var markdown = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.start()
        if markdown {
            // docs/ERROR-CODES.md is English whatever the operator's language (`make docs` compares it).
            Language.$scoped.withValue(.en) { print(ErrorCatalog.markdownReference(), terminator: "") }
            return
        }
        // The labels padded to one display width, one space past the widest, so the texts start in one column.
        let labels = [CLIText.errorsMeaning, .errorsContactDesk, .errorsWhatToDo].map { $0.text }
        let width = (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 1
        let (meaning, action, hint) = (DisplayWidth.pad(labels[0], to: width), DisplayWidth.pad(labels[1], to: width),
                                       DisplayWidth.pad(labels[2], to: width))
        let entries = codes.isEmpty ? ErrorCatalog.all : codes.map(ErrorCatalog.entry)
        for (i, e) in entries.enumerated() {
            if i > 0 { print("") }
            print("\(e.code) \(e.name)")
            print("  \(meaning)\(e.meaning)")
            print("  \(action)\(ErrorCatalog.action(e.retry))")
            print("  \(hint)\(e.hint)")
        }
        if codes.contains(where: { !ErrorCatalog.isKnown($0) }) { throw ExitCode(1) }
    }
}

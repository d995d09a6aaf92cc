import ArgumentParser
import ChatAPI

/// `contactdesk errors [CODE…]`: what an error code means and what to do, from the built-in catalog.
struct ErrorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errors", abstract: "Explain error codes: meaning, what ContactDesk does, what to do.")

    @Argument(help: "Codes to explain (all when none is given).")
    var codes: [Int] = []

    @Flag(help: "Print the whole catalog as Markdown (docs/ERROR-CODES.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(ErrorCatalog.markdownReference(), terminator: "")
            return
        }
        let entries = codes.isEmpty ? ErrorCatalog.all : codes.map(ErrorCatalog.entry)
        for (i, e) in entries.enumerated() {
            if i > 0 { print("") }
            print("\(e.code) \(e.name)")
            print("  meaning:     \(e.meaning)")
            print("  ContactDesk: \(ErrorCatalog.action(e.retry))")
            print("  what to do:  \(e.hint)")
        }
        if codes.contains(where: { !ErrorCatalog.isKnown($0) }) { throw ExitCode(1) }
    }
}

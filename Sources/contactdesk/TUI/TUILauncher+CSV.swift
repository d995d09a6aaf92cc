import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactEditing
import Foundation

extension TUILauncher {
    /// `--import FILE.csv`: the CSV compared with a fresh read and checked like `apply` does, then staged in the
    /// journal, so the change-set screen shows every change before `S`. Any problem refuses the file (exit 2).
    static func stageCSV(_ data: Data, path: String, encoding: String?, client: ChatClient, account: String, configured: Set<String>,
                         journal: Journal) async throws {
        var chosen: CSVEncoding?
        if let encoding {
            guard let e = CSVEncoding(name: encoding) else { throw ValidationError(CLIText.badEncoding.text(["value": encoding])) }
            chosen = e
        }
        let read: CSVImport
        do {
            read = try await CSVImport.load(data, encoding: chosen, client: client, account: account, configuredFields: configured)
        } catch let e as CSVFileError {
            throw ValidationError(CSVText.wrongKind.text(["file": "--import \(path)", "problem": e.message]))
        } catch let e as ChatError {
            throw ValidationError("\(e.description)\n\(e.hint)")
        }
        let problems = read.changes.problems + read.stagingProblems
        guard problems.isEmpty else {
            throw ValidationError((problems.map { $0.text(file: path) } + [CLIText.importRefused.text(["path": path])]).joined(separator: "\n"))
        }
        let app = client.config.sdkAppID
        let existing = try journal.load(app: app, account: account)
        var merged = existing
        for e in read.changes.entries { merged.stage(e.key, base: e.base, intent: e.intent) }
        try journal.save(merged, replacing: existing, app: app, account: account)
    }
}

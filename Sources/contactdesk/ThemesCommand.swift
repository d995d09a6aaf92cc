import ArgumentParser
import ChatAPI
import ContactDeskUI
import Foundation

/// `contactdesk themes`: the themes that can be chosen with --theme, where each comes from, each checked.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List the themes and check that each loads.")

    func run() throws {
        let loader = ThemeLoader.standard(configDirectory: StatePaths.configDirectory())
        var broken = false
        for name in loader.available() {
            let from = loader.source(for: name).map { "  \($0)" } ?? ""
            do {
                let theme = try loader.load(name)
                print("\(name)\(theme.monochrome ? " (no colour)" : "")".padding(toLength: 24, withPad: " ", startingAt: 0) + from)
            } catch {
                broken = true
                print("\(name): broken: \(error)")
            }
        }
        print("Choose with --theme NAME or theme = \"NAME\" in config.toml; your own go in \(StatePaths.configDirectory().path)/themes.")
        if broken { throw ExitCode(1) }
    }
}

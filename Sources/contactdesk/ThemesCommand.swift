import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import Foundation

/// `contactdesk themes`: the themes that can be chosen with --theme, where each comes from, each checked.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List the themes and check that each loads.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.start()
        let loader = ThemeLoader.standard(configDirectory: StatePaths.configDirectory())
        var broken = false
        for name in loader.available() {
            let from = loader.source(for: name).map { "  \($0)" } ?? ""
            do {
                let theme = try loader.load(name)
                // Padded by display width (a CJK character takes two cells), so the sources line up in Chinese too.
                let label = theme.monochrome ? CLIText.themesNoColour.text(["name": name]) : name
                print(DisplayWidth.pad(label, to: 24) + from)
            } catch {
                broken = true
                print(CLIText.themesBroken.text(["name": name, "error": "\(error)"]))
            }
        }
        print(CLIText.themesHowToChoose.text(["directory": StatePaths.configDirectory().path]))
        if broken { throw ExitCode(1) }
    }
}

import ArgumentParser
import ChatAPI
import ContactDeskStrings
import ContactDeskUI
import Foundation
import Logging

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Log level for the log file: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelArgument = .init(.info)

    @Option(name: .long, help: ArgumentHelp("Language of screens and messages: en or zh (简体中文). Default: language in config.toml, then LC_ALL, LC_MESSAGES, LANG.", valueName: "en|zh"))
    var lang: LanguageArgument?

    /// The first thing every command does: chooses the language (`--lang`, config.toml's `language`, the
    /// locale) and sends logs to the file. Returns the problems found in the config's language setting;
    /// `report` writes them to standard error (the TUI shows them on its status line instead).
    @discardableResult
    func start(report: Bool = true) -> [String] {
        StatePaths.restrictNewFiles()
        let problem = chooseLanguage()
        bootstrapLogging()
        let problems = [problem].compactMap { $0 }
        if report { for p in problems { printError("contactdesk: " + p) } }
        return problems
    }

    /// ArgumentParser validates an option group while parsing, before the command's own `validate()`: choosing
    /// the language here words those refusals (`usersig --expire -5`) in it too. `start()` chooses it again and
    /// reports the config's problem; the choice is the same.
    func validate() throws {
        chooseLanguage()
    }

    /// Chooses the language from `--lang`, config.toml's `language`, then the locale; returns the config's problem.
    @discardableResult
    private func chooseLanguage() -> String? {
        let config = UIConfig.load(StatePaths.configDirectory().appendingPathComponent("config.toml"))
        let (language, problem) = Language.resolve(flag: lang?.language, config: config.language,
                                                   environment: ProcessInfo.processInfo.environment)
        Language.choose(language)
        // Symbols in ASCII when asked for, or when the locale's character set cannot show others.
        Glyphs.choose(ascii: config.ascii ?? !Glyphs.localeIsUTF8(ProcessInfo.processInfo.environment))
        return problem
    }

    /// Sends swift-log to the state directory's log file; never to the terminal.
    private func bootstrapLogging() {
        let url = StatePaths.stateDirectory().appendingPathComponent("contactdesk.log")
        do {
            let factory = try FileLogHandler.open(url, level: logLevel.level)
            LoggingSystem.bootstrap(factory)
        } catch {
            // Without a writable state directory the program still works; it just does not log.
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
    }
}

/// A swift-log level as an argument.
struct LogLevelArgument: ExpressibleByArgument {
    let level: Logger.Level
    init(_ level: Logger.Level) { self.level = level }
    init?(argument: String) {
        guard let l = Logger.Level(rawValue: argument.lowercased()) else { return nil }
        level = l
    }
    var defaultValueDescription: String { level.rawValue }
    static var allValueStrings: [String] { Logger.Level.allCases.map(\.rawValue) }
}

/// `--lang en|zh`.
struct LanguageArgument: ExpressibleByArgument {
    let language: Language
    init?(argument: String) {
        guard let l = Language(argument: argument) else { return nil }
        language = l
    }
    static var allValueStrings: [String] { Language.allCases.map(\.rawValue) }
}

/// Where the secret key comes from: the environment, or a file named here.
struct KeyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A file holding the secret key, readable only by its owner (chmod 600).",
                                            valueName: "path"))
    var keyFile: String?

    init() {}
    init(keyFile: String?) { self.keyFile = keyFile }

    /// The key, or a ValidationError that says how to provide it.
    func load() throws -> SecretKey {
        do { return try KeyLoader.load(keyFile: keyFile) } catch let error as KeyLoadError {
            throw ValidationError(error.description)
        }
    }
}

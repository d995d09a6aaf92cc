import Foundation
import Testing
import TestSupport

/// `make install-files` and `make uninstall` into an empty prefix, with the binary the tests run (the
/// same recipe `make install` uses after its release build), and the installed binary copied alone.
@Suite(.serialized) struct InstallTests {
    static let installed = [
        "bin/contactdesk", "share/man/man1/contactdesk.1", "share/bash-completion/completions/contactdesk",
        "share/zsh/site-functions/_contactdesk", "share/fish/vendor_completions.d/contactdesk.fish",
        "share/contactdesk/themes/README.md", "share/contactdesk/themes/default.toml", "share/contactdesk/themes/light.toml",
        "share/contactdesk/themes/high-contrast.toml", "share/contactdesk/themes/monochrome.toml",
    ]
    static let themes = ["default", "high-contrast", "light", "monochrome"]

    func make(_ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run(["-C", Fixtures.repoRoot.path] + arguments, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"],
                              executable: URL(fileURLWithPath: "/usr/bin/make"))
    }

    func files(under prefix: URL) -> [String] {
        (FileManager.default.enumerator(atPath: prefix.path)?.compactMap { $0 as? String } ?? [])
            .filter { !(((try? FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent($0).path))?[.type] as? FileAttributeType) == .typeDirectory) }
            .sorted()
    }

    @Test func installPutsEveryFileInPlaceAndUninstallRemovesExactlyThose() throws {
        let prefix = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: prefix) }
        // Something of the user's in the prefix, which uninstall must leave alone.
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try "mine\n".write(to: prefix.appendingPathComponent("bin/other-tool"), atomically: true, encoding: .utf8)

        let buildDir = CommandRunner.contactdesk.deletingLastPathComponent().path
        let install = try make(["install-files", "PREFIX=\(prefix.path)", "BUILD_DIR=\(buildDir)"])
        try #require(install.status == 0, "\(install.stdout)\(install.stderr)")
        #expect(files(under: prefix) == (Self.installed + ["bin/other-tool"]).sorted())
        for file in Self.installed {
            let size = (try FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent(file).path)[.size] as? Int) ?? 0
            #expect(size > 100, "\(file) is \(size) bytes")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/contactdesk").path))

        // The man page renders without warnings and documents the subcommands.
        let man = try CommandRunner.run(["--warnings", "-l", prefix.appendingPathComponent("share/man/man1/contactdesk.1").path],
                                        environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MANPAGER": "cat", "MANWIDTH": "80"],
                                        executable: URL(fileURLWithPath: "/usr/bin/man"))
        #expect(man.status == 0 && man.stderr.isEmpty, "\(man.stderr)")
        for word in ["CONTACTDESK(1)", "NAME", "SYNOPSIS", "--demo", "apply", "friends", "themes", "errors", "usersig"] {
            #expect(man.stdout.contains(word), "man page lacks \(word)")
        }

        // bash loads the completion and registers it for contactdesk.
        let bash = try CommandRunner.run(["-c", "source \"$1\" && complete -p contactdesk", "bash",
                                          prefix.appendingPathComponent("share/bash-completion/completions/contactdesk").path],
                                         environment: ["PATH": "/usr/bin:/bin"], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(bash.status == 0 && bash.stdout.contains("contactdesk"), "\(bash.stderr)")
        for file in ["share/zsh/site-functions/_contactdesk", "share/fish/vendor_completions.d/contactdesk.fish"] {
            #expect(try String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8).contains("contactdesk"))
        }

        // The installed binary finds the installed themes; a copy alone still has all four built in.
        let home = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let inPlace = try CommandRunner.run(["themes"], environment: CommandRunner.environment(state: home),
                                            executable: prefix.appendingPathComponent("bin/contactdesk"))
        #expect(inPlace.status == 0, "\(inPlace.stderr)")
        for name in Self.themes {
            #expect(inPlace.stdout.contains(prefix.resolvingSymlinksInPath().appendingPathComponent("share/contactdesk/themes/\(name).toml").path),
                    "\(inPlace.stdout)")
        }
        let alone = home.appendingPathComponent("elsewhere/contactdesk")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Copied by cp, not FileManager: a descriptor this process opens for writing is inherited by any child
        // another test forks meanwhile (a tmux server lives for seconds), and the copy then cannot run (ETXTBSY).
        let cp = try CommandRunner.run([prefix.appendingPathComponent("bin/contactdesk").path, alone.path], environment: ["PATH": "/usr/bin:/bin"],
                                       executable: URL(fileURLWithPath: "/bin/cp"))
        #expect(cp.status == 0, "\(cp.stderr)")
        let copied = try CommandRunner.run(["themes"], environment: CommandRunner.environment(state: home), executable: alone)
        #expect(copied.status == 0, "\(copied.stderr)")
        let listed = copied.stdout.split(separator: "\n").filter { $0.contains("built-in theme") }.map { String($0.split(separator: " ")[0]) }
        #expect(listed == Self.themes, "\(copied.stdout)")

        let uninstall = try make(["uninstall", "PREFIX=\(prefix.path)"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(files(under: prefix) == ["bin/other-tool"])
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/contactdesk").path))
    }
}

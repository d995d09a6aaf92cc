// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ContactDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "contactdesk", targets: ["contactdesk"]),
        .executable(name: "contactdesk-bench", targets: ["contactdesk-bench"]),
        .library(name: "ChatAPI", targets: ["ChatAPI"]),
        .library(name: "ChatSandbox", targets: ["ChatSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries, each behind one Swift adapter file (see docs/ARCHITECTURE.md).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CNCursesW", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),

        // The strings table (English and Simplified Chinese), below everything so errors are worded where made.
        .target(name: "ContactDeskStrings"),
        .target(
            name: "ChatAPI",
            dependencies: [
                "ContactDeskStrings", "CCurl", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "ContactEditing", dependencies: ["ChatAPI", "ContactDeskStrings", "TOMLKit", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "ContactDeskUI", "ContactDeskStrings"]),
        // The shipped themes are compiled in (Theme/ShippedThemes.swift, made from themes/ by `make themes`): no resource bundle.
        .target(name: "ContactDeskUI", dependencies: ["ChatAPI", "ContactEditing", "ContactDeskStrings", "TOMLKit"]),
        // The loop and its effects: keys in, reduce, effects against an AppEnvironment, frames out to a TerminalDevice.
        .target(
            name: "ContactDeskApp",
            dependencies: ["ChatAPI", "ContactEditing", "ContactDeskUI", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "ChatSandbox",
            dependencies: [
                "ChatAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "ChatAPI", "ChatSandbox", "ContactDeskUI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "contactdesk",
            dependencies: [
                "ChatAPI", "ChatSandbox", "ContactDeskStrings", "ContactEditing", "ContactDeskUI", "ContactDeskApp", "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Performance scenarios against the emulator and a naive client (BENCHMARKS.md); built in release by `make bench`.
        .executableTarget(
            name: "contactdesk-bench",
            dependencies: [
                "ChatAPI", "ChatSandbox", "ContactEditing", "ContactDeskUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ChatAPITests",
            dependencies: ["ChatAPI", "TestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "ChatSandboxTests", dependencies: ["ChatSandbox", "ChatAPI", "ContactEditing", "TestSupport"]),
        .testTarget(name: "ContactEditingTests", dependencies: ["ContactEditing", "TestSupport"]),
        .testTarget(name: "ContactDeskAppTests", dependencies: ["ContactDeskApp", "ContactDeskUI", "ContactEditing", "ChatSandbox", "TestSupport"]),
        .testTarget(name: "ContactDeskUITests", dependencies: ["ContactDeskUI", "ContactEditing", "ContactDeskStrings", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "ContactDeskCLITests", dependencies: ["TestSupport", "ContactEditing", "ChatAPI", "ChatSandbox"]),
    ]
)

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "journal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "journal", targets: ["journal"]),
        .library(name: "JournalKit", targets: ["JournalKit"]),
        .library(name: "JournalLSP", targets: ["JournalLSP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The entry index (Storage/Index): the system SQLite, so no package to build on CI.
        .systemLibrary(
            name: "Csqlite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // A per-parse bump allocator for cmark (libcmark 0.30 exports none), freed per file.
        .target(name: "CmarkArena"),
        .target(
            name: "JournalKit",
            dependencies: [
                "Ccmark",
                "CmarkArena",
                "Csqlite",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // Embeds Templates/*.md into JournalKit at build time, so the binary needs no source tree.
        .executableTarget(name: "EmbedTemplatesTool"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["EmbedTemplatesTool"]),
        // `journal lsp`: protocol types, JSON-RPC framing, the server and its features.
        .target(name: "JournalLSP", dependencies: ["JournalKit"]),
        .executableTarget(
            name: "journal",
            dependencies: [
                "JournalKit",
                "JournalLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JournalKitTests", dependencies: ["JournalKit"]),
        .testTarget(name: "JournalLSPTests", dependencies: ["JournalLSP", "JournalKit"]),
        .testTarget(
            name: "JournalCLITests",
            dependencies: ["JournalKit", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)

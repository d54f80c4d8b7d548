// swift-tools-version: 6.0
// libFuzzer targets for the entry parser and the whole load path, kept out of the root package so ordinary builds
// never see `-sanitize=fuzzer`. Build and run it with `make fuzz SECONDS=60` from the root.
import PackageDescription

/// SwiftPM names a path dependency after its folder, so take the root checkout's folder name.
let root = String(#filePath.split(separator: "/").dropLast(2).last ?? "journal").lowercased()

let package = Package(
    name: "JournalFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        // libFuzzer is linked into this target alone: passed to every target with -Xswiftc,
        // its main would replace the main of the root package's build tools too.
        .executableTarget(
            name: "EntryParserFuzzer",
            dependencies: ["CFuzzerDriver", .product(name: "JournalKit", package: root)],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
        // The whole load path (front matter, cmark, items, names, ledger, reports) on inputs up
        // to 256 KiB, with a per-input time limit: `make fuzz-load`.
        .executableTarget(
            name: "LoadPathFuzzer",
            dependencies: ["CFuzzerDriver", .product(name: "JournalKit", package: root)],
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
    ]
)

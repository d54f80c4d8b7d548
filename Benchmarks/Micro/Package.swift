// swift-tools-version: 6.0
import PackageDescription

// Micro-benchmarks of JournalKit's hot paths, kept out of the root package so `swift test`
// never builds or runs them. `make bench` runs it with `swift run -c release`.
let package = Package(
    name: "Micro",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "journal", path: "../..")],
    targets: [
        .executableTarget(
            name: "Micro",
            dependencies: [.product(name: "JournalKit", package: "journal")]
        )
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "banli",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "banli", targets: ["banli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Model reads YAML through libyaml's event API, `import CYaml`: the libyaml that Yams vendors
        // as its C target, which SwiftPM makes visible to the targets that depend on Yams.
        .target(name: "Model", dependencies: ["Yams", "ZIPFoundation", "SwiftCSV"]),
        .target(name: "TUI", dependencies: ["Model", "CNcursesw"]),
        .executableTarget(
            name: "banli",
            dependencies: ["Model", "TUI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "banli-bench", dependencies: ["Model", "TUI"]),
        // ZIPFoundation: tests assemble Word packages part by part (WordPackageFixture).
        .target(name: "TestSupport", dependencies: ["Model", "ZIPFoundation"], path: "Tests/TestSupport"),
        // A process the crash-safety tests kill and race (see Tests/Torture/main.swift).
        .executableTarget(name: "banli-torture", dependencies: ["Model", "TestSupport"], path: "Tests/Torture"),
        .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "CNcursesw", "TestSupport"]),
        .testTarget(name: "BanliTests", dependencies: ["TestSupport", "TUI"]),
    ],
    swiftLanguageModes: [.v6]
)

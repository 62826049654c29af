// swift-tools-version: 6.1
import PackageDescription

/// Release builds are made for the processor that builds them (`-target-cpu native`: on
/// x86-64 this brings POPCNT, BMI and AVX, which batch scoring's byte-level code gains
/// from), since `assess` is built where it runs. Set `ASSESS_PORTABLE=1` when building a
/// binary to copy to other machines, which may lack those instructions.
let releaseSettings: [SwiftSetting] =
    Context.environment["ASSESS_PORTABLE"] == nil
    ? [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))] : []

let package = Package(
    name: "assess",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "assess", targets: ["assess"]),
        .library(name: "QuestionnaireDSL", targets: ["QuestionnaireDSL"]),
        .library(name: "AssessmentEngine", targets: ["AssessmentEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "QuestionnaireDSL", dependencies: ["CYAML"], swiftSettings: releaseSettings),
        .target(
            name: "AssessmentEngine",
            dependencies: ["QuestionnaireDSL", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")] + releaseSettings
        ),
        .executableTarget(
            name: "assess",
            dependencies: [
                "QuestionnaireDSL",
                "AssessmentEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")] + releaseSettings
        ),
        .testTarget(name: "QuestionnaireDSLTests", dependencies: ["QuestionnaireDSL"], exclude: ["Fixtures"]),
        .testTarget(
            name: "AssessmentEngineTests", dependencies: ["AssessmentEngine"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .testTarget(
            name: "assessTests", dependencies: ["assess", "QuestionnaireDSL", "AssessmentEngine"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
    ]
)

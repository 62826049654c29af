// swift-tools-version: 6.1
// Benchmarks for `assess`, kept out of the main package so that `swift build` and
// `swift test` there do not build them. Run them with the scripts/bench-*.sh scripts.
import PackageDescription

/// SwiftPM names a package that is used by path after its folder, not after its `name:`,
/// so the parent is `main` in /work/main and `assess` in a clone called `assess`.
let parentPackage: String = {
    let parts = Context.packageDirectory.split(separator: "/")
    return parts.count >= 2 ? String(parts[parts.count - 2]) : "assess"
}()

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: parentPackage, path: "..")
    ],
    targets: [
        // libyaml on its own, as the baseline. Not `CYAML`: the parent already has a module
        // of that name.
        .systemLibrary(
            name: "LibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .executableTarget(
            name: "validate-benchmark",
            dependencies: [
                "LibYAML",
                .product(name: "QuestionnaireDSL", package: parentPackage),
            ],
            path: "Sources/ValidateBenchmark"
        ),
        // Counts calls to malloc and its kin (Linux/glibc), so the benchmark can report
        // allocations per record; linked only into score-benchmark.
        .target(name: "ScoreBenchmarkAllocations", path: "Sources/ScoreBenchmarkAllocations"),
        .executableTarget(
            name: "score-benchmark",
            dependencies: [
                "ScoreBenchmarkAllocations",
                .product(name: "AssessmentEngine", package: parentPackage),
                .product(name: "QuestionnaireDSL", package: parentPackage),
            ],
            path: "Sources/ScoreBenchmark"
        ),
    ]
)

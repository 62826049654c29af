import QuestionnaireDSL

// validate-benchmark: how long `assess validate` takes on a large generated instrument,
// measured side by side with libyaml alone parsing the same bytes (events only).
//
//   swift run -c release --package-path Benchmarks validate-benchmark
//   … validate-benchmark --write /tmp/benchmark-300.yaml   (also save the instrument)
//
// A measurement, not a test: the exit status is 0 whatever the times are, and non-zero
// only when the generated instrument does not validate cleanly (or an option is wrong).
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Options {
    var writePath: String?
    var rounds = 7
    var minimumRoundSeconds = 0.3
    var needs = 30
    /// Run only this case, `profileCalls` times, and print nothing: for a profiler.
    var profile: String?
    var profileCalls = 100
    /// Also time each stage of validation on its own.
    var phases = false

    static let usage = """
        USAGE: validate-benchmark [--write PATH] [--rounds N] [--min-seconds S] [--needs N]

          --write PATH       also write the generated instrument to PATH
          --rounds N         rounds of measurement (default 7); the median is reported
          --min-seconds S    the least time each case runs in each round (default 0.3)
          --needs N          needs, each with a section of 10 questions (default 30, at most 30)
          --phases           also time each stage of `assess validate` on its own
          --profile CASE     for a profiler: run only CASE (libyaml, validate or lint) --calls
                             times (default 100), untimed, and print nothing
        """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let v = rest.popFirst() else { fail("\(flag) needs a value") }
            return v
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--write": options.writePath = value(argument)
            case "--rounds":
                guard let n = Int(value(argument)), n >= 1 else { fail("--rounds takes a whole number of 1 or more") }
                options.rounds = n
            case "--min-seconds":
                guard let s = Double(value(argument)), s > 0 else { fail("--min-seconds takes a number above 0") }
                options.minimumRoundSeconds = s
            case "--needs":
                guard let n = Int(value(argument)), (1...30).contains(n) else { fail("--needs takes 1 to 30") }
                options.needs = n
            case "--profile":
                let name = value(argument)
                guard ["libyaml", "validate", "lint"].contains(name) else {
                    fail("--profile takes libyaml, validate or lint")
                }
                options.profile = name
            case "--phases": options.phases = true
            case "--calls":
                guard let n = Int(value(argument)), n >= 1 else { fail("--calls takes a whole number of 1 or more") }
                options.profileCalls = n
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument '\(argument)'")
            }
        }
        return options
    }

    static func fail(_ message: String) -> Never {
        printError("error: \(message)\n\(usage)\n")
        exit(64)
    }
}

/// Writes `text` to standard error (not through `stderr`, a global Swift 6 cannot share).
func printError(_ text: String) {
    var bytes = Array(text.utf8)
    if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
}

/// "1.23 ms", "456 µs": three significant figures.
func duration(_ seconds: Double) -> String {
    if seconds >= 1 { return decimal(seconds, 3) + " s" }
    if seconds >= 1e-3 { return decimal(seconds * 1e3, seconds >= 0.1 ? 1 : seconds >= 0.01 ? 2 : 3) + " ms" }
    return decimal(seconds * 1e6, seconds >= 1e-4 ? 0 : seconds >= 1e-5 ? 1 : 2) + " µs"
}

func decimal(_ value: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard places > 0 else { return String(scaled) }
    let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
    return "\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
}

/// 183412 → "183,412".
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out += "," }
        out.append(d)
    }
    return out
}

func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    let gap = String(repeating: " ", count: max(0, width - text.count))
    return right ? gap + text : text + gap
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))

// 1. The instrument, made in memory; it must be clean before anything is timed.
var generator = InstrumentGenerator(needCount: options.needs)
let generated = generator.generate()
let bytes = Array(generated.yaml.utf8)
let fileName = options.writePath ?? "benchmark-\(generated.itemCount)-items.yaml"

if let path = options.writePath {
    guard let file = fopen(path, "wb") else {
        printError("error: cannot write \(path)\n")
        exit(73)
    }
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    guard written == bytes.count else {
        printError("error: could not write all of \(path)\n")
        exit(74)
    }
}

let source = SourceFile(name: fileName, bytes: bytes)
let validation = InstrumentCheck.run(source, lints: Lints.validation)
let (loaded, _) = InstrumentLoader().load(source)
let itemCount = loaded?.items.count ?? 0
guard !validation.hasErrors, itemCount == generated.itemCount else {
    printError("error: the generated instrument does not validate cleanly; not measuring.\n")
    let formatter = DiagnosticFormatter()
    printError(formatter.format(Array(validation.prefix(20)), sources: [fileName: source]) + "\n")
    if itemCount != generated.itemCount {
        printError("error: \(itemCount) items loaded, \(generated.itemCount) written\n")
    }
    exit(1)
}
guard let eventCount = LibYAMLBaseline.countEvents(bytes) else {
    printError("error: libyaml cannot parse the generated instrument\n")
    exit(1)
}
let lintFindings = InstrumentCheck.run(source, lints: Lints.all)

if let profile = options.profile {
    var sum = 0
    for _ in 0..<options.profileCalls {
        switch profile {
        case "libyaml": sum &+= LibYAMLBaseline.countEvents(bytes) ?? -1
        case "validate":
            sum &+= InstrumentCheck.run(SourceFile(name: fileName, bytes: bytes), lints: Lints.validation).count
        default: sum &+= InstrumentCheck.run(SourceFile(name: fileName, bytes: bytes), lints: Lints.all).count
        }
    }
    exit(sum == Int.min ? 1 : 0)
}

// 2. The measurement: libyaml, validate and lint take turns within every round.
#if DEBUG
    print("warning: this is a debug build; the times mean little (use scripts/bench-validate.sh)")
#endif
let measurement = Measurement(rounds: options.rounds, minimumRoundSeconds: options.minimumRoundSeconds)
let results = measurement.run([
    .init(name: "libyaml alone (events only)") { LibYAMLBaseline.countEvents(bytes) ?? -1 },
    .init(name: "assess validate (Lints.validation)") {
        InstrumentCheck.run(SourceFile(name: fileName, bytes: bytes), lints: Lints.validation).count
    },
    .init(name: "assess lint (Lints.all)") {
        InstrumentCheck.run(SourceFile(name: fileName, bytes: bytes), lints: Lints.all).count
    },
])

// 3. The table.
let baseline = results[0].median
let aim = 3.0
print(
    "generated instrument: \(generated.itemCount) items, \(generated.needCount) needs, "
        + "\(grouped(bytes.count)) bytes, \(grouped(generated.yaml.split(separator: "\n", omittingEmptySubsequences: false).count - 1)) lines, "
        + "\(grouped(eventCount)) YAML events")
print(
    "validate: \(validation.count) diagnostics (0 errors); lint: \(lintFindings.count) findings. "
        + "\(options.rounds) rounds, each case ≥ \(decimal(options.minimumRoundSeconds, 1)) s a round")
print()
let header = [
    padded("case", 36), padded("calls/round", 11, right: true), padded("median/file", 12, right: true),
    padded("fastest–slowest round", 23, right: true), padded("÷ libyaml", 10, right: true),
]
print(header.joined(separator: "  "))
print(String(repeating: "-", count: header.joined(separator: "  ").count))
for r in results {
    let row = [
        padded(r.name, 36), padded(String(r.iterations), 11, right: true), padded(duration(r.median), 12, right: true),
        padded("\(duration(r.fastest))–\(duration(r.slowest))", 23, right: true),
        padded(decimal(r.median / baseline, 2) + "×", 10, right: true),
    ]
    print(row.joined(separator: "  "))
}
print()
let ratio = results[1].median / baseline
print(
    "aim: validate ≤ \(decimal(aim, 0))× libyaml: "
        + (ratio <= aim ? "met" : "NOT met")
        + " (\(decimal(ratio, 2))×; lint \(decimal(results[2].median / baseline, 2))×)")
// The results of every timed call are summed; checking the sums keeps the work from being
// optimised away, and shows that every call did the same work as the first.
let expected = [eventCount, validation.count, lintFindings.count]
for (r, perCall) in zip(results, expected) where r.checksum != perCall &* r.iterations &* options.rounds {
    printError("warning: '\(r.name)' gave different results from one call to the next")
}

// 4. Optionally, where the time goes: each stage timed on its own, from the same inputs
//    `InstrumentCheck.run` gives it. "own" is what the stage adds to the one it builds on.
if options.phases, let instrument = loaded {
    let compiledForLints = InstrumentCompiler().compile(instrument, source: source).0
    let lintInput = LintInput(instrument: instrument, compiled: compiledForLints, source: source)
    let stages = measurement.run([
        .init(name: "libyaml alone (events only)") { LibYAMLBaseline.countEvents(bytes) ?? -1 },
        .init(name: "SourceFile.init (text, lines)") { SourceFile(name: fileName, bytes: bytes).lineCount },
        .init(name: "YAMLReader.events (Swift events)") {
            (try? YAMLReader.events(source).get().count) ?? -1
        },
        .init(name: "YAMLReader.read (node tree)") { YAMLReader().read(source).0 == nil ? 0 : 1 },
        .init(name: "InstrumentLoader.load (model)") { InstrumentLoader().load(source).1.count },
        .init(name: "InstrumentCompiler.compile") {
            InstrumentCompiler().compile(instrument, source: source).1.count
        },
        .init(name: "Lints.run(Lints.validation)") { Lints.run(Lints.validation, on: lintInput).count },
        .init(name: "Lints.run(Lints.all)") { Lints.run(Lints.all, on: lintInput).count },
    ])
    let m = stages.map(\.median)
    let own = [m[0], m[1], m[2] - m[0], m[3] - m[2], m[4] - m[3], m[5], m[6], m[7]]
    let builds = ["", "", "on libyaml", "on events", "on read", "", "", ""]
    print()
    print("where validate's time goes (each stage on its own; \"own\" excludes the stage it builds on)")
    let header = [
        padded("stage", 36), padded("median", 12, right: true), padded("own", 12, right: true),
        padded("own ÷ libyaml", 13, right: true), "",
    ]
    print(header.joined(separator: "  "))
    print(String(repeating: "-", count: 36 + 12 + 12 + 13 + 8 + 12))
    for (i, stage) in stages.enumerated() {
        let row = [
            padded(stage.name, 36), padded(duration(m[i]), 12, right: true),
            padded(duration(own[i]), 12, right: true), padded(decimal(own[i] / m[0], 2) + "×", 13, right: true),
            builds[i],
        ]
        print(row.joined(separator: "  "))
    }
}

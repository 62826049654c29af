#!/usr/bin/env bash
# Checks the YAML reader for memory leaks: builds a small driver that reads a medium
# instrument-like document, and broken variants of it that make libyaml or the reader stop
# early, many times over; runs it under valgrind's memcheck; fails unless valgrind reports
# 0 bytes "definitely lost" (and no invalid reads or writes).
#
# Usage: scripts/leak-check.sh [reads]      reads defaults to 2000
#
# The driver is built in a throwaway package in a temporary directory whose targets are
# links to Sources/CYAML and Sources/QuestionnaireDSL, so nothing else is resolved or
# built and nothing is left behind. The Swift test binary cannot be used instead:
# valgrind 3.19 crashes on the libdispatch signal thread that the test runner starts.
set -euo pipefail

reads=${1:-2000}
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v valgrind >/dev/null 2>&1; then
  echo "error: valgrind is not installed (apt-get install valgrind)" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/LeakDriver"
ln -s "$root/Sources/CYAML" "$work/Sources/CYAML"
ln -s "$root/Sources/QuestionnaireDSL" "$work/Sources/QuestionnaireDSL"

cat >"$work/Package.swift" <<'EOF'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "LeakCheck",
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "QuestionnaireDSL", dependencies: ["CYAML"]),
        .executableTarget(name: "LeakDriver", dependencies: ["QuestionnaireDSL"]),
    ]
)
EOF

cat >"$work/Sources/LeakDriver/main.swift" <<'EOF'
import QuestionnaireDSL

// Reads each document in turn, `reads` reads in all; every read of a document must end as
// its first read did, so the reader carries nothing over from one read to the next.
let reads = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 2000

var medium = "instrument:\n  id: leak-check\n  title: \"A medium instrument\"\nitems:\n"
for i in 0..<200 {
    medium += """
          - id: item\(i)
            prompt: 'Question \(i), with é and 🙂?'
            options: &o\(i) [never, sometimes, often]
            show_if: item\(max(i - 1, 0)) != 'never'

        """
}
var bomb = "b0: &b0 [x, x, x, x, x, x, x, x, x, x]\n"
for level in 1..<10 {
    bomb += "b\(level): &b\(level) [" + Array(repeating: "*b\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
}
let documents: [(name: String, bytes: [UInt8])] = [
    ("medium", Array(medium.utf8)),
    ("byte order mark", [0xEF, 0xBB, 0xBF] + Array(medium.utf8)),
    ("duplicate key", Array((medium + "instrument: again\n").utf8)),
    ("unclosed list", Array((medium + "extra: [a, b\n").utf8)),
    ("tab indentation", Array((medium + "extra:\n\tx: 1\n").utf8)),
    ("second document", Array((medium + "---\nx: 1\n").utf8)),
    ("undefined alias", Array((medium + "extra: *nowhere\n").utf8)),
    ("invalid UTF-8", Array(medium.utf8) + [0xFF, 0x0A]),
    ("too deep", Array((medium + "extra: " + String(repeating: "[", count: 70)).utf8)),
    ("alias bomb", Array(bomb.utf8)),
]

var firstOutcome: [String: String] = [:]
var refused = 0
for read in 0..<reads {
    let document = documents[read % documents.count]
    let (node, diagnostics) = YAMLReader().read(SourceFile(name: document.name, bytes: document.bytes))
    if node == nil { refused += 1 }
    let outcome = "\(node != nil) " + diagnostics.map(\.description).joined(separator: "; ")
    if let first = firstOutcome[document.name], first != outcome {
        fatalError("read \(read) of '\(document.name)' ended differently: \(outcome)")
    }
    firstOutcome[document.name] = outcome
}
print("\(reads) reads of \(documents.count) documents (\(medium.utf8.count) bytes each or so), \(refused) refused")
EOF

echo "building the leak-check driver…" >&2
swift build --package-path "$work" -c release -Xswiftc -g >"$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  exit 1
}
driver=$(swift build --package-path "$work" -c release --show-bin-path)/LeakDriver

echo "running $reads reads under valgrind memcheck…" >&2
status=0
valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite \
  --error-exitcode=3 --log-file="$work/valgrind.log" "$driver" "$reads" || status=$?

grep -E "ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable|in use at exit|total heap usage" \
  "$work/valgrind.log" | sed 's/^==[0-9]*== *//'
if [ "$status" -ne 0 ]; then
  echo "leak check failed (exit $status); valgrind's report:" >&2
  cat "$work/valgrind.log" >&2
  exit 1
fi
echo "no leaks: 0 bytes definitely lost"

import ArgumentParser

/// The exit codes of every command, documented in docs/cli.md. They never change meaning.
enum ExitCodes {
    /// Everything worked and nothing was wrong.
    static let success = ExitCode(0)
    /// The inputs have problems: errors in an instrument or answers, or failing tests.
    static let problemsFound = ExitCode(1)
    /// The command line was wrong (unknown option, missing argument): the argument parser's code.
    static let usage = ExitCode(64)
    /// An input file could not be read.
    static let cannotRead = ExitCode(66)
    /// An output file could not be created (it exists, or the folder is not writable).
    static let cannotWrite = ExitCode(73)
    /// The session store could not be opened or written.
    static let storeUnavailable = ExitCode(74)
    /// The interview was paused (`p`, Ctrl-C or end of input); `assess resume ID` carries on.
    static let paused = ExitCode(75)
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output file built out of sight and put in place whole when it is complete.
///
/// The bytes go to a file with no name in the output's folder (`O_TMPFILE`), so a run that
/// stops early, for an error, Ctrl-C or a crash, leaves behind neither a partial file nor an
/// emptied one: whatever was at the path before is still there. ``commit()`` gives the file
/// its name; an earlier file of that name is swapped out in one step (`renameat2` with
/// `RENAME_EXCHANGE`) and then removed, so a reader sees the old file or the new one, never
/// half of either, and a run may read the very file it replaces. The swap also spares ext4
/// the flush it forces when a file is emptied or renamed over to be rewritten.
///
/// Only regular files of one's own (and paths not yet taken) are staged;
/// ``open(_:replacing:)`` gives nil for anything else (a device such as /dev/null, a pipe, a
/// symbolic link, a file one may not write or owned by someone else) and where the system or
/// file system cannot make a nameless file, and the caller writes in place.
struct StagedFile {
    /// The final path.
    let path: String
    /// The nameless file being written.
    let fd: Int32
    let replacing: Bool

    /// A nameless file in `path`'s folder, created 0600; nil when `path` should be written in
    /// place. An existing file at `path` is an error (`EEXIST`) unless `replacing`.
    static func open(_ path: String, replacing: Bool) -> Result<StagedFile, StagingError>? {
        #if os(Linux)
            // The file is named through /proc when it is done: without /proc, in place.
            guard access("/proc/self/fd", F_OK) == 0 else { return nil }
            var status = stat()
            if lstat(path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFREG else { return nil }
                if !replacing { return .failure(StagingError(errno: EEXIST)) }
                // A file made read-only stays so, and another's file stays theirs (a shared
                // folder may not let it be swapped): writing in place says why not, or works.
                guard access(path, W_OK) == 0, status.st_uid == geteuid() else { return nil }
            } else if errno != ENOENT {
                return nil
            }
            let fd = Glibc.open(folder(of: path), nameless | O_WRONLY | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                // No nameless files here (an old kernel, a file system without them): in place.
                if [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) { return nil }
                return .failure(StagingError(errno: errno))
            }
            _ = fchmod(fd, 0o600)
            return .success(StagedFile(path: path, fd: fd, replacing: replacing))
        #else
            return nil
        #endif
    }

    /// Closes the file and gives it its name, replacing an earlier file there when
    /// `replacing` (otherwise an earlier file, even one that appeared during the run, is
    /// left alone and the result is `EEXIST`).
    func commit() -> Result<Void, StagingError> {
        #if os(Linux)
            defer { _ = Glibc.close(fd) }
            let handle = "/proc/self/fd/\(fd)"
            let named = link(handle, to: path)
            guard replacing, case .failure(let error) = named, error.errno == EEXIST else { return named }
            // An earlier file is there: a name of its own beside it, then swapped with it.
            let tag = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let staging = StagedFile.folder(of: path) + "/.\(StagedFile.baseName(of: path)).assess-\(tag)"
            if case .failure(let error) = link(handle, to: staging) { return .failure(error) }
            if let renameat2, renameat2(AT_FDCWD, staging, AT_FDCWD, path, StagedFile.exchange) == 0 {
                _ = unlink(staging)  // now the earlier file
                return .success(())
            }
            guard rename(staging, path) == 0 else {
                let error = StagingError(errno: errno)
                _ = unlink(staging)
                return .failure(error)
            }
            return .success(())
        #else
            preconditionFailure("open(_:replacing:) stages no file on this system")
        #endif
    }

    /// Closes the file without naming it: it disappears, and `path` keeps what it had.
    func discard() {
        _ = close(fd)
    }

    #if os(Linux)
        /// `O_TMPFILE`, which Swift's Glibc module does not spell: a nameless file in a folder.
        private static let nameless: Int32 = 0o20_000_000 | O_DIRECTORY
        /// `RENAME_EXCHANGE`, which it does not spell either: swap two names' files.
        private static let exchange: UInt32 = 2

        /// Names the open nameless file `handle` (a /proc/self/fd path) `name`.
        private func link(_ handle: String, to name: String) -> Result<Void, StagingError> {
            linkat(AT_FDCWD, handle, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0
                ? .success(()) : .failure(StagingError(errno: errno))
        }
    #endif

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func baseName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}

/// Why an output file could not be created or put in place.
struct StagingError: Error {
    let errno: Int32

    /// The system's words for it.
    var reason: String { String(cString: strerror(errno)) }
}

#if os(Linux)
    private typealias RenameAt2 =
        @convention(c) (
            Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
        ) -> Int32

    /// glibc's `renameat2` (2.28 and later), which Swift's Glibc module does not declare;
    /// nil where the C library lacks it, and then files are renamed into place.
    private let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
#endif

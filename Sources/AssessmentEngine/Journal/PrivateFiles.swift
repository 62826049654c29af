import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that hold answers: their folder is made 0700 and the files 0600, whatever the umask.
enum PrivateFiles {
    /// Creates the folders leading to `path` (0700) and the empty file itself (0600) when
    /// missing; an existing file readable by others is narrowed to 0600.
    static func prepare(databaseAt path: String) throws(JournalError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try makeFolders(folder, for: path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0, fchmod(fd, 0o600) != 0 {
            throw .cannotOpen(path: path, reason: "it is readable by others and cannot be made private")
        }
    }

    /// Narrows SQLite's companion files (`-wal`, `-shm`, `-journal`) to 0600 if they exist.
    static func restrict(companionsOf path: String) throws(JournalError) {
        for suffix in ["-wal", "-shm", "-journal"] {
            let companion = path + suffix
            var info = stat()
            guard stat(companion, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            if chmod(companion, 0o600) != 0 {
                throw .cannotOpen(path: companion, reason: String(cString: strerror(errno)))
            }
        }
    }

    private static func makeFolders(_ folder: String, for path: String) throws(JournalError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .cannotOpen(path: path, reason: "'\(folder)' is not a folder") }
            return
        }
        try makeFolders((folder as NSString).deletingLastPathComponent, for: path)
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            throw .cannotOpen(path: path, reason: "cannot create '\(folder)': \(String(cString: strerror(errno)))")
        }
        _ = chmod(folder, 0o700)
    }
}

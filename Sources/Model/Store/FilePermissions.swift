import Glibc

/// Who may read and write a file banli writes with `FileSystem.writeAtomically`. A replaced file is a
/// new inode (the temporary file renamed over it), so nothing of the old file's mode or group survives
/// unless it is copied: this says what the new file gets.
///
/// The temporary file is never more readable than the file it becomes: it is created with the final
/// mode (a new shared file) or private (0600) and widened only just before the rename, once written.
public enum FilePermissions: Sendable {
    /// A file of the store others may share (a case, the index, the marker, an editing mark, an
    /// export): a new one gets 0666 less the umask, as any program's new file does; one that replaces
    /// a file keeps that file's mode and group (and its owner, when root saves), so a save leaves a
    /// private case private, and a case shared with a group shared whatever this user's umask.
    case shared
    /// This user's alone: 0600 whatever the umask and whatever the file replaced allowed (a clerk's
    /// unsent draft or conflict copy is read by nobody else on the machine).
    case ownerOnly
    /// The mode and group of the file at the path given (an undo step, holding a case's earlier
    /// bytes, is exactly as readable as the case); 0600 when there is no such file.
    case sameAs(String)

    /// The mode to create the temporary file with (the umask applies), and the file whose mode and
    /// group it takes before the rename, if any.
    func plan(replacing path: String) -> (creationMode: mode_t, model: stat?) {
        switch self {
        case .shared:
            guard let existing = FilePermissions.regularFile(at: path) else { return (0o666, nil) }
            return (0o600, existing)
        case .ownerOnly: return (0o600, nil)
        case .sameAs(let other): return (0o600, FilePermissions.regularFile(at: other))
        }
    }

    /// Gives the open file `descriptor` the owner (where allowed), group and permission bits of `model`.
    /// Only the permission bits are copied: a set-user-ID or set-group-ID bit is never carried onto a
    /// file this process owns.
    static func adopt(_ model: stat, on descriptor: Int32) {
        // Root gives the file back to its owner. Anyone else may only choose the group, and only one
        // they belong to: a group that is not theirs (EPERM) is skipped, not an error, and the file
        // keeps the group it was created with (the directory's, in a set-group-ID directory). The
        // save itself is sound; refusing it over a group would only cost the user their work.
        if fchown(descriptor, model.st_uid, model.st_gid) != 0 {
            _ = fchown(descriptor, uid_t.max, model.st_gid)
        }
        // A file system without Unix modes (FAT, some network mounts) refuses this; it has no mode to keep.
        _ = fchmod(descriptor, model.st_mode & 0o777)
    }

    private static func regularFile(at path: String) -> stat? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return info
    }
}

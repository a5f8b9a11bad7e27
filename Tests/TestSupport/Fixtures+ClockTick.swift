import Foundation
import Glibc

extension Fixtures {
    /// Waits until the file system's clock is past the last change of every file in `directory`. The
    /// list index vouches only for files changed in an earlier tick than it was written
    /// (`Stamp.isSettled`): a listing fast enough to write its index in the tick the files were made in
    /// reads them again next time, which a test counting the files parsed must not take for a fault.
    public static func waitForTheNextTick(after directory: String) throws {
        func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
        func changed(_ path: String) -> Int64? {
            var info = stat()
            return stat(path, &info) == 0 ? max(nanoseconds(info.st_mtim), nanoseconds(info.st_ctim)) : nil
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let last = names.compactMap { changed(directory + "/" + $0) }.max() ?? 0
        let probe = directory + "/.banli-tick"
        repeat {
            _ = FileManager.default.createFile(atPath: probe, contents: Data())
        } while (changed(probe) ?? .max) <= last
        try FileManager.default.removeItem(atPath: probe)
    }
}

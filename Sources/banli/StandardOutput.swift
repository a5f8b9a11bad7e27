import Foundation

/// Writes `bytes` to standard output in as few `write`s as the pipe takes (one, mostly), after
/// whatever `print` has buffered: a table of 10,000 lines printed a line at a time made a `print`
/// call, and its locking, per line. A failed write (a closed pipe) ends the output, as `print` does.
func writeStandardOutput(_ bytes: [UInt8]) {
    fflush(nil)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

import Model

/// Writes a command's output to the file the user named with `-o`, replacing it atomically.
func writeOutput(_ text: String, to path: String) throws {
    do {
        try FileSystem.writeAtomically(Array(text.utf8), to: path)
    } catch StoreError.io(_, _, let code) {
        // The store's error names the temporary file written beside the target; the user named the target.
        throw StoreError.io(path: path, operation: "写入", errno: code)
    }
}

import Model

/// Writes a command's output to the file the user named with `-o`, replacing it atomically.
func writeOutput(_ text: String, to path: String) throws {
    try FileSystem.writeAtomically(Array(text.utf8), to: path)
}

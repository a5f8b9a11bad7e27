import ArgumentParser

/// The command line as banli reads it before the parser does: the global options written before
/// the command's name (`--store DIR`, `--store=DIR`, `--config FILE`), the word in the command's
/// place, and the rest.
///
/// swift-argument-parser gives whatever comes before a command's name to the default command
/// (`open`), so `banli --store DIR list` would run `open` with a stray `list`, and `banli lsit --x`
/// would be about the option rather than the mistyped command. A global option before the command
/// is common (`git -C DIR log`, `cargo --manifest-path FILE build`), so banli moves those options to
/// after the command's name before parsing (`parserOrder`); and since the default command takes no
/// argument, a word in the command's place that names no command is reported as that
/// (`unknownCommand`), whatever else is wrong after it.
struct CommandWords {
    /// The global options before the command's word, each with its value, as typed.
    let leadingOptions: [String]
    /// The first argument after the leading global options, unless it is an option (`-…`); nil
    /// when there is none.
    let word: String?
    /// Everything after the word (after the leading options when there is no word).
    let rest: [String]

    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count, let width = Self.globalOptionWidth(arguments, at: i) { i += width }
        leadingOptions = Array(arguments[..<i])
        if i < arguments.count, !arguments[i].hasPrefix("-") {
            word = arguments[i]
            rest = Array(arguments[(i + 1)...])
        } else {
            word = nil
            rest = Array(arguments[i...])
        }
    }

    /// The names that may stand in the command's place: banli's commands and the parser's `help`.
    static let commandNames = Set(Banli.configuration.subcommands.map { $0._commandName } + ["help"])

    /// The arguments in the order the parser is given them: the leading global options moved to
    /// just after a command's name; as typed when no command is named (the default command reads
    /// the options where they are).
    var parserOrder: [String] {
        guard let word, Self.commandNames.contains(word) else { return leadingOptions + (word.map { [$0] } ?? []) + rest }
        return [word] + leadingOptions + rest
    }

    /// The word in the command's place when it names no command: `lsit` of `banli --store DIR lsit --x`.
    var unknownCommand: String? {
        word.flatMap { Self.commandNames.contains($0) ? nil : $0 }
    }

    /// The word when it names the default command (`banli open …`), which the user then typed.
    var namesDefaultCommand: Bool {
        word != nil && word == Banli.configuration.defaultSubcommand?._commandName
    }

    /// How many arguments the global option at `i` takes up: 2 for `--store DIR`, 1 for
    /// `--store=DIR`; nil for anything else, `--store` with nothing after it included (the parser
    /// then says the value is missing).
    private static func globalOptionWidth(_ arguments: [String], at i: Int) -> Int? {
        for name in GlobalOptions.Name.allCases.map({ "--" + $0.rawValue }) {
            if arguments[i].hasPrefix(name + "=") { return 1 }
            if arguments[i] == name, i + 1 < arguments.count { return 2 }
        }
        return nil
    }
}

import Foundation

extension CaseID {
    /// The longest number `number(derivedFrom:)` gives: it leaves room within `isValidNumber`'s 16
    /// characters for the `-2`…`-999` a store adds when the number is taken (`CaseStore.freeID`).
    public static let derivedNumberLimit = 12

    /// The number a case without one of its own takes when a printed number is all there is.
    public static let fallbackNumber = "1"

    /// A safe ASCII ID number (`isValidNumber`) for a number as documents print it, so that the
    /// printed form can stay in `Case.printedNumber` whatever it holds: `第52号` → `52`,
    /// `B〔2017〕9号` → `B2017-9`, `155144` → `155144`, `090` → `090`, `第５２号` → `52`.
    ///
    /// The text is NFKC-normalised (full-width digits and letters become ASCII), then its runs of
    /// ASCII letters and digits are kept in order, joined by `-`, except that a run of letters joins
    /// the next run directly unless a `-` stands between them (`B〔2017〕` gives `B2017`, as the letter
    /// is a prefix of the year; `A-12` stays `A-12`). Leading zeros stay (`090`): they are part of the
    /// number as printed. A result longer than `derivedNumberLimit` keeps its last runs, since the
    /// serial comes last (`〔2018〕12号`); a text with no letter or digit gives `fallbackNumber`.
    public static func number(derivedFrom printed: String) -> String {
        /// Each run, and whether a `-` stood between it and the run before.
        var runs: [(text: String, afterHyphen: Bool)] = [], current = "", hyphen = false
        for scalar in printed.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.isASCII && (("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)) {
                current.unicodeScalars.append(scalar)
                continue
            }
            if !current.isEmpty {
                runs.append((current, hyphen))
                current = ""
                hyphen = false
            }
            if scalar == "-" { hyphen = true }
        }
        if !current.isEmpty { runs.append((current, hyphen)) }
        var number = ""
        for (i, run) in runs.enumerated().reversed() {
            let separator = number.isEmpty || (run.text.allSatisfy(\.isLetter) && !runs[i + 1].afterHyphen) ? "" : "-"
            let joined = run.text + separator + number
            if joined.count > derivedNumberLimit {
                if number.isEmpty { number = String(run.text.suffix(derivedNumberLimit)) }
                break
            }
            number = joined
        }
        return number.isEmpty ? fallbackNumber : number
    }

    /// A typed or printed case number as documents put it between 第 and 号, which is what
    /// `Case.printedNumber` keeps and the templates' `第{number}号` prints: surrounding spaces, a
    /// leading 第 and a trailing 号 go (`第52号` → `52`, `B〔2017〕9号` → `B〔2017〕9`); the rest is kept
    /// as written.
    public static func bareNumber(_ typed: String) -> String {
        var bare = Substring(TypedText.trimmed(typed))
        if bare.hasPrefix("第") { bare = bare.dropFirst() }
        if bare.hasSuffix("号") { bare = bare.dropLast() }
        return TypedText.trimmed(String(bare))
    }

    /// The same kind, meeting and number with `-n` added (`52` → `52-2`): the IDs a store tries in
    /// turn when a derived number is taken.
    public func numbered(_ n: Int) -> CaseID {
        CaseID(kind: kind, meeting: meeting, number: "\(number)-\(n)")
    }
}

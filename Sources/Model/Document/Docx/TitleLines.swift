/// A long title broken into lines of sensible length (GB/T 9704-2012 7.3.1: "回行时，要做到词意完整，
/// 排列对称，长短适宜，间距恰当"), for want of a Chinese dictionary by these rules: never inside a
/// run of Latin letters or digits (`090`) or before closing punctuation, inside brackets (`《…》`,
/// `〔…〕`, `（…）`) only when nothing else fits; preferably after a particle, a joining word or punctuation (`的`, `关于`,
/// `、`, `号` …) or before `关于`, `第`, `《`; the lines as even as those allow, none longer than
/// fits.
enum TitleLines {
    /// The lines of `title`: its own lines when it has line breaks, else the balanced break of a
    /// title wider than `maxWidth` (in full-width characters, `DocxGeometry.width(of:)`).
    static func lines(of title: String, maxWidth: Double) -> [String] {
        if title.contains("\n") { return title.split(separator: "\n").map(String.init) }
        let characters = Array(title)
        let total = DocxGeometry.width(of: characters)
        guard total > maxWidth, characters.count > 1 else { return [title] }
        let breaks = breakQuality(characters)
        let count = Int((total / maxWidth).rounded(.up))
        // Best[i][k]: the least cost of setting characters[..<i] on k lines.
        let target = total / Double(count)
        let most = characters.count
        var best = Array(repeating: Array(repeating: (cost: Double.infinity, from: -1), count: most + 1), count: characters.count + 1)
        best[0][0] = (0, -1)
        for end in 1...characters.count where end == characters.count || breaks[end] != nil {
            for start in 0..<end where start == 0 || breaks[start] != nil {
                let w = DocxGeometry.width(of: characters[start..<end])
                guard w <= maxWidth else { continue }
                let penalty = (w - target) * (w - target) + (end == characters.count ? 0 : breaks[end]!)
                for k in 1...most where best[start][k - 1].cost < .infinity {
                    let cost = best[start][k - 1].cost + penalty
                    if cost < best[end][k].cost { best[end][k] = (cost, start) }
                }
            }
        }
        // The fewest lines (from `count`) that the allowed breaks make fit; with none (one unbreakable run), the title whole.
        guard let k = (count...most).first(where: { best[characters.count][$0].cost < .infinity }) else { return [title] }
        var lines: [String] = [], end = characters.count, line = k
        while end > 0 {
            let start = best[end][line].from
            lines.insert(String(characters[start..<end]), at: 0)
            end = start
            line -= 1
        }
        return lines
    }

    /// Per position `i` (a break before `characters[i]`) the cost of breaking there: nil where a
    /// break is not allowed, 0 at a preferred place, 30 elsewhere (likely inside a word: `第五次/会议`
    /// must lose to lines five characters less even), 40 inside brackets (only where a bracketed
    /// name is longer than a line).
    private static func breakQuality(_ characters: [Character]) -> [Double?] {
        let opening: Set<Character> = ["《", "〔", "（", "(", "“", "【"], closing: Set<Character> = ["》", "〕", "）", ")", "”", "】"]
        let noLineStart: Set<Character> = closing.union(["，", "。", "、", "；", "：", "？", "！", "·"])
        let goodAfter: Set<Character> = ["的", "、", "，", "；", "：", "》", "〕", "）", "号", "议", "于", "和", "与", "及", "对"]
        let goodBefore: Set<Character> = ["关", "第", "《", "（"]
        var quality = [Double?](repeating: nil, count: characters.count + 1)
        var depth = 0
        for i in 0..<characters.count {
            if i > 0 {
                let before = characters[i - 1], after = characters[i]
                let inWord = (before.isASCII && (before.isLetter || before.isNumber)) && (after.isASCII && (after.isLetter || after.isNumber))
                if !inWord, !noLineStart.contains(after), !opening.contains(before) {
                    quality[i] = depth > 0 ? 40 : goodAfter.contains(before) || goodBefore.contains(after) ? 0 : 30
                }
            }
            if opening.contains(characters[i]) { depth += 1 }
            if closing.contains(characters[i]) { depth = max(0, depth - 1) }
        }
        return quality
    }
}

/// The three rules of a three-way merge, shared by the reply form's 合并 (`ReplyMerge`) and the merge
/// of two copies of a case (`CaseMerge`): one value, a list of names, and an append-only record.
///
/// `base` is the common ancestor, nil when there is none (the same case added in both copies).
enum ThreeWay {
    /// One value: the same on both sides → it; changed on one side only → that side's; changed on
    /// both sides, differently → `mine`, with `clash` set so that the caller records `theirs`.
    static func value<T: Equatable>(_ base: T?, _ mine: T, _ theirs: T) -> (value: T, clash: Bool) {
        if mine == theirs { return (mine, false) }
        if let base, mine == base { return (theirs, false) }
        if let base, theirs == base { return (mine, false) }
        return (mine, true)
    }

    /// A list of names (联名人, 抄送…) merged as a set: what either side added is kept, what either
    /// side removed is removed; never a clash. `mine`'s order, then `theirs`' additions in theirs' order.
    static func names<T: Hashable>(_ base: [T]?, _ mine: [T], _ theirs: [T]) -> [T] {
        if mine == theirs { return mine }
        if let base, mine == base { return theirs }
        if let base, theirs == base { return mine }
        let original = Set(base ?? [])
        let removed = original.subtracting(mine).union(original.subtracting(theirs))
        var seen = Set<T>()
        return (mine + theirs).filter { !removed.contains($0) && seen.insert($0).inserted }
    }

    /// An append-only record (日志, 面商记录, 办理结果…): the union of both sides, each entry once
    /// (entries are the same when `identity` is), in the order `time` gives (stable: entries at the
    /// same time keep `mine`'s order, then `theirs`'). An entry one side removed relative to `base`
    /// (an undo, a resolved conflict) stays removed. An entry changed in place on one side (a 更正
    /// mark on an old 办理结果) comes out once, as changed; changed differently on both sides, as `mine`.
    static func records<T: Hashable, Key: Hashable, Time: Comparable>(
        _ base: [T]?, _ mine: [T], _ theirs: [T], identity: (T) -> Key, time: (T) -> Time
    ) -> [T] {
        if mine == theirs { return mine }
        func byKey(_ list: [T]) -> [Key: T] { Dictionary(list.map { (identity($0), $0) }, uniquingKeysWith: { first, _ in first }) }
        let original = byKey(base ?? []), ours = byKey(mine), other = byKey(theirs)
        let removed = Set(original.keys.filter { ours[$0] == nil || other[$0] == nil })
        var seen = Set<Key>()
        var merged: [T] = []
        for entry in mine + theirs {
            let key = identity(entry)
            guard !removed.contains(key), seen.insert(key).inserted else { continue }
            if let m = ours[key], let t = other[key] {
                merged.append(value(original[key], m, t).value)
            } else {
                merged.append(entry)
            }
        }
        let times = merged.map(time)
        return merged.indices.sorted { a, b in times[a] != times[b] ? times[a] < times[b] : a < b }.map { merged[$0] }
    }
}

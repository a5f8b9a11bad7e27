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
    /// (entries are the same when `identity` is; equal entries within one side — a clerk's two equal
    /// lines in one second — are told apart by their order, so both are kept), in the order `time`
    /// gives (stable: entries at the same time keep `mine`'s order, then `theirs`'). An entry one side
    /// removed relative to `base` (an undo, a resolved conflict) stays removed. An entry changed in
    /// place on one side (a 更正 mark on an old 办理结果) comes out once, as changed; changed differently
    /// on both sides, both versions are kept, `mine`'s first: neither side's mark is lost.
    static func records<T: Hashable, Key: Hashable, Time: Comparable>(
        _ base: [T]?, _ mine: [T], _ theirs: [T], identity: (T) -> Key, time: (T) -> Time
    ) -> [T] {
        if mine == theirs { return mine }
        func keyed(_ list: [T]) -> [(key: Occurrence<Key>, entry: T)] {
            var counts: [Key: Int] = [:]
            return list.map { entry in
                let key = identity(entry), n = counts[key, default: 0]
                counts[key] = n + 1
                return (Occurrence(key: key, n: n), entry)
            }
        }
        let ourList = keyed(mine), otherList = keyed(theirs)
        let original = Dictionary(uniqueKeysWithValues: keyed(base ?? []).map { ($0.key, $0.entry) })
        let ours = Dictionary(uniqueKeysWithValues: ourList.map { ($0.key, $0.entry) })
        let other = Dictionary(uniqueKeysWithValues: otherList.map { ($0.key, $0.entry) })
        let removed = Set(original.keys.filter { ours[$0] == nil || other[$0] == nil })
        var seen = Set<Occurrence<Key>>()
        var merged: [T] = []
        for (key, entry) in ourList + otherList {
            guard !removed.contains(key), seen.insert(key).inserted else { continue }
            if let m = ours[key], let t = other[key] {
                let (taken, clash) = value(original[key], m, t)
                merged.append(taken)
                if clash { merged.append(t) }
            } else {
                merged.append(entry)
            }
        }
        let times = merged.map(time)
        return merged.indices.sorted { a, b in times[a] != times[b] ? times[a] < times[b] : a < b }.map { merged[$0] }
    }
}

/// The n-th entry (from 0) of a list with a given identity: what tells equal records of one side apart.
private struct Occurrence<Key: Hashable>: Hashable {
    var key: Key
    var n: Int
}

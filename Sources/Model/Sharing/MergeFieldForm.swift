/// How one kind of field is spelt as text in a conflict record, and read back from a text the user
/// chose or wrote: as the case file spells it (`2018-11-01`, 是/否), a record (撤案, 签发, 公开属性)
/// as lines of `键：值` in the case file's keys.
struct MergeFieldForm<Value> {
    let show: (Value) -> String
    /// Reads `text` for the field labelled `label`.
    let read: (_ text: String, _ label: String, _ vocabulary: CaseVocabulary) throws(MergeFieldError) -> Value

    typealias K = CaseFileKey
}

extension MergeFieldForm where Value == String {
    /// Any text, kept as written.
    static var text: Self { Self(show: { $0 }, read: { text, _, _ throws(MergeFieldError) in text }) }

    /// A one-line text (a name, a number, a heading, 期限说明): a line break is refused, as the
    /// forms keep these fields to one line and every screen and document shows them on one.
    static var line: Self {
        Self(show: { $0 }, read: { text, label, _ throws(MergeFieldError) in try oneLine(text, label) })
    }

    /// A one-line text the case file requires (标题).
    static var required: Self {
        Self(show: { $0 }, read: { text, label, _ throws(MergeFieldError) in
            guard !text.isBlank else { throw .invalid(field: label, why: "不能为空") }
            return try oneLine(TypedText.trimmed(text), label)
        })
    }

    /// `text`, refused when it holds a line break.
    private static func oneLine(_ text: String, _ label: String) throws(MergeFieldError) -> String {
        guard !text.contains(where: \.isNewline) else { throw .invalid(field: label, why: "只能写一行，请删去换行") }
        return text
    }

    /// One of the configured workflow states.
    static var status: Self {
        Self(show: { $0 }, read: { text, label, vocabulary throws(MergeFieldError) in
            guard let state = TypedText.match(text, in: vocabulary.statuses) else {
                throw .invalid(field: label, why: "未知状态“\(TypedText.normalized(text))”（可选：\(vocabulary.statuses.joined(separator: "、"))）")
            }
            return state
        })
    }
}

extension MergeFieldForm where Value == [String] {
    /// A list of names, one a line; blank lines are dropped.
    static var names: Self {
        Self(show: { $0.joined(separator: "\n") }, read: { text, _, _ throws(MergeFieldError) in
            text.split(whereSeparator: \.isNewline).map { TypedText.trimmed(String($0)) }.filter { !$0.isEmpty }
        })
    }
}

extension MergeFieldForm where Value == Bool {
    static var yesNo: Self {
        Self(show: { $0 ? "是" : "否" }, read: { text, label, _ throws(MergeFieldError) in
            do throws(FieldProblem) { return try CaseFields.yesNo(text, .isKey) } catch { throw .invalid(field: label, why: error.reason) }
        })
    }
}

extension MergeFieldForm where Value == Int {
    /// A reply section's 层级, 1–4.
    static var level: Self {
        Self(show: { "\($0)" }, read: { text, label, _ throws(MergeFieldError) in
            guard let n = Int(TypedText.normalized(text)), ReplySection.levels.contains(n) else {
                throw .invalid(field: label, why: "应为 1–4，不是“\(TypedText.normalized(text))”")
            }
            return n
        })
    }
}

extension MergeFieldForm where Value == HandlingRole {
    static var role: Self {
        Self(show: \.rawValue, read: { text, label, _ throws(MergeFieldError) in
            guard let role = HandlingRole(typed: text) else { throw .invalid(field: label, why: "应为主办、会办、分办或独办") }
            return role
        })
    }
}

extension MergeFieldForm where Value == LocalDate? {
    /// A date as `YYYY-MM-DD`; empty for none.
    static var date: Self {
        Self(show: { $0?.description ?? "" }, read: { text, label, _ throws(MergeFieldError) in try MergeFieldForm.day(text, label) })
    }

    static func day(_ text: String, _ label: String) throws(MergeFieldError) -> LocalDate? {
        guard !text.isBlank else { return nil }
        do { return try LocalDate(written: text) } catch { throw .invalid(field: label, why: "“\(TypedText.normalized(text))”无效：\(error)") }
    }
}

extension MergeFieldForm where Value == CaseID? {
    /// 并入: a case ID (`zx6-5-090`); empty for none.
    static var caseID: Self {
        Self(show: { $0?.description ?? "" }, read: { text, label, _ throws(MergeFieldError) in
            let typed = TypedText.normalized(text)
            guard !typed.isEmpty else { return nil }
            guard let id = CaseID(typed), id.description == typed else { throw .invalid(field: label, why: "应为案件编号，如 zx6-5-090") }
            return id
        })
    }
}

extension MergeFieldForm {
    /// A record written as lines of `键：值` (`日期：2018-11-01`), empty for none: `show` gives the
    /// lines, `make` builds the record from the values by key (a key left out is empty).
    static func record(_ keys: [String], show: @escaping (Value) -> [String]?,
                       make: @escaping (_ values: [String: String], _ label: String, _ vocabulary: CaseVocabulary) throws(MergeFieldError) -> Value,
                       none: Value) -> Self {
        Self(show: { value in
            guard let values = show(value) else { return "" }
            return zip(keys, values).filter { !$0.1.isEmpty }.map { "\($0.0)：\($0.1)" }.joined(separator: "\n")
        }, read: { text, label, vocabulary throws(MergeFieldError) in
            guard !text.isBlank else { return none }
            var values: [String: String] = [:]
            for line in text.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
                guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }),
                      case let key = TypedText.trimmed(String(line[..<colon])), keys.contains(key) else {
                    throw .invalid(field: label, why: "每行写作“键：值”，键为\(keys.joined(separator: "、"))")
                }
                values[key] = TypedText.trimmed(String(line[line.index(after: colon)...]))
            }
            return try make(values, label, vocabulary)
        })
    }

    /// The date under `key` in `values`, required.
    static func requiredDate(_ values: [String: String], _ key: String, _ label: String) throws(MergeFieldError) -> LocalDate {
        guard let date = try MergeFieldForm<LocalDate?>.day(values[key] ?? "", label) else { throw .invalid(field: label, why: "缺少\(key)") }
        return date
    }
}

extension MergeFieldForm where Value == Withdrawal? {
    static var withdrawal: Self {
        record([K.date, K.reason, K.recordedOn], show: { $0.map { [$0.date.description, $0.reason, $0.recordedBy] } },
               make: { values, label, _ throws(MergeFieldError) in
            Withdrawal(date: try requiredDate(values, K.date, label), reason: values[K.reason] ?? "", recordedBy: values[K.recordedOn] ?? "")
        }, none: nil)
    }
}

extension MergeFieldForm where Value == SignOff? {
    static var signOff: Self {
        record([K.signer, K.date], show: { $0.map { [$0.signer, $0.date.description] } },
               make: { values, label, _ throws(MergeFieldError) in
            guard let signer = values[K.signer], !signer.isEmpty else { throw .invalid(field: label, why: "缺少\(K.signer)") }
            return SignOff(signer: signer, date: try requiredDate(values, K.date, label))
        }, none: nil)
    }
}

extension MergeFieldForm where Value == Disclosure? {
    static var disclosure: Self {
        record([K.category, K.reason], show: { $0.map { [$0.category, $0.reason] } },
               make: { values, label, vocabulary throws(MergeFieldError) in
            guard let category = TypedText.match(values[K.category] ?? "", in: vocabulary.disclosures) else {
                throw .invalid(field: label, why: "类别应为\(vocabulary.disclosures.joined(separator: "、"))")
            }
            return Disclosure(category: category, reason: values[K.reason] ?? "")
        }, none: nil)
    }
}

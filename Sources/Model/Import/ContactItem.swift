/// One item of a reply's contact block, read back: `联系人：郑敏`, `联系电话：021-6600000`,
/// `分管领导：陈立新`. Offices label them differently (`联系人姓名`, `电话`, `邮编`).
struct ContactItem: Hashable {
    /// The reply field an item fills, with the labels it is printed under.
    enum Field: CaseIterable {
        case leader, person, phone, address, postcode

        var labels: [String] {
            switch self {
            case .leader: return ["分管领导", "分管负责人", "分管领导姓名"]
            case .person: return ["联系人", "联系人姓名", "经办人", "承办人"]
            case .phone: return ["联系电话", "电话", "联系方式", "办公电话"]
            case .address: return ["联系地址", "地址", "通讯地址"]
            case .postcode: return ["邮政编码", "邮编"]
            }
        }

        static let allLabels = allCases.flatMap(\.labels)

        func store(_ value: String, in reply: inout ReadReply) {
            switch self {
            case .leader: reply.leader = value
            case .person: reply.contactPerson = value
            case .phone: reply.contactPhone = value
            case .address: reply.contactAddress = value
            case .postcode: reply.postcode = value
            }
        }
    }

    var field: Field
    var value: String

    /// The items of `line` when every one of them is a contact item; nil otherwise.
    static func line(_ line: String) -> [ContactItem]? {
        let items = LineItems.split(line).map { item -> ContactItem? in
            guard let labelled = LabelledText(item), !labelled.value.isEmpty,
                  let field = Field.allCases.first(where: { $0.labels.contains(labelled.label) }) else { return nil }
            return ContactItem(field: field, value: labelled.value)
        }
        guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { return nil }
        return items.compactMap { $0 }
    }
}

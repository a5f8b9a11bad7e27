import Model

/// Makes realistic cases for the benchmark, the same ones every run: proposal texts of 600 to 1,400
/// characters drawn from many different sentences, half of the cases with a reply of three or four
/// sections (about 800 to 1,700 characters), and the records a case gathers as it is handled
/// (outcomes, sign-off, contacts, feedback, a journal). One case in 500 has a sentence of its own,
/// which only a search of the text finds.
struct CaseGenerator {
    static let rareSentence = "建议在老旧小区加装电梯，并设立专项补贴。"

    let configuration: Configuration

    /// A topic: its name, what titles say, and sentences that only cases on it use.
    private struct Topic {
        var name: String
        var subjects: [String]
        var sentences: [String]
    }

    private static let topics = [
        Topic(name: "养老服务", subjects: ["社区养老服务设施", "居家养老服务", "长者食堂", "农村互助养老"], sentences: [
            "我区60周岁以上户籍老年人口已超过全区户籍人口的三成，高龄、独居、失能老人数量逐年增加。",
            "部分社区养老服务设施面积不足、功能单一，日间照料中心的利用率不高，助餐点分布不均衡。",
            "农村地区老年人居住分散，子女外出务工，互助养老点的运营经费和专业人员都较为缺乏。",
            "长者食堂普遍存在运营成本高、菜品单一、配送覆盖面小的问题，难以持续运营。",
        ]),
        Topic(name: "社会救助", subjects: ["社会救助一门受理", "支出型贫困家庭救助", "临时救助"], sentences: [
            "困难群众申请救助需要在民政、医保、人社、残联等多个窗口之间往返，材料重复提交。",
            "因病、因残致贫的支出型贫困家庭往往不在低保范围内，却承担着沉重的医疗和照护负担。",
            "部门之间数据共享不充分，家庭经济状况核对需要多次提交证明材料，办理周期较长。",
        ]),
        Topic(name: "社区治理", subjects: ["居委会减负增能", "社区工作者队伍建设", "住宅小区综合治理"], sentences: [
            "居委会承担的台账、报表、检查事项过多，社区工作者用于走访群众的时间被大量挤占。",
            "社区工作者薪酬待遇偏低、职业发展通道不畅，队伍流动性较大，年轻骨干流失明显。",
            "部分老旧小区物业服务缺位，停车难、垃圾分类、违章搭建等问题长期得不到解决。",
        ]),
        Topic(name: "殡葬管理", subjects: ["节地生态安葬", "殡葬服务收费管理"], sentences: [
            "节地生态安葬的宣传引导力度不够，群众对海葬、树葬、草坪葬等方式的接受度仍然不高。",
            "部分殡葬服务项目收费标准不透明，捆绑销售、价格虚高的现象仍有发生。",
        ]),
        Topic(name: "儿童福利", subjects: ["困境儿童关爱保护", "儿童之家建设"], sentences: [
            "困境儿童的发现报告机制还不健全，部分留守儿童、事实无人抚养儿童未能及时纳入保障。",
            "儿童之家在部分村居仅有牌子没有活动，专职儿童主任兼职过多，服务能力有限。",
        ]),
        Topic(name: "婚姻登记", subjects: ["婚姻登记服务", "婚姻家庭辅导"], sentences: [
            "婚姻登记高峰日预约名额紧张，部分群众需提前一个月预约，周末和节假日办理需求难以满足。",
            "婚姻家庭辅导服务覆盖面不广，离婚冷静期内的调解和辅导缺少专业力量。",
        ]),
        Topic(name: "慈善事业", subjects: ["社区慈善基金", "慈善超市转型发展"], sentences: [
            "社区慈善基金的募集渠道单一，资金使用公开透明程度不够，居民参与的积极性不高。",
            "慈善超市的经营模式较为传统，捐赠物资品类有限，部分门店客流稀少。",
        ]),
        Topic(name: "残疾人服务", subjects: ["残疾人就业支持", "无障碍环境建设"], sentences: [
            "残疾人辅助性就业机构规模较小，岗位类型单一，难以满足不同残疾类别人员的就业需求。",
            "部分公共场所和住宅小区的无障碍设施建设标准不高、维护不及时，存在被占用的情况。",
        ]),
    ]

    /// Sentences that proposals on any topic use.
    private static let common = [
        "近年来，在区委、区政府的领导下，我区民生保障工作取得了明显成效，群众的获得感、幸福感不断增强。",
        "但对照人民群众日益增长的美好生活需要，相关工作仍存在一些短板和不足，需要引起高度重视。",
        "从调研情况看，基层普遍反映政策宣传不够到位，部分群众对可以享受的服务和待遇并不了解。",
        "相关工作涉及多个部门，职责分工有待进一步明确，协同推进的合力尚未完全形成。",
        "财政投入保障机制还不够稳定，社会力量参与的渠道不多，专业人才队伍建设相对滞后。",
        "信息化建设水平参差不齐，各系统之间数据标准不统一，信息孤岛现象仍然存在。",
        "街镇之间发展不平衡，城区和郊区在设施配置、服务供给方面差距较为明显。",
        "考核评价机制有待完善，重建设轻运营、重数量轻质量的问题在一些地方仍然突出。",
        "建议加强统筹协调，明确牵头部门和配合部门的职责，建立定期会商和督办机制。",
        "建议加大财政投入力度，将相关经费纳入年度预算，并建立与经济社会发展相适应的动态增长机制。",
        "建议充分发挥社会组织、志愿者和市场主体的作用，形成政府主导、多方参与的工作格局。",
        "建议依托区大数据资源平台，推动部门数据互联互通，实现“一次采集、多方复用”。",
        "建议加强专业人才培养，完善薪酬激励和职业发展政策，稳定基层工作队伍。",
        "建议建立健全服务质量评估体系，引入第三方评估，并将评估结果与经费拨付挂钩。",
        "建议加强政策宣传解读，通过社区公告栏、微信公众号、入户走访等多种方式，让群众应知尽知。",
        "建议选择基础较好的街镇先行试点，及时总结经验，成熟后在全区推广。",
    ]

    /// Sentences that replies use.
    private static let replySentences = [
        "我局高度重视，会同相关部门进行了认真研究，并多次听取基层意见。",
        "近年来，我局围绕民生保障的重点难点问题，持续完善政策体系，推动各项工作落地见效。",
        "一是加强统筹谋划，将相关工作纳入全区民政事业发展规划，明确年度目标和责任分工。",
        "二是加大资金投入，今年区级财政安排专项资金，用于设施建设、服务补贴和人员培训。",
        "三是强化部门协同，建立由分管区领导牵头、相关部门参加的联席会议制度，定期研究解决重点问题。",
        "目前，全区各街镇均已建立相应的工作机制，服务覆盖面和群众满意度稳步提升。",
        "针对您提到的问题，我局已组织开展专题调研，梳理形成问题清单和任务清单，逐项推进解决。",
        "我局将依托区大数据资源平台，推进与相关部门的数据共享，减少群众重复提交材料。",
        "同时，我局将加强对街镇的业务指导和培训，提升基层工作人员的政策水平和服务能力。",
        "下一步，我局将继续跟踪政策落实情况，适时开展评估，不断完善相关制度措施。",
    ]

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    private static let givenNames = ["建国", "志强", "秀英", "桂兰", "海燕", "文斌", "丽华", "国平", "素芬", "永林",
                                     "晓东", "红梅", "卫东", "建军", "玉珍", "明华", "春生", "雪峰", "佳怡", "子涵"]
    private static let handlers = ["wangli", "chenjie", "zhaomin", "sunyu", "lihua"]

    /// The case numbered `i`; cases 0..<count share out meetings, topics, statuses and lengths.
    func make(_ i: Int) -> Case {
        var random = Random(seed: UInt64(i))
        let topic = CaseGenerator.topics[i % CaseGenerator.topics.count]
        let kind: CaseKind = i % 2 == 0 ? .proposal : .suggestion
        let session = 1 + (i / 2) % 5
        let assigned = LocalDate(year: 2021 + session, month: 3, day: 1)!.adding(days: random.below(60))
        let role: HandlingRole = random.below(10) == 0 ? .coHandler : .lead
        // One case in 25 (proposals and suggestions alike) was entered from a published reply: no
        // meeting, no 交办日期, hence no deadline, and a printed number of its own. (The journal's
        // dates still follow `assigned`.)
        let fromReply = i % 25 == 24
        let deadline = fromReply ? nil : configuration.deadlines.replyDeadline(assignedOn: assigned, role: role)
        let subject = topic.subjects[random.below(topic.subjects.count)]
        let title = "关于" + ["完善", "加强", "推进", "优化", "进一步做好"][random.below(5)] + subject + "工作的" + (kind == .proposal ? "提案" : "建议")
        let lead = name(&random)
        let signers = (0..<[0, 0, 1, 2, 3][random.below(5)]).map { _ in name(&random) }
        let handler = CaseGenerator.handlers[random.below(CaseGenerator.handlers.count)]
        // Half have a reply: those have got further in the workflow.
        let replied = i % 2 == 0
        let states = configuration.workflow.states.map(\.name)
        let status = replied ? states[2 + random.below(4)] : [states[0], states[1], states[1], states[1], states[6]][random.below(5)]
        var c = Case(kind: kind, meeting: fromReply ? .unknown : Meeting(term: 6, session: session), number: String(format: "%06d", i),
                     printedNumber: fromReply ? "第\(i)号" : "", title: title,
                     leadProposer: lead, jointSigners: signers, topic: topic.name, isKey: random.below(20) == 0, role: role,
                     assignedOn: fromReply ? nil : assigned, deadline: deadline, status: status, handler: handler,
                     returnReason: status == states[6] ? "该事项不属于我局职责范围，建议改由区住房保障和房屋管理局办理。" : "",
                     disclosure: Disclosure(category: configuration.disclosure.defaultOption),
                     text: proposalText(topic, case: i, &random))
        c.journal = [JournalEntry(time: "\(assigned)T09:00:00+08:00", user: handler, text: "新建案件（导入交办清单）")]
        if status != states[0] {
            c.journal.append(JournalEntry(time: "\(assigned.adding(days: 1))T10:00:00+08:00", user: handler, text: "签收；经办人：\(handler)"))
        }
        for k in 0..<random.below(3) {
            let day = assigned.adding(days: 10 + 20 * k)
            c.contacts.append(ContactEntry(date: day, method: [.visit, .phone, .forum][random.below(3)],
                                           people: lead + "委员；区民政局" + name(&random),
                                           summary: sentences(CaseGenerator.replySentences, count: 2, &random)))
            c.journal.append(JournalEntry(time: "\(day)T16:00:00+08:00", user: handler, text: "登记面商"))
        }
        guard replied else { return c }
        let repliedOn = assigned.adding(days: 50 + random.below(60))
        c.reply = Reply(documentNumber: "青民函〔\(assigned.year)〕\(i % 1000)号", date: status == states[2] ? nil : repliedOn,
                        salutation: ([lead] + signers).joined(separator: "、") + (kind == .proposal ? "委员：" : "代表："),
                        opening: "您提出的《\(title)》收悉，经研究，现将办理情况答复如下：",
                        sections: (0..<(3 + random.below(2))).map { k in
                            ReplySection(heading: ["加强统筹协调", "加大投入力度", "推进数据共享", "强化队伍建设"][k],
                                         text: (0..<2).map { _ in sentences(CaseGenerator.replySentences + topic.sentences, count: 3 + random.below(3), &random) }
                                             .joined(separator: "\n"))
                        },
                        closing: "感谢您对民政工作的关心和支持。", signature: configuration.office.unit,
                        contactPerson: configuration.office.contactPerson, contactPhone: configuration.office.phone)
        let outcome = configuration.outcomeScheme[random.below(configuration.outcomeScheme.count)].label
        c.outcomes = [OutcomeRecord(result: outcome, date: repliedOn, recordedBy: handler)]
        c.journal.append(JournalEntry(time: "\(repliedOn)T11:00:00+08:00", user: handler, text: "答复稿提交审核"))
        if status != states[2] {
            c.signOff = SignOff(signer: "顾卫东", date: repliedOn.adding(days: -2))
            c.journal.append(JournalEntry(time: "\(repliedOn)T15:00:00+08:00", user: handler, text: "签发（签发人：顾卫东）"))
        }
        if (status == states[4] || status == states[5]) && random.below(10) < 7 {
            let satisfaction = [Feedback.Satisfaction.satisfied, .satisfied, .basicallySatisfied, .dissatisfied][random.below(4)]
            c.feedback = [Feedback(date: repliedOn.adding(days: 20), satisfaction: satisfaction, visited: random.below(2) == 0)]
            c.journal.append(JournalEntry(time: "\(repliedOn.adding(days: 20))T10:30:00+08:00", user: handler,
                                          text: "登记反馈：\(satisfaction.rawValue)"))
        }
        return c
    }

    /// Three paragraphs (the situation, the problems, the proposals) of 600 to 1,400 characters.
    private func proposalText(_ topic: Topic, case i: Int, _ random: inout Random) -> String {
        let common = CaseGenerator.common
        var paragraphs = [
            sentences(Array(common[0..<3]) + topic.sentences, count: 4 + random.below(5), &random),
            sentences(Array(common[3..<8]) + topic.sentences, count: 5 + random.below(8), &random),
            "为此建议：" + sentences(Array(common[8...]), count: 4 + random.below(7), &random),
        ]
        if i % 500 == 250 { paragraphs[2] += CaseGenerator.rareSentence }
        return paragraphs.joined(separator: "\n") + "\n"
    }

    private func sentences(_ pool: [String], count: Int, _ random: inout Random) -> String {
        (0..<count).map { _ in pool[random.below(pool.count)] }.joined()
    }

    private func name(_ random: inout Random) -> String {
        String(CaseGenerator.surnames[random.below(CaseGenerator.surnames.count)])
            + CaseGenerator.givenNames[random.below(CaseGenerator.givenNames.count)]
    }
}

/// SplitMix64: the same numbers for the same seed on every machine, so every run generates the same
/// store.
struct Random {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

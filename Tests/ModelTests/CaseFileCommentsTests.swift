import Foundation
import Testing
@testable import Model
import TestSupport

/// A `#` is a comment only where YAML reads it as one: not inside a literal block, a quoted string or
/// a plain word.
@Suite struct CaseFileCommentsTests {
    @Test func onlyRealCommentsAreFound() {
        let text = """
        # banli 案件文件 —— 区政协第六届委员会第五次会议 第001号提案
        格式: banli-case/1   # 行尾注释
        标题: "引号里的 # 不是注释"
        主题: C#语言
        # 整行注释
        联名人: [甲, 乙] # 列表后的注释
        提案正文: |
          # 文字块中的 # 是正文
          第二段 # 也是正文
        答复: '单引号 # 也不是'

        """
        #expect(CaseFileComments.lines(in: Array(text.utf8)) == [2, 5, 6])
        // Windows line ends are counted as one break each, and banli's own header is not the clerk's.
        #expect(CaseFileComments.lines(in: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)) == [2, 5, 6])
        #expect(CaseFileComments.lines(in: Array("# 手写的第一行\n格式: x\n".utf8)) == [1])
    }

    @Test func aFileBanliWroteHasNone() {
        #expect(CaseFileComments.lines(in: Array(CaseFileEncoder.encode(Fixtures.fullCase()).utf8)).isEmpty)
    }

    /// A save says which comments it dropped; a save of a file without any says nothing.
    @Test func aSaveReportsTheCommentsItDropped() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory(), vocabulary: Fixtures.configuration().vocabulary)
        let first = try store.create(Fixtures.fullCase())
        #expect(first.droppedComments.isEmpty && first.droppedCommentsNote == nil)
        var text = String(decoding: Fixtures.bytes(first.path), as: UTF8.self)
        text = text.replacingOccurrences(of: "主题: 基层治理\n", with: "主题: 基层治理 # 待确认\n")
        Fixtures.write(text, to: first.path)
        let edited = try store.load(first.value.id)
        var c = edited.value
        c.topic = "社区治理"
        let saved = try store.save(c, replacing: edited.revision)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("主题:") }! + 1
        #expect(saved.droppedComments == [line])
        #expect(saved.droppedCommentsNote == "已删除文件中的注释（第\(line)行；banli 不保留注释）")
        #expect(try store.save(c, replacing: saved.revision).droppedComments.isEmpty)
    }
}

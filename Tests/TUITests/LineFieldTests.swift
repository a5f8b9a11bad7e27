import Testing
@testable import TUI

/// The one-line field's sideways scrolling: the caret always in view, whole characters only, and
/// some of the text after a caret inside the text shown too.
@Suite struct LineFieldTests {
    func field(_ text: String, caret: Int, width: Int) -> LineField {
        var editor = TextEditor(text: text)
        editor.moveCaret(to: caret)
        return LineField(editor, labelWidth: 0, width: width)
    }

    /// Defect: with the caret inside a long path at 40 columns, the view ended at the caret, so the
    /// character the caret stood on was hidden under `…`.
    @Test func aCaretInsideTheTextShowsWhatFollowsIt() {
        let path = "/work/trial15/zx5-2-090 关于青浦区政协第五届委员会第二次会议第090号提案的办理意见.docx"
        let caret = path.distance(from: path.startIndex, to: path.range(of: "提案")!.lowerBound)
        let f = field(path, caret: caret, width: 30)
        #expect(f.shown.contains("提案"), "\(f.shown)")
        #expect(TextMetrics.width(of: f.shown) <= 29 && f.shown.hasPrefix("…") && f.shown.hasSuffix("…"), "\(f.shown)")
        let before = f.shown.prefix { $0 != "提" }
        #expect(f.caret == TextMetrics.width(of: String(before)), "the caret stands on 提")
    }

    @Test func aCaretAtTheEndShowsTheEnd() {
        let text = "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见"
        let f = field(text, caret: text.count, width: 20)
        #expect(f.shown.hasPrefix("…") && f.shown.hasSuffix("办理意见") && f.caret == TextMetrics.width(of: f.shown))
    }
}

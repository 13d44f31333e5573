import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

@Suite struct MatrixSnapshotTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  @Test func sampleAt80x24() throws {
    try assertSnapshot(
      render(try sampleState(width: 80, height: 24), theme: theme), named: "sample-80x24")
  }

  @Test func sampleAt140x40() throws {
    try assertSnapshot(
      render(try sampleState(width: 140, height: 40), theme: theme), named: "sample-140x40")
  }

  @Test func followUpWithDeltasAt120x30() throws {
    var state = try seedState(width: 120, height: 30)
    state.snapshotIndex = 2
    try assertSnapshot(render(state, theme: theme), named: "followup-120x30")
  }

  @Test func drillDownListAndDetail() throws {
    var state = try sampleState(width: 100, height: 30)
    reduce(&state, .move(.down))
    reduce(&state, .move(.right))
    reduce(&state, .activate)
    try assertSnapshot(render(state, theme: theme), named: "sample-drill-list-100x30")
    reduce(&state, .move(.down))
    reduce(&state, .activate)
    try assertSnapshot(render(state, theme: theme), named: "sample-drill-detail-100x30")
  }

  @Test func enterOnTheSeedExplainsWhyNothingOpens() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .activate)
    let text = render(state, theme: theme).text
    #expect(text.contains("この時点は件数のみで、プログラムごとの記録はありません"))
  }

  @Test func clickTargetsAreWhereTheCellsAreDrawn() throws {
    let state = try sampleState(width: 100, height: 30)
    let frame = render(state, theme: theme)
    // Find the figure of area 3, "on schedule", and check that clicking it selects that cell.
    let view = MatrixView(state: state)
    let row = 2 + 1 + 2  // title bar, top border, header, then areas 1 and 2
    let targets = (0..<frame.width).compactMap { frame.target(atX: $0, y: row) }
    #expect(targets.contains(.matrixCell(MatrixPosition(row: 2, column: 1))))
    #expect(targets.contains(.matrixCell(MatrixPosition(row: 2, column: 3))))
    #expect(view.rows.count == 6)
    #expect(frame.target(atX: 1, y: frame.height - 5).map { $0.pane } == .comments)
    #expect(frame.target(atX: frame.width - 2, y: frame.height - 5).map { $0.pane } == .events)
  }
}

/// A view that scrolls as a whole (a detail, a reading view, an overlay, a chart): its offset is
/// a line number the keys move freely, and the renderer keeps it to the last screenful.
public enum ScrollTarget: Sendable, Hashable {
  case programmeDetail, eventDetail, commentReading, overlay, matrixChart
}

extension AppState {
  /// The first line each scrolling view showed in the frame just drawn becomes its offset. A key
  /// that scrolls past the end (↓ on the last screenful, End) leaves the offset where the view
  /// stopped, so the next ↑ moves at once; without this the offset runs on unseen and ↑ would
  /// first have to take back every extra ↓. What is drawn does not change.
  public mutating func settleScrolls(_ shown: [ScrollTarget: Int]) {
    for (target, first) in shown {
      let first = max(0, first)
      switch target {
      case .programmeDetail:
        guard var drill = matrix.drill, drill.openProgrammeID != nil else { continue }
        drill.detailScroll = min(drill.detailScroll, first)
        matrix.drill = drill
      case .eventDetail:
        guard calendar.openEventID != nil else { continue }
        calendar.detailScroll = min(calendar.detailScroll, first)
      case .commentReading:
        guard comments.openCommentID != nil else { continue }
        comments.readingScroll = min(comments.readingScroll, first)
      case .overlay:
        guard overlay != nil else { continue }
        overlayScroll = min(overlayScroll, first)
      case .matrixChart:
        guard matrix.chart != nil else { continue }
        matrix.chartScroll = min(matrix.chartScroll, first)
      }
    }
  }
}

/// A rectangle of the screen, in columns and rows.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// The rectangle inside a one-cell border.
  public var inside: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < x + width && py >= y && py < y + height
  }
}

/// The symbols the UI's chrome is drawn with; `ascii` swaps every one for ASCII.
public struct Glyphs: Sendable {
  public var horizontal: String
  public var vertical: String
  public var topLeft: String
  public var topRight: String
  public var bottomLeft: String
  public var bottomRight: String
  public var moreAbove: String
  public var moreBelow: String
  public var unknown: String
  public var inferredMark: String
  public var increase: String
  public var decrease: String
  public var unchanged: String
  /// Fill patterns of the status bar's segments, one per status, told apart without colour.
  public var barPatterns: [String]
  /// Marks a comment about the area selected in the matrix.
  public var linkMark: String
  /// The mark of text cut short.
  public var ellipsis = "…"
  /// Whether these are the ASCII glyphs (the renderer swaps its other chrome symbols too).
  public var asciiOnly = false

  public static let unicode = Glyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    moreAbove: "▲", moreBelow: "▼", unknown: "—", inferredMark: "*", increase: "▲", decrease: "▼",
    unchanged: "±", barPatterns: ["█", "▒", "░"], linkMark: "▶")
  public static let ascii = Glyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    moreAbove: "^", moreBelow: "v", unknown: "-", inferredMark: "*", increase: "+", decrease: "-",
    unchanged: "=", barPatterns: ["#", "=", "."], linkMark: ">", ellipsis: "~", asciiOnly: true)
}

/// Where the dashboard's parts go for a screen size.
public struct DashboardLayout: Sendable, Equatable {
  public static let minimumWidth = 60
  public static let minimumHeight = 17

  public var titleBar: Rect
  public var matrix: Rect
  public var comments: Rect
  public var events: Rect
  public var statusBar: Rect

  /// nil when the screen is too small for the dashboard.
  public init?(width: Int, height: Int, matrixHeight: Int) {
    guard width >= DashboardLayout.minimumWidth, height >= DashboardLayout.minimumHeight else {
      return nil
    }
    titleBar = Rect(x: 0, y: 0, width: width, height: 1)
    statusBar = Rect(x: 0, y: height - 1, width: width, height: 1)
    let body = height - 2
    // The matrix keeps its natural height while at least 6 rows stay for the panes below.
    let matrixRows = min(matrixHeight, max(5, body - 6))
    matrix = Rect(x: 0, y: 1, width: width, height: matrixRows)
    let lowerY = 1 + matrixRows
    let lowerHeight = height - 1 - lowerY
    let leftWidth = (width + 1) / 2
    comments = Rect(x: 0, y: lowerY, width: leftWidth, height: lowerHeight)
    events = Rect(x: leftWidth, y: lowerY, width: width - leftWidth, height: lowerHeight)
  }
}

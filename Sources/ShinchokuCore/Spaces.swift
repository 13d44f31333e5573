extension StringProtocol where UTF8View: BidirectionalCollection {
  /// The text without the spaces at either end: tabs and every space separator (U+0020,
  /// U+3000 the ideographic space, …), as Foundation's `.whitespaces` has them, without its
  /// bridging through NSString (which cost the programme records' reading a tenth of its time).
  public func trimmingSpaces() -> String {
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
    // Most text starts and ends with a visible ASCII character: nothing to trim.
    if let head = utf8.first, let tail = utf8.last, (0x21...0x7E).contains(head),
      (0x21...0x7E).contains(tail)
    {
      return String(self)
    }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}

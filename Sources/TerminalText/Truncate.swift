/// Returns `text` unchanged if it fits in `width` columns; otherwise cuts it on a cell boundary
/// (never through a wide glyph, never between a base and its combining marks) to at most
/// `width - displayWidth(ellipsis)` columns and appends `ellipsis`. The result never takes more
/// than `width` columns: when even the ellipsis does not fit, the result is `width` spaces
/// (empty for `width <= 0`).
///
/// The scan stops as soon as the text is known not to fit, so the time is proportional to the
/// output width, not to the length of the input.
public func truncated(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
  let ellipsisWidth = displayWidth(ellipsis)
  let limit = width - ellipsisWidth
  let scalars = text.unicodeScalars
  var used = 0
  var cut = scalars.startIndex
  var index = scalars.startIndex
  while index < scalars.endIndex {
    let scalarColumns = scalarWidth(scalars[index])
    if scalarColumns > 0 {
      // A cell starts here: everything before it may be kept if it fits the limit.
      if used <= limit { cut = index }
      used += scalarColumns
      if used > width {
        if limit < 0 { return String(repeating: " ", count: max(width, 0)) }
        var out = String(scalars[..<cut])
        out += ellipsis
        return out
      }
    }
    scalars.formIndex(after: &index)
  }
  if used <= width { return text }
  // Only reachable for a negative width with zero-width text.
  return ""
}

/// How ``padded(_:toWidth:alignment:)`` places text in its field.
public enum TextAlignment: Sendable {
  case leading, trailing, center
}

/// Truncates `text` to `width` columns if needed (with ``truncated(_:toWidth:ellipsis:)``),
/// then pads it with spaces to exactly `width` columns. For `.center`, an odd leftover column
/// goes to the right. A negative width gives an empty string.
public func padded(
  _ text: String, toWidth width: Int, alignment: TextAlignment = .leading, ellipsis: String = "…"
) -> String {
  guard width > 0 else { return "" }
  let fitted = truncated(text, toWidth: width, ellipsis: ellipsis)
  let gap = width - displayWidth(fitted)
  if gap <= 0 { return fitted }
  let left: Int
  switch alignment {
  case .leading: left = 0
  case .trailing: left = gap
  case .center: left = gap / 2
  }
  var out = String(repeating: " ", count: left)
  out.reserveCapacity(fitted.utf8.count + gap)
  out += fitted
  out += String(repeating: " ", count: gap - left)
  return out
}

/// The most characters a text field is laid out with; beyond it the text is cut with an
/// ellipsis, so a 100 000-character field costs no more than a long paragraph.
public let displayCharacterLimit = 4000

/// `text` cut to `limit` characters with "…" when it is longer; scans only `limit` characters.
public func capped(_ text: String, to limit: Int = displayCharacterLimit) -> String {
  guard let cut = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
    cut < text.endIndex
  else { return text }
  return String(text[..<cut]) + "…"
}

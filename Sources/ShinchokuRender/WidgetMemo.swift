import ShinchokuCore
import ShinchokuViewModel
import Synchronization

/// The last drawing of each kind of pane, kept (by the one who renders frame after frame:
/// the dashboard's loop) so that a frame in which a pane's view did not
/// change copies its cells instead of laying it out again (a day's move redraws the calendar,
/// not the matrix and the comments). Rendering stays a pure function of state, theme and
/// size: a drawing is reused only when everything it was drawn from is equal (the widget's
/// value, its rectangle, the theme, the chrome and the statuses' tones), and it holds
/// everything the drawing left in the frame (the cells of its area, its click regions, its
/// faults, the cursor and the scroll positions it recorded).
public final class WidgetMemo: Sendable {
  struct Drawing: Sendable {
    var widget: any Sendable
    var rect: Rect
    /// The part of `rect` inside the frame.
    var drawn: Rect
    var theme: Theme
    var chrome: Chrome
    var statusTones: [String: StatusTone]
    var cells: [Cell]
    var hitRegions: [HitRegion]
    var faults: [DrawingFault]
    var cursor: CursorPosition?
    var scrolls: [ScrollTarget: Int]
  }

  private let slots = Mutex<[ObjectIdentifier: Drawing]>([:])
  /// The last view model of each kind made, with the inputs it was made of.
  private let views = Mutex<[ObjectIdentifier: (inputs: any Sendable, view: any Sendable)]>([:])
  private let copied = Mutex(0)

  /// How many times a pane was copied instead of drawn.
  public var copies: Int { copied.withLock { $0 } }
  /// How many times a view model was taken from the last frame instead of made.
  public var viewsKept: Int { keptViews.withLock { $0 } }
  private let keptViews = Mutex(0)

  public init() {}

  func drawing<W: Widget & Equatable & Sendable>(
    of widget: W, rect: Rect, theme: Theme, chrome: Chrome, statusTones: [String: StatusTone]
  ) -> Drawing? {
    slots.withLock { slots in
      guard let kept = slots[ObjectIdentifier(W.self)], kept.rect == rect,
        let keptWidget = kept.widget as? W, keptWidget == widget, kept.chrome == chrome,
        kept.statusTones == statusTones, kept.theme == theme
      else { return nil }
      copied.withLock { $0 += 1 }
      return kept
    }
  }

  /// The view model made of `inputs`: the last one of its kind when it was made of equal
  /// inputs, else a new one (`make`), kept for the next frame.
  func view<Inputs: Equatable & Sendable, View: Sendable>(
    of inputs: Inputs, _ make: (Inputs) -> View
  ) -> View {
    let kind = ObjectIdentifier(View.self)
    let kept = views.withLock { views -> View? in
      guard let last = views[kind], let lastInputs = last.inputs as? Inputs, lastInputs == inputs
      else { return nil }
      return last.view as? View
    }
    if let kept {
      keptViews.withLock { $0 += 1 }
      return kept
    }
    let view = make(inputs)
    views.withLock { $0[kind] = (inputs, view) }
    return view
  }

  func keep<W: Widget & Sendable>(_ drawing: Drawing, of _: W.Type) {
    slots.withLock { $0[ObjectIdentifier(W.self)] = drawing }
  }
}

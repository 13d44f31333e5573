// PROVISIONAL: replaced by the colour mapping.
public enum ColorDepth: Sendable { case none, eight, sixteen, indexed256, trueColor }

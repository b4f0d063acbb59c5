// Placeholder: readable diagram colours on both schemes (filled in by the diagram work).

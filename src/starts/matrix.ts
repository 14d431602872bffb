/** A table of numbers read from a start file, before it is checked against the box. */
export interface ParsedMatrix {
  rows: number;
  cols: number;
  /** Row-major values as read (float64), non-finite ones included so they can be reported. */
  data: ArrayLike<number>;
  /** Where row r came from, for messages: "line 4" in a CSV, "row 3" elsewhere (1-based). */
  where(row: number): string;
}

/* Array lifting: a scalar operation applied to arrays works element by element (dynamic arrays),
   single values broadcast, and positions missing from a smaller array give #N/A, as in Excel. */
import { CellError, type Scalar } from "../model/types";
import type { Matrix } from "./values";

export function lift(args: (Scalar | Matrix)[], op: (scalars: Scalar[]) => Scalar): Scalar | Matrix {
  let rows = 1;
  let cols = 1;
  let anyArray = false;
  for (const a of args) {
    if (Array.isArray(a)) {
      anyArray = true;
      rows = Math.max(rows, a.length);
      cols = Math.max(cols, a[0]?.length ?? 0);
    }
  }
  if (!anyArray) return op(args as Scalar[]);
  const out: Matrix = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const line: Scalar[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const scalars: Scalar[] = [];
      let missing = false;
      for (const a of args) {
        if (!Array.isArray(a)) {
          scalars.push(a);
          continue;
        }
        const r = a.length === 1 ? 0 : i;
        const c = a[0].length === 1 ? 0 : j;
        if (r >= a.length || c >= a[0].length) missing = true;
        else scalars.push(a[r][c]);
      }
      line[j] = missing ? new CellError("#N/A") : op(scalars);
    }
    out[i] = line;
  }
  return out;
}

/* Incremental recalculation must give what a full calculation of the same inputs gives: random edits
   (constants, formulas over earlier rows, spilling arrays, clears) are applied one by one to one
   workbook and compared, cell by cell, with a fresh workbook built from the final inputs at once. */
import { Workbook } from "../../../workbench/model/workbook";
import { CellError, type Scalar } from "../../../workbench/model/types";
import { cellName } from "../../../workbench/model/address";

const ROWS = 12;
const COLS = 5;

/** A small deterministic generator (mulberry32) so failures replay. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInput(next: () => number, row: number): string {
  const ref = () => cellName(Math.floor(next() * Math.max(row, 1)), Math.floor(next() * COLS));
  const kind = Math.floor(next() * (row === 0 ? 2 : 8));
  switch (kind) {
    case 0:
      return String(Math.floor(next() * 20));
    case 1:
      return "";
    case 2:
      return `=${ref()}+${ref()}`;
    case 3:
      return `=SUM(A1:${cellName(row - 1, COLS - 1)})`;
    case 4:
      return `=IF(${ref()}>5,${ref()},"small")`;
    case 5:
      return `=SEQUENCE(${1 + Math.floor(next() * 3)},${1 + Math.floor(next() * 2)})`;
    case 6:
      return `=LEN(${ref()}&"x")`;
    default:
      return `=${ref()}*2`;
  }
}

function shown(v: Scalar): unknown {
  return v instanceof CellError ? v.code : v;
}

test.each(Array.from({ length: 30 }, (_, i) => i + 1))(
  "random edits, seed %i: incremental equals full calculation",
  (seed) => {
    const next = random(seed);
    const incremental = new Workbook();
    const sheet = incremental.getActiveSheet().id;
    const inputs: string[][] = Array.from({ length: ROWS }, () => new Array(COLS).fill(""));
    for (let step = 0; step < 150; step++) {
      const row = Math.floor(next() * ROWS);
      const col = Math.floor(next() * COLS);
      const text = randomInput(next, row);
      inputs[row][col] = text;
      incremental.setCellInput(sheet, row, col, text);
    }
    const full = new Workbook();
    full.setInputs(full.getActiveSheet().id, 0, 0, inputs);
    const rect = { row: 0, col: 0, rowCount: ROWS + 3, colCount: COLS + 2 };
    const a = incremental.getValues(sheet, rect).map((r) => r.map(shown));
    const b = full.getValues(full.getActiveSheet().id, rect).map((r) => r.map(shown));
    expect(a).toEqual(b);
  },
);

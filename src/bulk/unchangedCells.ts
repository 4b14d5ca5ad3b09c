/**
 * With a snapshot, a cell that still holds exactly what was pulled is not an edit: it is blanked
 * ("do not send") before the payload engine reads the row. So columns a report adds that are no
 * Halo field (a lookup's display name, a total) only matter in rows where the user changed them,
 * and a stale error value the user never touched does not block the row.
 */
import { isBlankCell, type CellValue, type SheetRow } from "./cells";

interface Table {
  headers: string[];
  rows: SheetRow[];
}

function key(header: string): string {
  return header.trim().toLowerCase();
}

function cellText(value: CellValue): string {
  return isBlankCell(value) ? "" : String(value).trim();
}

/** Same cell as pulled: both blank, or the same text or number (CSV text "12" equals 12). */
function sameCell(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  return cellText(a) === cellText(b);
}

export function blankUnchangedCells(source: Table, snapshot: Table): Table {
  const idAt = source.headers.findIndex((h) => key(h) === "id");
  const snapshotIdAt = snapshot.headers.findIndex((h) => key(h) === "id");
  if (idAt < 0 || snapshotIdAt < 0) return source;
  const pulled = new Map<string, CellValue[]>();
  for (const row of snapshot.rows) {
    const id = cellText(row.values[snapshotIdAt] ?? null);
    if (id !== "" && !pulled.has(id)) pulled.set(id, row.values);
  }
  const snapshotColumn = source.headers.map((h, i) =>
    i === idAt ? -1 : snapshot.headers.findIndex((s) => key(s) === key(h)),
  );
  return {
    headers: source.headers,
    rows: source.rows.map((row) => {
      const old = pulled.get(cellText(row.values[idAt] ?? null));
      if (!old) return row;
      const values = row.values.map((value, i) => {
        const at = snapshotColumn[i];
        return at >= 0 && sameCell(value, old[at] ?? null) ? "" : value;
      });
      return { rowNumber: row.rowNumber, values };
    }),
  };
}

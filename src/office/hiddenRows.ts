/**
 * Which rows of a span are hidden, by hand or by a filter (Excel sets the same flag for both). Read
 * through Range.rowHidden (ExcelApi 1.2), which is true when every row of a range is hidden, false
 * when none is and null when some are: a span reading null is halved until each part reads true or
 * false, so a sheet with no hidden row costs one probe and k hidden blocks about 2k probes per level.
 */

/** Probes per sync: a few thousand range objects keep one request small. */
const PROBES_PER_SYNC = 2000;

interface Span {
  row: number;
  count: number;
}

/** The 0-based sheet rows hidden among rows first..first+count-1, ascending. */
export async function hiddenRowsIn(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  first: number,
  count: number,
): Promise<number[]> {
  const hidden: number[] = [];
  let pending: Span[] = count > 0 ? [{ row: first, count }] : [];
  while (pending.length > 0) {
    const next: Span[] = [];
    for (let at = 0; at < pending.length; at += PROBES_PER_SYNC) {
      const probes = pending.slice(at, at + PROBES_PER_SYNC).map((span) => {
        const range = sheet.getRangeByIndexes(span.row, 0, span.count, 1);
        range.load("rowHidden");
        return { span, range };
      });
      // Each level's answers decide the next level's probes.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { span, range } of probes) {
        const state = range.rowHidden as boolean | null;
        if (state === true) for (let r = span.row; r < span.row + span.count; r++) hidden.push(r);
        else if (state === null && span.count > 1) {
          const half = Math.ceil(span.count / 2);
          next.push({ row: span.row, count: half }, { row: span.row + half, count: span.count - half });
        }
      }
    }
    pending = next;
  }
  return hidden.sort((a, b) => a - b);
}

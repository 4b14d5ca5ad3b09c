/* Excel.RangeAreas: several blocks on one worksheet (Worksheet.getRanges("A2:F2, A5:F7"), or a range's
   merged areas), here to select them all at once (RangeAreas.select) and read their address. */
import { parseAddress, qualifiedAddress } from "../model/address";
import type { Rect } from "../model/types";
import { ResolvedObject, defineProperties, type RequestContext } from "./clientObject";
import { ErrorCodes, OfficeExtensionError, invalidArgument } from "./errors";

export interface AreasTarget {
  sheetId: string;
  rects: Rect[];
}

/** "A2:F2, A5:F7" or "A2:F2; A5:F7" (Excel takes both separators) -> the blocks, on the sheet. */
export function parseAreas(
  address: string,
  sheetIdOf: (sheetName: string | undefined) => string | undefined,
  sheetId: string,
): Rect[] {
  return address.split(/[,;]/).map((part) => {
    const parsed = parseAddress(part);
    if (!parsed) throw invalidArgument(`The address '${part.trim()}' is not valid.`, "Worksheet.getRanges");
    if (parsed.sheetName !== undefined && sheetIdOf(parsed.sheetName) !== sheetId)
      throw invalidArgument(`The address '${part.trim()}' is on another worksheet.`, "Worksheet.getRanges");
    return parsed.rect;
  });
}

export class RangeAreas extends ResolvedObject<AreasTarget> {
  /** @internal `resolve` runs at sync, when the call that created these areas runs (null: a null object). */
  constructor(context: RequestContext, resolve: () => AreasTarget | null, nullable = false) {
    super(context, "RangeAreas", resolve, nullable);
  }

  /** @internal */
  _t(): AreasTarget {
    return this._resolved();
  }

  /** Selects every block (activating the worksheet). */
  select(): void {
    this.context._queue(
      () => {
        const { sheetId, rects } = this._t();
        const model = this.context.model;
        if (model.getSheet(sheetId)?.visibility !== "Visible")
          throw new OfficeExtensionError(
            ErrorCodes.invalidOperation,
            "A range on a hidden worksheet cannot be selected.",
          );
        model.setSelectionAreas(sheetId, rects, "api");
      },
      0,
      "RangeAreas.select",
    );
  }
}

defineProperties(RangeAreas, "RangeAreas", {
  address: {
    get: (a) => {
      const { sheetId, rects } = a._t();
      const name = a.context.model.sheet(sheetId).name;
      return rects.map((rect) => qualifiedAddress(name, rect)).join(", ");
    },
  },
  areaCount: { get: (a) => a._t().rects.length },
});

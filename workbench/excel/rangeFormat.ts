/* Excel.RangeFormat and friends. The workbench grid does not draw formatting, so these keep what is
   set (per proxy) and report defaults, so add-in code that formats ranges runs unchanged. */
import { ClientObject, defineProperties, type RequestContext } from "./clientObject";

/** A property that accepts writes and loads its last written value (or a default). */
function inert<O extends ClientObject>(name: string, fallback: unknown) {
  const key = `__${name}`;
  return {
    get: (o: O) => ((o as unknown as Record<string, unknown>)[key] ?? fallback) as unknown,
    set: (o: O, value: unknown) => {
      (o as unknown as Record<string, unknown>)[key] = value;
    },
  };
}

export class RangeFont extends ClientObject {}
defineProperties(RangeFont, "RangeFont", {
  bold: inert("bold", false),
  italic: inert("italic", false),
  color: inert("color", "#000000"),
  name: inert("name", "Calibri"),
  size: inert("size", 11),
});

export class RangeFill extends ClientObject {
  clear(): void {
    this.context._queue(() => undefined, 0, "RangeFill.clear");
  }
}
defineProperties(RangeFill, "RangeFill", { color: inert("color", "#FFFFFF") });

export class RangeFormat extends ClientObject {
  readonly font: RangeFont;
  readonly fill: RangeFill;

  constructor(context: RequestContext) {
    super(context);
    this.font = new RangeFont(context);
    this.fill = new RangeFill(context);
  }

  autofitColumns(): void {
    this.context._queue(() => undefined, 0, "RangeFormat.autofitColumns");
  }

  autofitRows(): void {
    this.context._queue(() => undefined, 0, "RangeFormat.autofitRows");
  }
}
defineProperties(RangeFormat, "RangeFormat", {
  columnWidth: inert("columnWidth", 48),
  rowHeight: inert("rowHeight", 15),
  wrapText: inert("wrapText", false),
  horizontalAlignment: inert("horizontalAlignment", "General"),
  verticalAlignment: inert("verticalAlignment", "Bottom"),
});

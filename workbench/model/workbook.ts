/*
 * The workbook: sheets, cells, selection, tables, and change events. The grid (workbench/ui) and the
 * Excel API emulation (workbench/excel) both edit it through this class; formulas are calculated by
 * the engine in workbench/formula, incrementally, after every edit (or at the end of a batch).
 */
import { CalcEngine } from "../formula/engine";
import type { CustomFunctionRegistry } from "../formula/customFunctions";
import type { FormulaCell } from "../formula/formulaCell";
import { toR1C1 } from "../formula/r1c1";
import { adjustFormula, moveReferences } from "../formula/references";
import { cellRect, intersectRects } from "./address";
import { displayText, inputText, parseInput, toApiValue } from "./cellText";
import { ChangeLog } from "./changeLog";
import { Emitter } from "./emitter";
import { WorkbookError } from "./errors";
import { shiftFor, type Shift } from "./shift";
import { checkSheetName, newSheetId } from "./sheetNames";
import { Sheet } from "./sheet";
import { MergedAreas } from "./mergedAreas";
import { RowVisibility } from "./rowVisibility";
import { TableStore } from "./tables";
import {
  MAX_COLS,
  MAX_ROWS,
  type ApiValue,
  type CellView,
  type ChangeSource,
  type Rect,
  type Scalar,
  type Selection,
  type SheetInfo,
  type SheetVisibility,
  type TableInfo,
  type WorkbookEvent,
  type WorkbookListener,
} from "./types";

/** What a cell write accepts: model scalars, or API values (strings are read as typed input).
    In blocks, `undefined` leaves a cell unchanged (the Excel API's null). */
export type CellInput = Scalar | ApiValue | undefined;

/** A cell's content copied verbatim: a formula, or a value stored as it is (text is not re-read). */
type RawContent = Scalar | { formula: string };

/** One entry of a block, read and checked, ready to store. */
interface Prepared {
  value: Scalar;
  impliedFormat?: string;
  formula?: FormulaCell;
}

/** Excel's limits: formula length and text per cell. */
const MAX_FORMULA_LENGTH = 8192;
const MAX_TEXT_LENGTH = 32767;

export class Workbook {
  private readonly sheetList: Sheet[] = [];
  private readonly emitter = new Emitter<WorkbookEvent>();
  private readonly engine: CalcEngine;
  private readonly selections = new Map<string, Selection>();
  private activeId: string;
  private nextSheetNumber = 1;
  private batchDepth = 0;
  private readonly changes = new ChangeLog();
  readonly tables: TableStore;
  /** Rows hidden by hand or by a filter (Range.rowHidden). */
  /** Merged cells (Range.merge); only the top-left cell of an area keeps a value. */
  readonly mergedAreas = new MergedAreas();
  readonly rowVisibility = new RowVisibility((sheetId) =>
    this.emitter.emit({ type: "rowsHiddenChanged", sheetId }),
  );

  constructor(options: { firstSheetName?: string } = {}) {
    this.engine = new CalcEngine({
      sheetByName: (name) => this.findSheet(name),
      sheetById: (id) => this.sheetList.find((s) => s.id === id),
      overlapsTable: (sheet, rect) => this.tables.list(sheet.id).some((t) => !!intersectRects(t.rect, rect)),
      calculated: (sheet, rects) => this.recordChange(sheet.id, rects, "calc"),
      settled: () => {
        if (this.batchDepth === 0) this.flushEvents();
      },
    });
    this.tables = new TableStore(this);
    const first = this.addSheet(options.firstSheetName);
    this.activeId = first.id;
  }

  // ---- events -------------------------------------------------------------------------------

  /** Listens to every change; returns the unsubscribe function. */
  subscribe(listener: WorkbookListener): () => void {
    return this.emitter.subscribe(listener);
  }

  /**
   * Runs `work` with recalculation and change events deferred to its end (nested batches join the
   * outer one). The Excel API emulation applies one sync's queued writes in one batch.
   */
  batch<T>(work: () => T): T {
    this.batchDepth++;
    try {
      return work();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0) this.settle();
    }
  }

  private settle(): void {
    this.engine.recalc();
    this.flushEvents();
  }

  private afterWrite(): void {
    if (this.batchDepth === 0) this.settle();
  }

  private recordChange(sheetId: string, rects: Rect[], source: ChangeSource): void {
    this.changes.record(sheetId, rects, source);
  }

  private flushEvents(): void {
    this.changes.flush((event) => this.emitter.emit(event));
  }

  /** Calculates pending formulas now (for reads inside a batch, such as a sync's loads). */
  calculateNow(): void {
    this.engine.recalc();
  }

  /** Resolves once no custom function result is pending (#BUSY! cells have settled). */
  whenCalculated(): Promise<void> {
    return this.engine.whenIdle();
  }

  /** The registry CustomFunctions.associate fills; formulas call HALO.* through it. */
  get customFunctions(): CustomFunctionRegistry {
    return this.engine.functions;
  }

  /** Recalculates every formula (Excel's Ctrl+Alt+F9). */
  recalculateAll(): void {
    this.engine.markAllDirty();
    this.afterWrite();
  }

  // ---- sheets -------------------------------------------------------------------------------

  listSheets(): SheetInfo[] {
    return this.sheetList.map((s, position) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      position,
    }));
  }

  /** Finds a sheet by id, or by name (case-insensitive, as Excel compares sheet names). */
  getSheet(idOrName: string): SheetInfo | undefined {
    const sheet = this.sheetList.find((s) => s.id === idOrName) ?? this.findSheet(idOrName);
    return sheet && this.info(sheet);
  }

  private info(sheet: Sheet): SheetInfo {
    return {
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      position: this.sheetList.indexOf(sheet),
    };
  }

  private findSheet(name: string): Sheet | undefined {
    const lower = name.toLowerCase();
    return this.sheetList.find((s) => s.name.toLowerCase() === lower);
  }

  /** The storage of a sheet (for the engine and API emulation); throws ItemNotFound. */
  sheet(idOrName: string): Sheet {
    const sheet = this.sheetList.find((s) => s.id === idOrName) ?? this.findSheet(idOrName);
    if (!sheet) throw new WorkbookError("ItemNotFound", `The worksheet ${idOrName} does not exist.`);
    return sheet;
  }

  private validateSheetName(name: string, except?: Sheet): void {
    checkSheetName(name);
    const clash = this.findSheet(name);
    if (clash && clash !== except) {
      throw new WorkbookError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    }
  }

  /** Adds a sheet after the last one; without a name it is "SheetN" like Excel's. */
  addSheet(name?: string): SheetInfo {
    let sheetName = name;
    if (sheetName === undefined) {
      do sheetName = `Sheet${this.nextSheetNumber++}`;
      while (this.findSheet(sheetName));
    }
    this.validateSheetName(sheetName);
    const id = newSheetId();
    const sheet = new Sheet(id, sheetName);
    this.sheetList.push(sheet);
    this.selections.set(id, { sheetId: id, rect: cellRect(0, 0), activeRow: 0, activeCol: 0 });
    this.engine.sheetAdded(sheet);
    this.emitter.emit({ type: "sheetsChanged" });
    this.afterWrite();
    return this.info(sheet);
  }

  renameSheet(idOrName: string, newName: string): void {
    const sheet = this.sheet(idOrName);
    if (sheet.name === newName) return;
    this.validateSheetName(newName, sheet);
    const oldName = sheet.name;
    sheet.name = newName;
    this.engine.sheetRenamed(sheet, oldName);
    this.emitter.emit({ type: "sheetsChanged" });
    this.afterWrite();
  }

  /** Hides or shows a sheet. Excel refuses to hide the last visible sheet; hiding the active one
      activates the next visible sheet. */
  setSheetVisibility(idOrName: string, visibility: SheetVisibility): void {
    const sheet = this.sheet(idOrName);
    if (sheet.visibility === visibility) return;
    if (visibility !== "Visible") {
      const visible = this.sheetList.filter((s) => s.visibility === "Visible");
      if (visible.length === 1 && visible[0] === sheet) {
        throw new WorkbookError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      }
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeId === sheet.id) {
      this.activateSheet(this.nearestVisible(sheet).id);
    }
    this.emitter.emit({ type: "sheetsChanged" });
  }

  private nearestVisible(sheet: Sheet): Sheet {
    const index = this.sheetList.indexOf(sheet);
    const after = this.sheetList.slice(index + 1).find((s) => s.visibility === "Visible");
    const before = [...this.sheetList.slice(0, index)].reverse().find((s) => s.visibility === "Visible");
    return (after ?? before)!;
  }

  /** Moves a sheet to tab position `position` (0-based), as Worksheet.position does. */
  moveSheet(idOrName: string, position: number): void {
    const sheet = this.sheet(idOrName);
    if (!Number.isInteger(position) || position < 0 || position >= this.sheetList.length) {
      throw new WorkbookError("InvalidArgument", `Position ${position} is outside the workbook's sheets.`);
    }
    this.sheetList.splice(this.sheetList.indexOf(sheet), 1);
    this.sheetList.splice(position, 0, sheet);
    this.emitter.emit({ type: "sheetsChanged" });
  }

  deleteSheet(idOrName: string): void {
    const sheet = this.sheet(idOrName);
    const visible = this.sheetList.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new WorkbookError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    if (this.activeId === sheet.id) this.activateSheet(this.nearestVisible(sheet).id);
    this.sheetList.splice(this.sheetList.indexOf(sheet), 1);
    this.selections.delete(sheet.id);
    this.tables.sheetDeleted(sheet.id);
    this.rowVisibility.sheetDeleted(sheet.id);
    this.mergedAreas.sheetDeleted(sheet.id);
    this.engine.sheetRemoved(sheet);
    this.emitter.emit({ type: "sheetsChanged" });
    this.afterWrite();
  }

  getActiveSheet(): SheetInfo {
    return this.info(this.sheet(this.activeId));
  }

  /** Makes a sheet active; its remembered selection becomes the selection. Hidden sheets cannot be. */
  activateSheet(idOrName: string, source: ChangeSource = "user"): void {
    const sheet = this.sheet(idOrName);
    if (sheet.visibility !== "Visible") {
      throw new WorkbookError(
        "InvalidOperation",
        `The worksheet ${sheet.name} is hidden and cannot be activated.`,
      );
    }
    if (this.activeId === sheet.id) return;
    this.activeId = sheet.id;
    this.emitter.emit({ type: "activeSheetChanged", sheetId: sheet.id });
    this.emitter.emit({ type: "selectionChanged", selection: this.getSelection(), source });
  }

  // ---- cells: reading ----------------------------------------------------------------------

  getValue(sheetId: string, row: number, col: number): Scalar {
    return this.sheet(sheetId).value(row, col);
  }

  getCell(sheetId: string, row: number, col: number): CellView {
    const sheet = this.sheet(sheetId);
    const value = sheet.value(row, col);
    const numberFormat = sheet.numberFormat(row, col);
    const formula = sheet.formula(row, col)?.text ?? null;
    return {
      value,
      text: displayText(value, numberFormat),
      formula,
      input: formula ?? (sheet.spilledFrom(row, col) ? "" : inputText(value, numberFormat)),
      numberFormat,
      spilled: !!sheet.spilledFrom(row, col),
    };
  }

  /** Calculated values of a rectangle (null for blanks). */
  getValues(sheetId: string, rect: Rect): Scalar[][] {
    return this.mapRect(sheetId, rect, (sheet, r, c) => sheet.value(r, c));
  }

  /** Values as Range.values reports them: blank "", errors as "#VALUE!". */
  getApiValues(sheetId: string, rect: Rect): ApiValue[][] {
    return this.mapRect(sheetId, rect, (sheet, r, c) => toApiValue(sheet.value(r, c)));
  }

  /** Formulas as Range.formulas reports them: the formula text, else the constant (blank ""); with
      r1c1, as Range.formulasR1C1 does: each formula in R1C1 notation relative to its cell. */
  getApiFormulas(sheetId: string, rect: Rect, r1c1 = false): ApiValue[][] {
    return this.mapRect(sheetId, rect, (sheet, r, c) => {
      const formula = sheet.formula(r, c);
      if (!formula) return toApiValue(sheet.value(r, c));
      return r1c1 ? toR1C1(formula.text, r, c) : formula.text;
    });
  }

  getNumberFormats(sheetId: string, rect: Rect): string[][] {
    return this.mapRect(sheetId, rect, (sheet, r, c) => sheet.numberFormat(r, c));
  }

  /** Display texts as Range.text reports them. */
  getTexts(sheetId: string, rect: Rect): string[][] {
    return this.mapRect(sheetId, rect, (sheet, r, c) =>
      displayText(sheet.value(r, c), sheet.numberFormat(r, c)),
    );
  }

  private mapRect<T>(sheetId: string, rect: Rect, read: (sheet: Sheet, r: number, c: number) => T): T[][] {
    const sheet = this.sheet(sheetId);
    const out: T[][] = new Array(rect.rowCount);
    for (let i = 0; i < rect.rowCount; i++) {
      const row: T[] = new Array(rect.colCount);
      for (let j = 0; j < rect.colCount; j++) row[j] = read(sheet, rect.row + i, rect.col + j);
      out[i] = row;
    }
    return out;
  }

  /** The used range (see Sheet.usedRange); null for an empty sheet. */
  usedRange(sheetId: string, valuesOnly = false): Rect | null {
    return this.sheet(sheetId).usedRange(valuesOnly);
  }

  /** Rows the grid should offer: one past the last used row. */
  rowCount(sheetId: string): number {
    const used = this.usedRange(sheetId);
    return used ? used.row + used.rowCount : 0;
  }

  /** Columns the grid should offer: one past the last used column. */
  colCount(sheetId: string): number {
    const used = this.usedRange(sheetId);
    return used ? used.col + used.colCount : 0;
  }

  // ---- cells: writing ----------------------------------------------------------------------

  /** Typing into a cell: "=..." is a formula, numbers/booleans/dates/errors parse like Excel's. */
  setCellInput(sheetId: string, row: number, col: number, text: string, source: ChangeSource = "user"): void {
    this.setInputs(sheetId, row, col, [[text]], source);
  }

  /** Typed input for a block (paste): every string is read as if typed. */
  setInputs(
    sheetId: string,
    row: number,
    col: number,
    texts: string[][],
    source: ChangeSource = "user",
  ): void {
    this.batch(() => {
      const expanding =
        source === "user" ? this.tables.expandingInto(this.sheet(sheetId).id, row, col, texts) : [];
      this.writeBlock(sheetId, row, col, texts, source);
      // Excel's table AutoExpansion: typing or pasting in the row just below a table extends it.
      expanding.forEach((grow) => grow());
    });
  }

  /**
   * Range.values semantics: numbers and booleans are stored as they are, strings are read as typed
   * input (so "=A1" becomes a formula and "12" a number, as in Excel), "" and null clear the cell.
   */
  setValues(
    sheetId: string,
    row: number,
    col: number,
    values: CellInput[][],
    source: ChangeSource = "api",
  ): void {
    this.writeBlock(sheetId, row, col, values, source);
  }

  /** Range.formulas semantics: same reading as setValues ("=..." strings are formulas). */
  setFormulas(
    sheetId: string,
    row: number,
    col: number,
    formulas: CellInput[][],
    source: ChangeSource = "api",
  ): void {
    this.writeBlock(sheetId, row, col, formulas, source);
  }

  private writeBlock(
    sheetId: string,
    row: number,
    col: number,
    block: CellInput[][],
    source: ChangeSource,
  ): void {
    this.writeContents(sheetId, row, col, block, source, true);
  }

  /** Writes a block; with readAsTyped, strings are read as typed input, else only {formula} entries
      are formulas and every other value is stored as it is. */
  private writeContents(
    sheetId: string,
    row: number,
    col: number,
    block: (CellInput | RawContent)[][],
    source: ChangeSource,
    readAsTyped: boolean,
  ): void {
    const sheet = this.sheet(sheetId);
    const rowCount = block.length;
    let colCount = 0;
    for (const line of block) if (line.length > colCount) colCount = line.length;
    if (!rowCount || !colCount) return;
    this.checkBounds({ row, col, rowCount, colCount });
    // Read and check every entry (and parse every formula) first: a bad one leaves the sheet untouched.
    const prepared: (Prepared | undefined)[][] = block.map((line, i) =>
      line.map((entry, j) => this.prepare(sheet, row + i, col + j, entry, readAsTyped)),
    );
    for (let i = 0; i < rowCount; i++) {
      const r = row + i;
      const line = prepared[i];
      for (let j = 0; j < line.length; j++) {
        const c = col + j;
        const entry = line[j];
        if (entry === undefined) continue; // a hole in the block leaves the cell as it is
        if (entry.formula) {
          const old = sheet.setFormula(r, c, entry.formula);
          if (old) this.engine.detach(old);
          this.engine.attach(entry.formula);
          continue;
        }
        if (entry.impliedFormat && sheet.numberFormat(r, c) === "General") {
          sheet.setNumberFormat(r, c, entry.impliedFormat);
        }
        const old = sheet.setConstant(r, c, entry.value);
        if (old) this.engine.detach(old);
      }
    }
    sheet.touched();
    const rect = { row, col, rowCount, colCount };
    this.engine.markChanged(sheet, rect);
    this.recordChange(sheet.id, [rect], source);
    this.afterWrite();
  }

  /** What one entry of a block writes; throws WorkbookError for text or formulas Excel refuses. */
  private prepare(
    sheet: Sheet,
    r: number,
    c: number,
    entry: CellInput | RawContent,
    readAsTyped: boolean,
  ): Prepared | undefined {
    if (entry === undefined) return undefined;
    let formulaText: string | undefined;
    let value: Scalar = null;
    let impliedFormat: string | undefined;
    if (entry !== null && typeof entry === "object" && "formula" in entry) {
      formulaText = entry.formula;
    } else if (typeof entry === "string") {
      if (entry.length > MAX_TEXT_LENGTH) {
        throw new WorkbookError("InvalidArgument", `A cell holds at most ${MAX_TEXT_LENGTH} characters.`);
      }
      if (readAsTyped) {
        const parsed = parseInput(entry, sheet.numberFormat(r, c));
        formulaText = parsed.formula;
        value = parsed.value;
        impliedFormat = parsed.impliedFormat;
      } else value = entry;
    } else {
      value = entry as Scalar;
    }
    if (formulaText === undefined) return { value, impliedFormat };
    if (formulaText.length > MAX_FORMULA_LENGTH) {
      throw new WorkbookError("InvalidArgument", `Formulas are limited to ${MAX_FORMULA_LENGTH} characters.`);
    }
    try {
      return { value: null, formula: this.engine.compile(sheet, r, c, formulaText) };
    } catch (error) {
      throw new WorkbookError(
        "InvalidArgument",
        `${formulaText} is not a valid formula: ${(error as Error).message}`,
      );
    }
  }

  /** The contents of a rectangle for copying: formulas as {formula}, constants as stored. */
  private readContents(sheet: Sheet, rect: Rect, shift?: { dRows: number; dCols: number }): RawContent[][] {
    return this.mapRect(sheet.id, rect, (s, r, c): RawContent => {
      const formula = s.formula(r, c);
      if (formula)
        return { formula: shift ? adjustFormula(formula.text, shift.dRows, shift.dCols) : formula.text };
      return s.spilledFrom(r, c) ? null : s.value(r, c);
    });
  }

  private checkBounds(rect: Rect): void {
    if (
      rect.row < 0 ||
      rect.col < 0 ||
      rect.row + rect.rowCount > MAX_ROWS ||
      rect.col + rect.colCount > MAX_COLS
    ) {
      throw new WorkbookError("InvalidArgument", "The range is outside the worksheet.");
    }
  }

  /** Sets one number format per cell (2-D, the rectangle's size). */
  setNumberFormats(
    sheetId: string,
    row: number,
    col: number,
    formats: (string | undefined)[][],
    source: ChangeSource = "api",
  ): void {
    const sheet = this.sheet(sheetId);
    let colCount = 0;
    formats.forEach((line, i) => {
      colCount = Math.max(colCount, line.length);
      line.forEach((f, j) => {
        if (f !== undefined) sheet.setNumberFormat(row + i, col + j, f);
      });
    });
    sheet.touched();
    const rect = { row, col, rowCount: formats.length, colCount };
    this.recordChange(sheet.id, [rect], source);
    this.afterWrite();
  }

  /** One number format for a whole rectangle (cheap for whole columns). */
  fillNumberFormat(sheetId: string, rect: Rect, format: string, source: ChangeSource = "api"): void {
    const sheet = this.sheet(sheetId);
    sheet.fillNumberFormat(rect, format);
    sheet.touched();
    this.recordChange(sheet.id, [rect], source);
    this.afterWrite();
  }

  /** Range.clear: "All" (contents and formats), "Contents" or "Formats". */
  clear(
    sheetId: string,
    rect: Rect,
    what: "All" | "Contents" | "Formats" = "All",
    source: ChangeSource = "api",
  ): void {
    const sheet = this.sheet(sheetId);
    if (what !== "Formats") {
      const removed: FormulaCell[] = [];
      sheet.forEachRow(rect, (rowData, r) => {
        const end = Math.min(rect.col + rect.colCount, rowData.values.length, MAX_COLS);
        const last = Math.max(end, Math.min(rect.col + rect.colCount, rowData.formulas?.length ?? 0));
        for (let c = rect.col; c < last; c++) {
          if (sheet.spilledFrom(r, c)) continue; // spilled values belong to their anchor
          const old = sheet.setConstant(r, c, null);
          if (old) removed.push(old);
        }
      });
      removed.forEach((f) => this.engine.detach(f));
      this.engine.markChanged(sheet, rect);
    }
    if (what !== "Contents") sheet.clearFormats(rect);
    sheet.touched();
    this.recordChange(sheet.id, [rect], source);
    this.afterWrite();
  }

  /**
   * Copy and paste inside the workbook (Ctrl+C, Ctrl+V): the source cells' contents and number
   * formats land at the target, formulas with relative references moved by the offset, as in Excel.
   */
  copyCells(
    sheetId: string,
    source: Rect,
    targetSheetId: string,
    targetRow: number,
    targetCol: number,
    changeSource: ChangeSource = "user",
  ): void {
    const from = this.sheet(sheetId);
    const shift = { dRows: targetRow - source.row, dCols: targetCol - source.col };
    const contents = this.readContents(from, source, shift);
    const formats = this.getNumberFormats(sheetId, source);
    this.batch(() => {
      this.setNumberFormats(targetSheetId, targetRow, targetCol, formats, changeSource);
      this.writeContents(targetSheetId, targetRow, targetCol, contents, changeSource, false);
    });
  }

  /**
   * Fill down (Ctrl+D): copies the first row of rect into the rows below it, adjusting relative
   * references in formulas as Excel does; number formats are copied too.
   */
  fillDown(sheetId: string, rect: Rect, source: ChangeSource = "user"): void {
    const sheet = this.sheet(sheetId);
    if (rect.rowCount < 2) return;
    const top = { ...rect, rowCount: 1 };
    const block: RawContent[][] = [];
    for (let i = 1; i < rect.rowCount; i++)
      block.push(this.readContents(sheet, top, { dRows: i, dCols: 0 })[0]);
    const formats = this.getNumberFormats(sheetId, top)[0];
    this.batch(() => {
      for (let i = 1; i < rect.rowCount; i++) {
        formats.forEach((f, j) => sheet.setNumberFormat(rect.row + i, rect.col + j, f));
      }
      this.writeContents(sheetId, rect.row + 1, rect.col, block, source, false);
    });
  }

  /** Inserts blank cells at rect, pushing the cells below ("Down") or right ("Right") away, as
      Excel's Insert does: formulas anywhere that refer to moved cells follow them, tables move or grow. */
  insertCells(sheetId: string, rect: Rect, direction: "Down" | "Right", source: ChangeSource = "api"): void {
    this.shiftCells(sheetId, shiftFor(rect, direction === "Down" ? "rows" : "cols", "insert"), source);
  }

  /** Deletes the cells of rect, pulling the cells below ("Up") or right ("Left") in, as Excel's Delete:
      references to deleted cells become #REF!, references to moved cells follow them. */
  deleteCells(sheetId: string, rect: Rect, direction: "Up" | "Left", source: ChangeSource = "api"): void {
    this.shiftCells(sheetId, shiftFor(rect, direction === "Up" ? "rows" : "cols", "delete"), source);
  }

  private shiftCells(sheetId: string, shift: Shift, source: ChangeSource): void {
    const sheet = this.sheet(sheetId);
    const rows = shift.axis === "rows";
    const used = sheet.usedRange();
    const usedEnd = used ? (rows ? used.row + used.rowCount : used.col + used.colCount) : 0;
    const max = rows ? MAX_ROWS : MAX_COLS;
    // Cells are read and written only where the band meets the used range (a whole-row band is 16,384 wide).
    const usedAcrossStart = used ? (rows ? used.col : used.row) : 0;
    const usedAcrossEnd = used ? usedAcrossStart + (rows ? used.colCount : used.rowCount) : 0;
    const acrossStart = Math.max(shift.bandStart, usedAcrossStart);
    const acrossCount = Math.max(0, Math.min(shift.bandEnd, usedAcrossEnd) - acrossStart);
    const band = (start: number, end: number): Rect =>
      rows
        ? { row: start, rowCount: end - start, col: acrossStart, colCount: acrossCount }
        : { col: start, colCount: end - start, row: acrossStart, rowCount: acrossCount };
    this.tables.checkShift(sheet.id, shift);
    const moveFrom = shift.kind === "insert" ? shift.at : shift.at + shift.count;
    const moveTo = shift.kind === "insert" ? shift.at + shift.count : shift.at;
    if (shift.kind === "insert" && usedEnd > shift.at && usedEnd + shift.count > max) {
      throw new WorkbookError("InvalidOperation", "Cells would be pushed off the worksheet.");
    }
    // Every formula in the workbook, rewritten so its references follow the moved cells.
    const pointsAt = (home: Sheet) => (name: string | undefined) =>
      name === undefined ? home === sheet : this.findSheet(name) === sheet;
    const rewritten = new Map<FormulaCell, string>();
    for (const cell of this.engine.formulaCells()) {
      const text = moveReferences(cell.text, pointsAt(cell.sheet), shift);
      if (text !== cell.text) rewritten.set(cell, text);
    }
    const moving = usedEnd > moveFrom && acrossCount > 0 ? band(moveFrom, usedEnd) : undefined;
    const contents = moving
      ? this.readContents(sheet, moving).map((line, i) =>
          line.map((entry, j): RawContent => {
            const formula = sheet.formula(moving.row + i, moving.col + j);
            return formula ? { formula: rewritten.get(formula) ?? formula.text } : entry;
          }),
        )
      : [];
    const formats = moving ? this.getNumberFormats(sheetId, moving) : [];
    const cleared = band(shift.at, Math.max(usedEnd, moveFrom));
    this.batch(() => {
      if (cleared.rowCount > 0 && cleared.colCount > 0) this.clear(sheetId, cleared, "All", source);
      if (moving) {
        const target = rows ? { row: moveTo, col: moving.col } : { row: moving.row, col: moveTo };
        this.setNumberFormats(sheetId, target.row, target.col, formats, source);
        this.writeContents(sheetId, target.row, target.col, contents, source, false);
      }
      for (const [cell, text] of rewritten) {
        if (this.engine.isAttached(cell)) {
          this.writeContents(cell.sheet.id, cell.row, cell.col, [[{ formula: text }]], source, false);
        }
      }
      this.tables.shifted(sheet.id, shift);
    });
  }

  // ---- selection ---------------------------------------------------------------------------

  getSelection(): Selection {
    return this.selections.get(this.activeId)!;
  }

  /**
   * Selects rect on a sheet (activating it). Whole columns: row 0, rowCount MAX_ROWS; whole rows:
   * col 0, colCount MAX_COLS. The active cell defaults to the rectangle's top-left.
   */
  setSelection(
    sheetId: string,
    rect: Rect,
    active?: { row: number; col: number },
    source: ChangeSource = "user",
  ): void {
    const sheet = this.sheet(sheetId);
    this.checkBounds(rect);
    if (sheet.id !== this.activeId) {
      this.activeId = sheet.id;
      this.emitter.emit({ type: "activeSheetChanged", sheetId: sheet.id });
    }
    const selection: Selection = {
      sheetId: sheet.id,
      rect: { ...rect },
      activeRow: active?.row ?? rect.row,
      activeCol: active?.col ?? rect.col,
    };
    this.selections.set(sheet.id, selection);
    this.emitter.emit({ type: "selectionChanged", selection, source });
  }

  /**
   * Selects several blocks on one sheet, as RangeAreas.select() does; the first block holds the
   * active cell. Any later selection (a click, setSelection) is one block again.
   */
  setSelectionAreas(sheetId: string, rects: Rect[], source: ChangeSource = "api"): void {
    if (rects.length === 0) throw new WorkbookError("InvalidArgument", "Nothing to select.");
    this.setSelection(sheetId, rects[0]!, undefined, source);
    if (rects.length === 1) return;
    for (const rect of rects) this.checkBounds(rect);
    const selection: Selection = { ...this.getSelection(), areas: rects.map((r) => ({ ...r })) };
    this.selections.set(selection.sheetId, selection);
    this.emitter.emit({ type: "selectionChanged", selection, source });
  }

  // ---- tables ------------------------------------------------------------------------------

  /** Converts rect into a table; without headers Excel inserts a header row (Column1, ...) above. */
  addTable(sheetId: string, rect: Rect, hasHeaders: boolean, name?: string): TableInfo {
    return this.tables.add(this.sheet(sheetId).id, rect, hasHeaders, name);
  }

  /** For the table store: announces a table change. */
  tablesChanged(sheetId: string): void {
    this.emitter.emit({ type: "tablesChanged", sheetId });
  }
}

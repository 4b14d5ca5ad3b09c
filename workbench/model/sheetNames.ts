/* Excel's rules for worksheet names, and worksheet ids (GUIDs in braces, as Excel's are). */
import { WorkbookError } from "./errors";

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/;

/** Throws InvalidArgument for a name Excel refuses: 1-31 characters, none of : \ / ? * [ ], not
    starting or ending with an apostrophe, not "History". */
export function checkSheetName(name: string): void {
  if (!name || name.length > 31 || INVALID_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
    throw new WorkbookError(
      "InvalidArgument",
      `"${name}" is not a valid sheet name: 1-31 characters, none of : \\ / ? * [ ], not starting or ending with '.`,
    );
  }
  if (name.toLowerCase() === "history") {
    throw new WorkbookError("InvalidArgument", '"History" is a name Excel reserves.');
  }
}

function randomHex(length: number): string {
  let s = "";
  for (let i = 0; i < length; i++)
    s += Math.floor(Math.random() * 16)
      .toString(16)
      .toUpperCase();
  return s;
}

export function newSheetId(): string {
  return `{${randomHex(8)}-${randomHex(4)}-4${randomHex(3)}-8${randomHex(3)}-${randomHex(12)}}`;
}

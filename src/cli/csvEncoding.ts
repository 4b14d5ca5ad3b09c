/**
 * CSV bytes -> text. Only UTF-8 is read without being told: anything else decoded as UTF-8 turns
 * "Café" into "Caf\uFFFD", and those replacement characters would be sent to Halo. So UTF-16 and
 * invalid UTF-8 are refused with the fix, or read as the --encoding the user names.
 */
import { CliError } from "./cliErrors";

const SAVE_AS_UTF8 = 'save it from Excel as "CSV UTF-8 (Comma delimited)"';

function isUtf16(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return true;
  // No BOM: ASCII text in UTF-16 has a zero byte in every other place.
  const sample = bytes.subarray(0, 200);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length >= 4 && zeros >= sample.length / 4;
}

function utf16Refusal(name: string, bytes: Uint8Array): CliError {
  const bigEndian = bytes[0] === 0xfe || (bytes[0] === 0 && bytes[1] !== 0);
  return new CliError(
    "File",
    `${name} is UTF-16 text (Excel's "Unicode Text"): ${SAVE_AS_UTF8}, or run again with --encoding ${bigEndian ? "utf-16be" : "utf-16le"}.`,
  );
}

/** The 1-based line of the first byte that is not valid UTF-8. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const lossy = new TextDecoder("utf-8").decode(bytes);
  const at = lossy.indexOf("\uFFFD");
  return lossy.slice(0, Math.max(at, 0)).split("\n").length;
}

/** Decodes a CSV file's bytes: UTF-8 unless `encoding` names another; refuses what would be garbled. */
export function decodeCsv(bytes: Uint8Array, name: string, encoding?: string): string {
  if (encoding !== undefined) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw new CliError("Usage", `unknown encoding "${encoding}" (e.g. utf-8, windows-1252, utf-16le).`);
    }
    try {
      // TextDecoder drops a BOM; csv-parse would have too.
      return decoder.decode(bytes);
    } catch {
      throw new CliError("File", `${name} is not valid ${encoding} text: check --encoding.`);
    }
  }
  if (isUtf16(bytes)) throw utf16Refusal(name, bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CliError(
      "File",
      `${name} is not UTF-8 (line ${lineOfFirstInvalidByte(bytes)} has a byte UTF-8 does not allow; ` +
        `Excel's plain "CSV" on Windows writes Windows-1252): ${SAVE_AS_UTF8}, ` +
        `or run again with --encoding windows-1252 if that is what it is. Nothing was sent.`,
    );
  }
}

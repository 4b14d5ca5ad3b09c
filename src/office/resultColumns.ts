/**
 * The Status and Message columns a push writes beside the rows. They are known by their headers side
 * by side ("Status" then "Message"): a lone "Status" column is the user's own (a ticket's status) and
 * is never written.
 */
export const STATUS_HEADER = "Status";
export const MESSAGE_HEADER = "Message";

/** Indexes of the Status and Message pair in a header row, or undefined. */
export function findResultColumns(
  headers: readonly string[],
): { status: number; message: number } | undefined {
  for (let i = headers.length - 2; i >= 0; i--)
    if (headers[i]?.trim() === STATUS_HEADER && headers[i + 1]?.trim() === MESSAGE_HEADER)
      return { status: i, message: i + 1 };
  return undefined;
}

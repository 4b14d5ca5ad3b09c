/** The dialog page answers in the shape src/office/signInDialog reads. */
import type { DialogResult } from "../office/signInDialog";

/** Reads the authorization response (RFC 6749 §4.1.2) from the redirect URL's query string. */
export function readAuthorizationResponse(search: string): DialogResult | null {
  const params = new URLSearchParams(search);
  const error = params.get("error");
  if (error) return { type: "error", error, description: params.get("error_description") ?? "" };
  const code = params.get("code");
  if (code) return { type: "code", code, state: params.get("state") ?? "" };
  return null;
}

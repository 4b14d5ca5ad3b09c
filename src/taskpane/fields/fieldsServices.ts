/** What the Fields tab needs from its host: injected so component tests run without Office. */
export interface FieldsServices {
  /** Writes the names as a header row at the selected cell; resolves with the address written. */
  insertHeaders(names: readonly string[]): Promise<string>;
}

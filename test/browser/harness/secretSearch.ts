/* The secret search (issue 11): what a test watches while the add-in runs, and the search of everything
   the add-in could have written afterwards, for the client secret and every token Halo issued.

   Watched while the test runs (every page and frame of the browser context, popups such as the sign-in
   dialog included): each /auth/token answer (its access and refresh tokens become needles, the PKCE
   verifier and code of its request too), every request (a needle may only travel in the token request's
   body or, for a token, in the Authorization header to Halo), and every console message.
   Searched afterwards: the workbook as the workbench holds it (every cell of every sheet, very hidden ones
   included: the pull record, push journal and log sheet; formulas, number formats, table names, document
   settings saved and unsaved), localStorage and sessionStorage of every frame of every open page, and
   OfficeRuntime.storage as the task pane reads it. */
import type { BrowserContext, Frame, Page, Request } from "@playwright/test";
import type { DocumentContents } from "../../../workbench/excel/documentContents";

/** One place searched: `kind` says which channel (the negative control checks each kind is searched). */
export interface Place {
  kind:
    | "cell"
    | "table"
    | "setting"
    | "localStorage"
    | "sessionStorage"
    | "OfficeRuntime.storage"
    | "console"
    | "request";
  where: string;
  text: string;
}

export interface Hit {
  needle: string;
  kind: Place["kind"];
  where: string;
}

/** The needles' occurrences, each with the place it was found. */
export function findNeedles(places: readonly Place[], needles: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const needle of new Set(needles)) {
    if (needle.length < 8) throw new Error(`"${needle}" is too short to search for without false hits.`);
    for (const place of places)
      if (place.text.includes(needle)) hits.push({ needle, kind: place.kind, where: place.where });
  }
  return hits;
}

const TOKEN_PATH = "/auth/token";

/** What the browser context did while the test ran: tokens issued, requests sent, console output. */
export class Witness {
  /** Tokens and one-time values Halo's token endpoint saw or issued. */
  readonly issued: string[] = [];
  private readonly requests: Place[] = [];
  private readonly console: Place[] = [];
  private readonly pending: Promise<unknown>[] = [];

  /** `haloOrigin`: where a token may go in the Authorization header. */
  constructor(
    context: BrowserContext,
    private readonly haloOrigin: string,
  ) {
    context.on("request", (request) => this.pending.push(this.noteRequest(request)));
    context.on("response", (response) => {
      const request = response.request();
      if (request.method() !== "POST" || !new URL(request.url()).pathname.endsWith(TOKEN_PATH)) return;
      this.pending.push(
        response
          .json()
          .then((body: { access_token?: unknown; refresh_token?: unknown }) => {
            for (const token of [body.access_token, body.refresh_token])
              if (typeof token === "string") this.issued.push(token);
          })
          .catch(() => undefined),
      );
    });
    context.on("console", (message) => {
      const where = `console.${message.type()} from ${message.location().url} in ${message.page()?.url() ?? "a worker"}`;
      this.console.push({ kind: "console", where, text: message.text() });
      // Objects logged show only as a preview in text(): their JSON is searched as well.
      this.pending.push(
        Promise.all(message.args().map((arg) => arg.jsonValue().then((v: unknown) => JSON.stringify(v))))
          .then((texts) => this.console.push({ kind: "console", where, text: texts.join(" ") }))
          .catch(() => undefined),
      );
    });
  }

  private async noteRequest(request: Request): Promise<void> {
    const url = request.url();
    const body = request.postData() ?? "";
    const headers = await request.allHeaders().catch(() => request.headers());
    const isTokenRequest = request.method() === "POST" && new URL(url).pathname.endsWith(TOKEN_PATH);
    if (isTokenRequest) {
      const form = new URLSearchParams(body);
      // The authorization code is not searched for: the redirect to the dialog page carries it by design
      // (it is single use and worthless without the verifier).
      for (const field of ["code_verifier", "refresh_token"]) {
        const value = form.get(field);
        if (value) this.issued.push(value);
      }
    }
    // Where a needle may legitimately travel is not searched: the token request's body (the secret, the
    // verifier) and the Authorization header to Halo (the token). The URL and every other header are.
    const { authorization, ...otherHeaders } = headers;
    const toHalo = new URL(url).origin === this.haloOrigin;
    this.requests.push({
      kind: "request",
      where: `${request.method()} ${url}`,
      text: [
        url,
        JSON.stringify(otherHeaders),
        toHalo ? "" : (authorization ?? ""),
        isTokenRequest && toHalo ? "" : body,
      ].join("\n"),
    });
  }

  /** Waits for the answers and console arguments still being read. */
  async settled(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }

  places(): Place[] {
    return [...this.requests, ...this.console];
  }
}

function documentPlaces(contents: DocumentContents): Place[] {
  return [
    ...contents.sheets.flatMap((sheet) =>
      sheet.cells.map((cell): Place => ({
        kind: "cell",
        where: `${sheet.name} (${sheet.visibility}) ${cell.address}`,
        text: [String(cell.value), cell.formula ?? "", cell.numberFormat ?? ""].join("\n"),
      })),
    ),
    ...contents.tables.map((table): Place => ({
      kind: "table",
      where: `table ${table.name}`,
      text: table.name,
    })),
    ...Object.entries({ ...contents.settings.saved, ...contents.settings.current }).map(
      ([name, json]): Place => ({
        kind: "setting",
        where: `document setting ${name}`,
        text: `${name}\n${json}`,
      }),
    ),
  ];
}

async function framePlaces(frame: Frame): Promise<Place[]> {
  const stores = await frame
    .evaluate(() =>
      (["localStorage", "sessionStorage"] as const).map((name) => {
        const store = window[name];
        return {
          name,
          entries: Array.from({ length: store.length }, (_, i) => {
            const key = store.key(i) ?? "";
            return [key, store.getItem(key) ?? ""] as const;
          }),
        };
      }),
    )
    .catch(() => []); // a frame gone or without storage (about:blank of another origin) holds nothing
  return stores.flatMap(({ name, entries }) =>
    entries.map(([key, value]): Place => ({
      kind: name,
      where: `${name}[${key}] of ${frame.url()}`,
      text: `${key}\n${value}`,
    })),
  );
}

async function runtimeStoragePlaces(pane: Frame): Promise<Place[]> {
  const items = await pane.evaluate(async () => {
    const keys = await OfficeRuntime.storage.getKeys();
    return Object.entries(await OfficeRuntime.storage.getItems(keys));
  });
  return items.map(([key, value]): Place => ({
    kind: "OfficeRuntime.storage",
    where: `OfficeRuntime.storage[${key}]`,
    text: `${key}\n${value ?? ""}`,
  }));
}

/** Everything searched after the run: the workbook, every frame's storage, OfficeRuntime.storage. */
export async function storedPlaces(
  page: Page,
  pane: Frame,
): Promise<{ places: Place[]; contents: DocumentContents }> {
  const contents = await page.evaluate(() => window.__haloSheetWorkbench!.documentContents());
  const frames = page
    .context()
    .pages()
    .flatMap((p) => p.frames());
  const perFrame = await Promise.all(frames.map(framePlaces));
  return {
    contents,
    places: [...documentPlaces(contents), ...perFrame.flat(), ...(await runtimeStoragePlaces(pane))],
  };
}

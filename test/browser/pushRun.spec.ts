/* Push runs in the pane against a sandbox of the test's own: a 2,000-row run that must wait for Halo's
   rate limit (progress, waits, ETA, Pause and Resume); Cancel mid-run; a poisoned row, a duplicate id,
   an error value and a conflict in one push. Each ends with a check of the sandbox's data. */
import type { Frame } from "@playwright/test";
import { expect, test } from "./harness/fixtures";
import { apiRequests, startOwnSandbox, signInTo, type OwnSandbox } from "./harness/ownSandbox";
import { pasteRows } from "./harness/pasteRows";
import {
  otherTaxCode,
  previewPush,
  pullClientsWithTaxCode,
  pulledClientIds,
  readValues,
  type SandboxClient,
} from "./harness/pushFlow";
import type { WorkbenchPage } from "./harness/workbenchPage";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** Seed 4 holds 2,000 tickets, ids 1001 to 3000. */
const TICKETS_SEED = 4;
const FIRST_TICKET = 1001;

interface SandboxTicket {
  id: number;
  summary: string;
}

/** "1 min 5 s" or "45 s", as the pane writes a duration, in seconds. */
function seconds(text: string): number {
  const [, minutes, secs] = /^(?:(\d+) min )?(\d+) s$/.exec(text) ?? [];
  if (secs === undefined) throw new Error(`not a duration: "${text}"`);
  return Number(minutes ?? 0) * 60 + Number(secs);
}

function ticketIds(count: number): number[] {
  return Array.from({ length: count }, (_, i) => FIRST_TICKET + i);
}

/** The tickets as Halo holds them, read 100 at a time by id (Halo's `ticketids` filter). */
async function readTickets(sandbox: OwnSandbox, ids: number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (let at = 0; at < ids.length; at += 100) {
    const chunk = ids.slice(at, at + 100);
    const page = await sandbox.api<{ tickets: SandboxTicket[] }>(
      `Tickets?ticketids=${chunk.join(",")}&pageinate=true&page_size=100&page_no=1`,
    );
    for (const ticket of page.tickets) found.set(ticket.id, ticket.summary);
  }
  return found;
}

/** Pastes id + a new summary for these tickets, selects them with the header, and previews them as Tickets. */
async function previewNewSummaries(
  workbench: WorkbenchPage,
  pane: Frame,
  ids: number[],
  summary: (id: number) => string,
): Promise<void> {
  await pasteRows(workbench, [["id", "summary"], ...ids.map((id) => [id, summary(id)])]);
  await workbench.goTo(`A1:B${ids.length + 1}`);
  // The sheet was not pulled: the user says which records the rows are.
  const counts = await previewPush(pane, "Tickets");
  await expect(counts).toHaveText(
    `${ids.length.toLocaleString("en-US")} rows to update, 0 to create, 0 unchanged, 0 skipped`,
  );
}

test("push run: 2,000 tickets under a lowered rate limit - progress, rate-limit waits and ETA, Pause and Resume, every row Updated", async ({
  workbench,
  pane,
}) => {
  test.setTimeout(180_000);
  const sandbox = await startOwnSandbox({ seed: TICKETS_SEED });
  try {
    await signInTo(pane, sandbox);
    const ids = ticketIds(2000);
    const summary = (id: number) => `Checked in the December review (${id})`;
    await previewNewSummaries(workbench, pane, ids, summary);

    // 2,000 rows in batches of 100: 20 list reads (before-images for Undo) and 20 writes, about one a
    // second on a busy 2-core machine. At 4 requests per 5 s the run must wait for the limit, often.
    await sandbox.setRateLimit("4/5");
    await pane.getByRole("button", { name: "Push", exact: true }).click();
    const progress = pane.getByRole("region", { name: "Progress" });
    await expect(progress).toContainText(/^Pushing to Halo/, { timeout: 30_000 });
    // A wait as it happens: what the run waits for, the waits so far, the requests and waiting still ahead.
    await expect(progress).toContainText(
      /Waiting \d+ s for Halo's rate limit; the run goes on by itself\. About [^.]+ left\.[\d,]+ of 2,000 rows doneSo far: \d+ requests · [^·]+ elapsed · [1-9]\d* rate-limit waits? \([^)]+, the one under way included\) · .*About \d+ more requests?, ~[^.]+ of rate-limit waits ahead\./,
      { timeout: 60_000 },
    );
    // Once Halo's 429s have shown its limit, the pane says so and the time left counts it: the
    // requests ahead at 4 per 5 s (Halo's usual 300 per 5 minutes would make it a few seconds).
    await expect(progress).toContainText(/Halo is allowing about 4 requests per [5-7] s here/, {
      timeout: 60_000,
    });
    const shown = (await progress.textContent()) ?? "";
    const ahead = Number(/About (\d+) more requests?/.exec(shown)?.[1]);
    const leftS = seconds(/About ((?:\d+ min )?\d+ s) left\./.exec(shown)?.[1] ?? "");
    const windowsAhead = Math.ceil(ahead / 4);
    expect(leftS, shown).toBeGreaterThanOrEqual(0.8 * (windowsAhead - 1) * 5);
    expect(leftS, shown).toBeLessThanOrEqual(1.5 * (windowsAhead + 1) * 7 + 20);

    await progress.getByRole("button", { name: "Pause" }).click();
    await expect(progress).toContainText(/^Paused/, { timeout: 30_000 });
    const paused = apiRequests(await sandbox.stats());
    const doneWhenPaused = await progress.getByRole("status").textContent();
    await pane.waitForTimeout(3000);
    expect(apiRequests(await sandbox.stats()), "nothing is sent while paused").toBe(paused);
    await expect(progress.getByRole("status")).toHaveText(doneWhenPaused ?? "");
    expect(doneWhenPaused).not.toBe("2,000 of 2,000 rows done");

    await progress.getByRole("button", { name: "Resume" }).click();
    await expect(pane.getByText(/2,000 updated\. \d+ requests\./)).toBeVisible({ timeout: 120_000 });

    const statuses = await readValues(pane, "C1:C2001");
    expect(statuses[0]).toEqual(["Status"]);
    expect(new Set(statuses.slice(1).map((r) => r[0]))).toEqual(new Set(["Updated"]));
    await sandbox.setRateLimit("0");
    const stats = await sandbox.stats();
    expect(stats.rateLimited, "Halo answered 429 at least once").toBeGreaterThan(0);
    expect(stats.rowsWritten.byEntity.Tickets?.updated).toBe(2000);
    const held = await readTickets(sandbox, ids);
    expect(ids.filter((id) => held.get(id) !== summary(id))).toEqual([]);
  } finally {
    await sandbox.close();
  }
});

test("push run: Cancel mid-run - settled rows keep their status, the rest say NotSent, nothing is sent after", async ({
  workbench,
  pane,
}) => {
  test.setTimeout(180_000);
  const sandbox = await startOwnSandbox({ seed: TICKETS_SEED });
  try {
    await signInTo(pane, sandbox);
    const ids = ticketIds(1000);
    const before = await readTickets(sandbox, ids);
    const summary = (id: number) => `Cancelled review (${id})`;
    await previewNewSummaries(workbench, pane, ids, summary);

    // Slow enough to cancel part-way: 20 requests at 4 per 5 s.
    await sandbox.setRateLimit("4/5");
    await pane.getByRole("button", { name: "Push", exact: true }).click();
    const progress = pane.getByRole("region", { name: "Progress" });
    await expect(progress.getByRole("status")).toHaveText(/^[2-6]00 of 1,000 rows done$/, {
      timeout: 90_000,
    });
    const doneAtCancel = Number((await progress.getByRole("status").textContent())?.split(" ")[0]);
    await progress.getByRole("button", { name: "Cancel" }).click();
    await expect(progress).toContainText("The batch in flight finishes; the rest will say NotSent.");

    const result = pane.getByRole("region", { name: "Result" });
    await expect(result).toContainText(/Push finished\s*\d+ updated, \d+ not sent\./, { timeout: 60_000 });
    const [, updatedText] = /(\d+) updated/.exec((await result.textContent()) ?? "") ?? [];
    const updated = Number(updatedText);
    // What had settled, plus at most the batch in flight.
    expect(updated).toBeGreaterThanOrEqual(doneAtCancel);
    expect(updated).toBeLessThanOrEqual(doneAtCancel + 100);
    await expect(result).toContainText(`${updated} updated, ${1000 - updated} not sent.`);
    await expect(result).toContainText("Cancelled: rows not sent say NotSent.");

    const sent = apiRequests(await sandbox.stats());
    await pane.waitForTimeout(3000);
    expect(apiRequests(await sandbox.stats()), "nothing is sent after the run ends").toBe(sent);

    const statuses = (await readValues(pane, "C2:D1001")).map(([status]) => status);
    expect(statuses.slice(0, updated)).toEqual(ids.slice(0, updated).map(() => "Updated"));
    expect(statuses.slice(updated)).toEqual(ids.slice(updated).map(() => "NotSent"));
    await sandbox.setRateLimit("0");
    expect((await sandbox.stats()).rowsWritten.byEntity.Tickets?.updated).toBe(updated);
    const held = await readTickets(sandbox, ids);
    expect(ids.slice(0, updated).filter((id) => held.get(id) !== summary(id))).toEqual([]);
    expect(ids.slice(updated).filter((id) => held.get(id) !== before.get(id))).toEqual([]);
  } finally {
    await sandbox.close();
  }
});

test("push run: a poisoned row fails alone with Halo's message, a duplicate id and an error value are skipped naming their cells, a record changed in Halo since the pull is a Conflict", async ({
  workbench,
  pane,
}) => {
  test.setTimeout(240_000);
  const sandbox = await startOwnSandbox();
  try {
    await signInTo(pane, sandbox);
    const poison = "#POISON-ROW";
    await sandbox.setFaults(`poison=${poison}`);
    await pullClientsWithTaxCode(pane);
    const ids = await pulledClientIds(pane);
    const lastRow = ids.length + 1;
    const client = (id: number) => sandbox.api<SandboxClient>(`Client/${id}`);
    const before = await Promise.all(ids.slice(0, 8).map(client));
    const taxCode = before[7]!.item_tax_code;
    const changedInHalo = otherTaxCode(otherTaxCode(taxCode));

    await workbench.typeAt("B2", poison); // Halo refuses this value (the sandbox's poison)
    await workbench.typeAt("B3", "Renamed three");
    await workbench.typeAt("B4", "Renamed four");
    await workbench.typeAt("A6", String(ids[3])); // rows 5 and 6 now name the same record
    await workbench.typeAt("C8", "=1/0"); // #DIV/0!
    await workbench.typeAt("C9", String(otherTaxCode(taxCode)));
    // Someone changes row 9's record in Halo after the pull.
    await sandbox.post("Client", [{ id: ids[7], item_tax_code: changedInHalo }]);

    await workbench.goTo(`B2:C${lastRow}`);
    const counts = await previewPush(pane, "Client");
    await expect(counts).toHaveText(`4 rows to update, 0 to create, ${ids.length - 7} unchanged, 3 skipped`);
    const preview = pane.getByRole("region", { name: "Push" });
    await expect(preview).toContainText(`id ${ids[3]} appears in rows 5 and 6`);
    await expect(preview).toContainText(/C8\b.*#DIV\/0!/);

    await pane.getByRole("button", { name: "Push", exact: true }).click();
    const result = pane.getByRole("region", { name: "Result" });
    await expect(result).toContainText(/2 updated, \d+ unchanged, 3 skipped, 1 conflict, 1 failed\./, {
      timeout: 60_000,
    });

    const sheet = await readValues(pane, `A1:J${lastRow}`);
    const at = sheet[0]!.indexOf("Status");
    expect(sheet[0]![at + 1]).toBe("Message");
    const row = (n: number) => ({ status: sheet[n - 1]![at], message: String(sheet[n - 1]![at + 1]) });
    expect(row(2).status).toBe("Failed");
    expect(row(2).message).toContain(
      "An error occurred while saving the Client. Please check the values and try again.",
    );
    expect([row(3).status, row(4).status]).toEqual(["Updated", "Updated"]);
    expect([row(5).status, row(6).status, row(8).status]).toEqual(["Skipped", "Skipped", "Skipped"]);
    expect(row(5).message).toContain("appears in rows 5 and 6");
    expect(row(8).message).toContain("C8");
    expect(row(7).status).toBe("Unchanged");
    expect(row(9).status).toBe("Conflict");
    expect(row(9).message).toBe(
      `Conflict: changed in Halo since the pull: item_tax_code (was ${taxCode}, Halo has ${changedInHalo}). Not sent.`,
    );
    // The pane lists what needs attention.
    await expect(result.getByRole("list", { name: "Rows that need attention" })).toContainText(
      "Row 9: Conflict",
    );

    const after = await Promise.all(ids.slice(0, 8).map(client));
    expect(after[0]!.name).toBe(before[0]!.name);
    expect([after[1]!.name, after[2]!.name]).toEqual(["Renamed three", "Renamed four"]);
    expect([after[3]!.name, after[4]!.name]).toEqual([before[3]!.name, before[4]!.name]);
    expect(after[6]!.item_tax_code).toBe(before[6]!.item_tax_code);
    expect(after[7]!.item_tax_code, "Halo keeps the other change").toBe(changedInHalo);
    expect((await sandbox.stats()).faults.poison).toBeGreaterThan(0);
  } finally {
    await sandbox.close();
  }
});

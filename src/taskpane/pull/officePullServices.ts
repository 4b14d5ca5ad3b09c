/** The Pull panel's services inside Office (or the workbench): the signed-in client and src/office. */
import { estimateEntityPull, listReports, pullSource, type HaloClient, type PullSource } from "../../halo";
import { activeCellAddress, onSelectionChanged } from "../../office/activeCell";
import { activeSheet, onActiveSheetChanged } from "../../office/activeSheet";
import { readPullRecord, savePull } from "../../office/pullRecord";
import { writePulledTable } from "../../office/pullWriter";
import { editsSincePull } from "../../office/refreshEdits";
import { refreshPulledTable } from "../../office/refreshTable";
import { readRecord, writeRecord } from "../../office/workbookStore";
import type { PullServices } from "./pullServices";

const LAST_SOURCE_KEY = "pull.lastSource";

export function officePullServices(client: HaloClient): PullServices {
  return {
    instanceUrl: client.instanceUrl,
    listReports: async (signal) =>
      (await listReports(client, { signal })).map(({ id, name }) => ({ id, name })),
    estimate: (source, signal) => estimateEntityPull(client, source, signal),
    read: (source, options) => pullSource(client, source, options),
    write: (table, sourceName, target, options) => writePulledTable(table, sourceName, target, options),
    editsSincePull: (record, table) =>
      editsSincePull(record, new Map(table.headers.map((header, c) => [header, table.types[c] ?? "text"]))),
    refresh: (record, table, options) => refreshPulledTable(record.tableName, record.headers, table, options),
    save: (record, snapshot) => savePull(record, snapshot),
    activeSheetPull: async () => {
      const sheet = await activeSheet();
      // A workbook written by `halosheet pull --out x.xlsx` had no Office sheet id yet: its record is by name.
      return (await readPullRecord(sheet.id)) ?? (await readPullRecord(`name:${sheet.name}`));
    },
    onActiveSheetChanged,
    activeCellAddress,
    onSelectionChanged,
    lastSource: () => readRecord<PullSource>(LAST_SOURCE_KEY),
    rememberSource: (source) => writeRecord(LAST_SOURCE_KEY, source),
    now: () => new Date(),
  };
}

/** The Push and History panels' services inside Excel (or the workbench): the workbook, the store and the signed-in client. */
import { haloClientPort } from "../../bulk";
import { systemClock } from "../../halo";
import { logRunToSheet } from "../../office/logSheet";
import { readPullRecord, readPullSnapshot, updatePullSnapshotRows } from "../../office/pullRecord";
import {
  markInterrupted,
  readHistory,
  readMapping,
  readRun,
  writeMapping,
  writeRun,
  type RecordStore,
} from "../../office/pushRecord";
import { readSelection } from "../../office/selection";
import { selectSheetRows, writeStatusColumns } from "../../office/statusColumns";
import { deleteRecord, readRecord, writeRecord } from "../../office/workbookStore";
import { getSignedInClient } from "../../runtime";
import type { PushServices } from "./pushServices";

const store: RecordStore = { readRecord, writeRecord, deleteRecord };

/** Run ids people can read in the log: the start time, plus a few random letters against collisions. */
function newRunId(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

export function officePushServices(): PushServices {
  return {
    clock: systemClock,
    port: () => {
      const client = getSignedInClient();
      return client ? haloClientPort(client) : undefined;
    },
    readSelection,
    readPulledSheet: async (sheetId) => {
      const record = await readPullRecord(sheetId);
      return record
        ? {
            instanceUrl: record.instanceUrl,
            pulledAt: record.pulledAt,
            ...(record.entity ? { entity: record.entity } : {}),
          }
        : undefined;
    },
    readSnapshot: readPullSnapshot,
    updateSnapshotRows: async (sheetId, rowsById) => {
      await updatePullSnapshotRows(sheetId, rowsById);
    },
    readMapping: (sheetId) => readMapping(store, sheetId),
    writeMapping: (sheetId, mapping) => writeMapping(store, sheetId, mapping),
    writeStatus: writeStatusColumns,
    selectRows: selectSheetRows,
    writeRun: (run) => writeRun(store, run),
    readRun: (runId) => readRun(store, runId),
    readHistory: () => readHistory(store),
    markInterrupted: (live) => markInterrupted(store, live),
    logRun: logRunToSheet,
    newRunId,
  };
}

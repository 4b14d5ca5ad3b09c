/** What `halosheet --help` prints; every usage error repeats the relevant part. */
export const USAGE = `Usage:
  halosheet pull --url <instance> --client-id <id> [--client-secret <secret>]
                 (--report <id or name> | --sql <query> | --entity <Entity>) --out rows.csv|rows.xlsx
  halosheet push --url <instance> --client-id <id> [--client-secret <secret>]
                 --entity <Entity> --in rows.csv|rows.xlsx [--sheet NAME] [--snapshot original.csv]
                 [--payload-column NAME] [--batch-size N] [--allow-create] [--dry-run] [--out results.csv]
                 [--encoding windows-1252]
                 [--dont-fire-automations] [--verify] [--max-batch-size N] [--batch-bytes N]
  (npm run cli -- <command> ... does the same.)

  Give the secret in HALO_CLIENT_SECRET, or leave it out to be asked (not shown) on a terminal:
  --client-secret shows in the process list and shell history, so it warns.
  push writes every input row to --out (default results.csv) with Status and Message columns,
  each row as it settles; a push stopped before it starts renames an old --out to <out>.previous.
  --encoding        when --in/--snapshot are not UTF-8 (windows-1252, utf-16le); otherwise refused
  Pulled CSV: text that Excel would run as a formula (= + - @) starts with ' ; push takes it off.
  --out rows.xlsx   (pull) an Excel workbook: the rows as a table, with the pull record the add-in reads
  --in rows.xlsx    (push) reads --sheet (default the first visible sheet); formula cells give the value
                    Excel last calculated, so a HALO.PAYLOAD column can be pushed
  --snapshot        the CSV as pulled: only changed fields are sent, unchanged rows are not sent
  --payload-column  a column of JSON objects (=HALO.PAYLOAD results) sent as they are; without it, a
                    column holding JSON objects is found and sent (the other columns are not read)
  --batch-size      rows per request (default 100); --max-batch-size lets it grow while Halo is fast
  --allow-create    rows without an id create records (otherwise they are skipped)
  --dry-run         check every row, send no write (Halo validates where the entity supports it)
  --dont-fire-automations  ask Halo not to run automations/rules (entities that support it)
  --verify          read written rows back and report fields Halo did not take
Ctrl+C or SIGTERM during a push: the batch in flight finishes, the rest is NotSent, results are written.
Progress goes to stderr. Exit codes: 0 every row Updated/Created/Unchanged, 1 some rows failed,
were skipped or are unknown, 2 usage, sign-in or connection error.`;

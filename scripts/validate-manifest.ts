/* npm run validate [-- dist]: checks a built manifest without the network (scripts/build/checkManifest.ts)
   against the origin it was built for: HALOSHEET_ORIGIN, or the folder its task pane is in. */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { checkManifest } from "./build/checkManifest";

const folder = path.resolve(process.argv[2] ?? "dist");
const manifestPath = path.join(folder, "manifest.xml");
if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run npm run build first.`);
  process.exit(2);
}
const manifest = readFileSync(manifestPath, "utf8");
const pane = /<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"/.exec(manifest)?.[1];
const origin = process.env.HALOSHEET_ORIGIN?.replace(/\/+$/, "") || pane || "";
const functionsPath = path.join(folder, "functions.json");
const problems = checkManifest(manifest, {
  origin,
  readFile: (file) =>
    existsSync(path.join(folder, file)) ? readFileSync(path.join(folder, file)) : undefined,
  functionsMetadata: existsSync(functionsPath) ? readFileSync(functionsPath, "utf8") : undefined,
});
for (const problem of problems) console.error(`- ${problem}`);
console.log(
  problems.length === 0 ? `${manifestPath} is valid for ${origin}.` : `${problems.length} problem(s).`,
);
process.exit(problems.length === 0 ? 0 : 1);

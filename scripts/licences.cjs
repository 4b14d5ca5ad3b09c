/* The production dependencies (package.json "dependencies", and theirs, as installed in node_modules)
   with their licences. `npm run licences` prints them; test/build/licences.test.ts fails the build on a
   GPL, AGPL or LGPL one. npm audit needs an advisory service this project cannot reach; this is the
   offline part of that check. */
const { existsSync, readFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

/** Where `name` resolves from `fromDir`, as Node looks it up (nested node_modules first). */
function packageDir(name, fromDir, root) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

function licenceOf(pkg) {
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license && typeof pkg.license.type === "string") return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(" OR ");
  return "UNKNOWN";
}

/** [{ name, version, licence }] for every production dependency, direct and transitive, sorted by name. */
function productionLicences(root = join(__dirname, "..")) {
  const top = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const found = new Map();
  const queue = Object.keys(top.dependencies ?? {}).map((name) => ({ name, from: root }));
  while (queue.length > 0) {
    const { name, from } = queue.shift();
    const dir = packageDir(name, from, root);
    if (dir === undefined || found.has(dir)) continue;
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    found.set(dir, { name, version: pkg.version, licence: licenceOf(pkg) });
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir });
  }
  return [...found.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

/** GPL, AGPL and LGPL in any form ("GPL-3.0-only", "(MIT OR GPL-2.0)" is allowed: MIT can be chosen). */
function isCopyleft(licence) {
  const choices = licence.replace(/[()]/g, "").split(/\s+OR\s+/i);
  return choices.every((choice) => /\b(A|L)?GPL\b|GPL-/i.test(choice));
}

module.exports = { productionLicences, isCopyleft };

if (require.main === module) {
  const rows = productionLicences();
  for (const { name, version, licence } of rows) console.log(`${name}@${version}\t${licence}`);
  const bad = rows.filter((r) => isCopyleft(r.licence));
  console.log(`${rows.length} production packages; ${bad.length} under GPL/AGPL/LGPL`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

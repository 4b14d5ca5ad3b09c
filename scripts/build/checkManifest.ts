/* Checks an add-in manifest without the network (office-addin-manifest validate needs a web service):
   the XML, its namespaces, resources, URLs, icons, shared runtime, functions namespace, Id and the
   string limits of the add-in-only manifest schema. Returns every problem found, each a sentence. */
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from "@xmldom/xmldom";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Limits from the manifest schema (and its reference pages). */
export const LIMITS = { displayName: 125, description: 250, resid: 32, shortString: 125, longString: 250 };

export interface ManifestExpectations {
  /** Every URL must be under this address (no trailing slash). */
  origin: string;
  /** The files the URLs name, by URL path under the origin (e.g. "assets/icon-16.png"); undefined if missing. */
  readFile?: (relativePath: string) => Buffer | undefined;
  /** functions.json's text, to check the functions against the manifest's namespace. */
  functionsMetadata?: string;
}

export function parseXml(text: string): { doc: XmlDocument; errors: string[] } {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  });
  try {
    return { doc: parser.parseFromString(text, "text/xml"), errors };
  } catch (fatal) {
    return { doc: parser.parseFromString("<invalid/>", "text/xml"), errors: [...errors, String(fatal)] };
  }
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkManifest(text: string, expected: ManifestExpectations): string[] {
  const { doc, errors } = parseXml(text);
  if (errors.length > 0) return errors.map((error) => `The XML is not well-formed: ${error}`);
  const problems: string[] = [];
  const elements = (ns: string, name: string): XmlElement[] =>
    Array.from(doc.getElementsByTagNameNS(ns, name));
  const everyElement = Array.from(doc.getElementsByTagName("*"));

  // Namespaces: the root, the overrides and the basic types each in the schema's namespace.
  const root = doc.documentElement;
  if (root?.namespaceURI !== NS.app || root.localName !== "OfficeApp")
    problems.push(`The root element must be OfficeApp in ${NS.app}.`);
  if (root?.getAttributeNS(NS.xsi, "type") !== "TaskPaneApp")
    problems.push("OfficeApp must be xsi:type TaskPaneApp.");
  if (elements(NS.overrides, "VersionOverrides").length !== 1)
    problems.push(`VersionOverrides must be in ${NS.overrides}, once.`);
  for (const element of everyElement)
    if (
      /^(Image|Url|String|Images|Urls|ShortStrings|LongStrings)$/.test(element.localName ?? "") &&
      element.namespaceURI !== NS.basicTypes
    )
      problems.push(`<${element.tagName}> must be in the basic types namespace ${NS.basicTypes}.`);

  // Id and version.
  const id = elements(NS.app, "Id")[0]?.textContent?.trim() ?? "";
  if (!GUID.test(id) || /^[0-]+$/.test(id)) problems.push(`Id "${id}" must be a GUID (and not all zeros).`);
  const version = elements(NS.app, "Version")[0]?.textContent?.trim() ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(version))
    problems.push(`Version "${version}" must be four numbers, n.n.n.n.`);

  // Resources: every resid defined once, every defined one used, ids within the length limit.
  const resources = [
    ...elements(NS.basicTypes, "Image"),
    ...elements(NS.basicTypes, "Url"),
    ...elements(NS.basicTypes, "String"),
  ].filter((element) => element.hasAttribute("id"));
  const definitions = new Map<string, XmlElement[]>();
  for (const resource of resources) {
    const resourceId = resource.getAttribute("id") ?? "";
    definitions.set(resourceId, [...(definitions.get(resourceId) ?? []), resource]);
  }
  const used = new Set(
    everyElement.map((element) => element.getAttribute("resid")).filter((r): r is string => !!r),
  );
  for (const [resourceId, defined] of definitions) {
    if (defined.length > 1) problems.push(`Resource "${resourceId}" is defined ${defined.length} times.`);
    if (!used.has(resourceId)) problems.push(`Resource "${resourceId}" is defined but no resid uses it.`);
  }
  for (const resid of used) {
    if (!definitions.has(resid)) problems.push(`resid "${resid}" is used but not defined.`);
    if (resid.length > LIMITS.resid)
      problems.push(`resid "${resid}" is longer than ${LIMITS.resid} characters.`);
  }
  const resource = (resid: string | null | undefined) => (resid ? definitions.get(resid)?.[0] : undefined);
  const resourceValue = (resid: string | null | undefined) =>
    resource(resid)?.getAttribute("DefaultValue") ?? undefined;

  // String lengths: the DefaultValue and every locale Override.
  const lengthCheck = (element: XmlElement | undefined, limit: number, what: string) => {
    const values = element
      ? [
          element.getAttribute("DefaultValue") ?? "",
          ...Array.from(element.getElementsByTagName("*")).map((o) => o.getAttribute("Value") ?? ""),
        ]
      : [];
    for (const value of values)
      if (value.length > limit)
        problems.push(`${what} is ${value.length} characters; the limit is ${limit}: "${value}".`);
  };
  lengthCheck(elements(NS.app, "DisplayName")[0], LIMITS.displayName, "DisplayName");
  lengthCheck(elements(NS.app, "Description")[0], LIMITS.description, "Description");
  for (const group of elements(NS.basicTypes, "ShortStrings"))
    for (const s of Array.from(group.getElementsByTagNameNS(NS.basicTypes, "String")))
      lengthCheck(s, LIMITS.shortString, `Short string "${s.getAttribute("id")}"`);
  for (const group of elements(NS.basicTypes, "LongStrings"))
    for (const s of Array.from(group.getElementsByTagNameNS(NS.basicTypes, "String")))
      lengthCheck(s, LIMITS.longString, `Long string "${s.getAttribute("id")}"`);

  // URLs: HTTPS and under the add-in's origin.
  const prefix = `${expected.origin}/`;
  const urls = everyElement
    .map((element) => element.getAttribute("DefaultValue") ?? "")
    .filter((value) => /^[a-z]+:\/\//i.test(value));
  if (urls.length === 0) problems.push("The manifest names no URL.");
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`${url} is not HTTPS.`);
    if (!url.startsWith(prefix)) problems.push(`${url} is not under the add-in's origin ${expected.origin}.`);
  }
  const addinHost = new URL(expected.origin).origin;
  const domains = elements(NS.app, "AppDomain").map((d) => d.textContent?.trim() ?? "");
  for (const domain of domains)
    if (!/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(domain))
      problems.push(`AppDomain ${domain} must be https://host (a leading *. allowed) without a path.`);
  if (!domains.includes(addinHost)) problems.push(`AppDomains must list the add-in's host ${addinHost}.`);

  // Icons: each at the size the manifest names, read from the PNG header.
  const icons: { url: string | undefined; size: number; where: string }[] = [
    {
      url: elements(NS.app, "IconUrl")[0]?.getAttribute("DefaultValue") ?? undefined,
      size: 32,
      where: "IconUrl",
    },
    {
      url: elements(NS.app, "HighResolutionIconUrl")[0]?.getAttribute("DefaultValue") ?? undefined,
      size: 64,
      where: "HighResolutionIconUrl",
    },
    ...elements(NS.basicTypes, "Image")
      .filter((image) => image.hasAttribute("size"))
      .map((image) => ({
        url: resourceValue(image.getAttribute("resid")),
        size: Number(image.getAttribute("size")),
        where: `Icon ${image.getAttribute("resid")}`,
      })),
  ];
  if (expected.readFile)
    for (const icon of icons) {
      if (!icon.url?.startsWith(prefix)) continue; // Reported with the URLs above.
      const bytes = expected.readFile(
        decodeURIComponent(new URL(icon.url).pathname.slice(new URL(prefix).pathname.length)),
      );
      const size = bytes && pngSize(bytes);
      if (!size) problems.push(`${icon.where}: ${icon.url} is not a PNG file of the build.`);
      else if (size.width !== icon.size || size.height !== icon.size)
        problems.push(
          `${icon.where}: ${icon.url} is ${size.width}x${size.height}; the manifest says ${icon.size}x${icon.size}.`,
        );
    }

  // One shared runtime for the task pane, the functions and the ribbon commands.
  const sets = elements(NS.app, "Set").map((set) => set.getAttribute("Name"));
  for (const needed of ["SharedRuntime", "CustomFunctionsRuntime"])
    if (!sets.includes(needed)) problems.push(`Requirements must include the ${needed} set.`);
  const excelApi = elements(NS.app, "Set").find((set) => set.getAttribute("Name") === "ExcelApi");
  if (!excelApi || !atLeast(excelApi.getAttribute("MinVersion") ?? "", EXCEL_API_NEEDED))
    problems.push(
      `Requirements must include the ExcelApi set at ${EXCEL_API_NEEDED} or later: src/office calls APIs of that set; an older Excel would install the add-in and fail mid-push.`,
    );
  const runtimes = elements(NS.overrides, "Runtime");
  const runtimeId = runtimes[0]?.getAttribute("resid");
  if (runtimes.length !== 1 || runtimes[0]?.getAttribute("lifetime") !== "long")
    problems.push("There must be one Runtime, lifetime long (the shared runtime).");
  const sourceResid = (parent: XmlElement | undefined) =>
    parent?.getElementsByTagNameNS(NS.overrides, "SourceLocation")[0]?.getAttribute("resid");
  const functionsPoint = elements(NS.overrides, "ExtensionPoint").find(
    (p) => p.getAttributeNS(NS.xsi, "type") === "CustomFunctions",
  );
  const users = [
    {
      what: "the functions' Page",
      resid: sourceResid(functionsPoint?.getElementsByTagNameNS(NS.overrides, "Page")[0]),
    },
    {
      what: "FunctionFile (the commands)",
      resid: elements(NS.overrides, "FunctionFile")[0]?.getAttribute("resid"),
    },
    ...elements(NS.overrides, "Action")
      .filter((action) => action.getAttributeNS(NS.xsi, "type") === "ShowTaskpane")
      .map((action) => ({ what: "the ShowTaskpane action", resid: sourceResid(action) })),
  ];
  for (const user of users)
    if (!runtimeId || user.resid !== runtimeId)
      problems.push(`${user.what} uses "${user.resid}", not the shared runtime "${runtimeId}".`);
  const pane = elements(NS.app, "DefaultSettings")[0]?.getElementsByTagNameNS(NS.app, "SourceLocation")[0];
  if (pane?.getAttribute("DefaultValue") !== resourceValue(runtimeId))
    problems.push("DefaultSettings' SourceLocation must be the shared runtime's page.");

  // The functions namespace and functions.json.
  const namespace = resourceValue(
    functionsPoint?.getElementsByTagNameNS(NS.overrides, "Namespace")[0]?.getAttribute("resid"),
  );
  if (!namespace || !/^[A-Za-z][A-Za-z0-9.]*$/.test(namespace))
    problems.push(`The functions namespace "${namespace}" must be letters, digits and periods.`);
  if (expected.functionsMetadata !== undefined && namespace) {
    const metadata = JSON.parse(expected.functionsMetadata) as { functions?: { id: string; name: string }[] };
    const functions = metadata.functions ?? [];
    if (functions.length === 0) problems.push("functions.json has no functions.");
    const ids = functions.map((f) => f.id.toUpperCase());
    if (new Set(ids).size !== ids.length) problems.push("functions.json has a function id twice.");
    for (const f of functions)
      if (f.name.toUpperCase().startsWith(`${namespace.toUpperCase()}.`))
        problems.push(`functions.json names ${f.name}: Excel would show ${namespace}.${f.name}.`);
  }
  return problems;
}

/**
 * The newest ExcelApi set src/office calls: Range.getMergedAreasOrNullObject (1.13, refusing merged
 * cells before a push); also Worksheet.getRanges (1.9, selecting every failed row), Range.rowHidden
 * (1.2) and suspendApiCalculationUntilNextSync (1.6). Raise it with the code that needs more.
 */
const EXCEL_API_NEEDED = "1.13";

function atLeast(version: string, needed: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [needMajor, needMinor] = needed.split(".").map(Number);
  if (!Number.isInteger(major) || !Number.isInteger(minor)) return false;
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

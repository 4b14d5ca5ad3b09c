/* Reads what Excel reads before the add-in's pages load: the functions' namespace from the manifest
   and their metadata from functions.json, both as the dev server serves them. */
import type { CustomFunctionsMetadataFile } from "../formula/customFunctions";

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`The workbench could not load ${path}: HTTP ${response.status}.`);
  return response.text();
}

export async function loadFunctionsNamespace(): Promise<string> {
  const manifest = new DOMParser().parseFromString(await fetchText("manifest.xml"), "application/xml");
  const resid = manifest.getElementsByTagName("Namespace")[0]?.getAttribute("resid");
  const strings = Array.from(manifest.getElementsByTagName("bt:String"));
  const namespace = strings.find((s) => s.getAttribute("id") === resid)?.getAttribute("DefaultValue");
  if (!namespace) throw new Error("manifest.xml declares no custom functions namespace.");
  return namespace;
}

export async function loadFunctionsMetadata(): Promise<CustomFunctionsMetadataFile> {
  return JSON.parse(await fetchText("functions.json")) as CustomFunctionsMetadataFile;
}

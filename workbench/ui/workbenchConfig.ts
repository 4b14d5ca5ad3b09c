/* What the server tells the page: the sandbox it started (npm start), if any. */
export interface WorkbenchConfig {
  sandboxUrl: string | null;
}

export async function loadWorkbenchConfig(): Promise<WorkbenchConfig> {
  const response = await fetch("workbench-config.json");
  if (!response.ok) return { sandboxUrl: null };
  const config = (await response.json()) as Partial<WorkbenchConfig>;
  return { sandboxUrl: typeof config.sandboxUrl === "string" ? config.sandboxUrl : null };
}

export interface WorkbenchServer {
  /** http://host:port, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

export function startWorkbenchServer(options: {
  /** 0: any free port. */
  port: number;
  host?: string;
  sandboxUrl?: string;
  liveReload?: boolean;
  /** Rebuild when files change (default true). */
  watch?: boolean;
  /** Print build errors only, not warnings. */
  quiet?: boolean;
}): Promise<WorkbenchServer>;

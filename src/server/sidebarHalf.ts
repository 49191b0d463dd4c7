// Loads the sidebar half of the server (dist/sidebarServer.html) into an execution that needs it, once.
//
// Apps Script evaluates every script file of the project at the start of every execution, custom-function calls
// included; HTML files are read only when asked for. So the sidebar's server code (summary builder, RPC with its
// zod schemas, column mapping, data checks) is shipped as an HTML file holding one <script>, and evaluated from
// there on its first use: it is the project's own file, pushed with the rest by clasp, never data or a download.

/** The project file holding the sidebar half, and the global its code declares. */
export const SIDEBAR_SERVER = { file: 'sidebarServer', globalName: 'CrmMetricsSidebar' } as const;

export type SidebarServer = typeof import('./sidebarServer');

/** From the first <script> to the last </script> (the build refuses code holding "</script"). */
const SCRIPT = /<script>([\s\S]*)<\/script>/;

/** Evaluates the sidebar half from its file's text: `<script>var CrmMetricsSidebar=…</script>`. */
export function evaluateSidebarServer(html: string): SidebarServer {
  const code = SCRIPT.exec(html)?.[1];
  if (code === undefined) throw new Error(`CRM Metrics: the project file ${SIDEBAR_SERVER.file}.html is damaged; push the add-on again.`);
  // The script declares its global with `var`; inside this function it stays local and is returned.
  return new Function(`${code}\nreturn ${SIDEBAR_SERVER.globalName};`)() as SidebarServer;
}

let loaded: SidebarServer | undefined;

/** The sidebar half, evaluated on first use in this execution. */
export function sidebarServer(): SidebarServer {
  loaded ??= evaluateSidebarServer(HtmlService.createHtmlOutputFromFile(SIDEBAR_SERVER.file).getContent());
  return loaded;
}

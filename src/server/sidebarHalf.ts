// Loads the sidebar half of the server (dist/sidebarServer.html) into an execution that needs it, once.
//
// Apps Script evaluates every script file of the project at the start of every execution, custom-function calls
// included; HTML files are read only when asked for. So the sidebar's server code (summary builder, RPC with its
// zod schemas, column mapping, data checks) is shipped as an HTML file holding one <script>, and evaluated from
// there on its first use: it is the project's own file, pushed with the rest by clasp, never data or a download.
//
// HtmlService strips comment-like text ("//" to the end of the line, "/*" to "*/") even inside strings, and
// getContent() returns the stripped text. The build refuses a half holding any (scripts/htmlSafety.ts) and records
// the half's length and hash into dist/lib.js; the loader compares the text it got with them before evaluating it.

/** The project file holding the sidebar half, and the global its code declares. */
export const SIDEBAR_SERVER = { file: 'sidebarServer', globalName: 'CrmMetricsSidebar' } as const;

export type SidebarServer = typeof import('./sidebarServer');

/** The length (UTF-16 code units) and FNV-1a hash of the half's script, as the build wrote it. */
export interface HalfDigest {
  length: number;
  hash: string;
}

/** Set by scripts/build.mjs (esbuild `define`) in dist/lib.js; absent when this module runs unbundled (unit tests). */
declare const __SIDEBAR_HALF__: HalfDigest | undefined;
export const RECORDED_HALF: HalfDigest | undefined = typeof __SIDEBAR_HALF__ === 'undefined' ? undefined : __SIDEBAR_HALF__;

/** 32-bit FNV-1a over the UTF-16 code units, as 8 hex digits: the same in Node (the build) and in Apps Script. */
export function digestOf(code: string): HalfDigest {
  // About 3 ms for the 290 KB half once optimised; the global Math is looked up once, not per character.
  const imul = Math.imul;
  let h = 0x811c9dc5;
  for (let i = 0, n = code.length; i < n; i++) h = imul(h ^ code.charCodeAt(i), 0x01000193);
  return { length: code.length, hash: (h >>> 0).toString(16).padStart(8, '0') };
}

/** From the first <script> to the last </script> (the build refuses code holding "</script"). */
const SCRIPT = /<script>([\s\S]*)<\/script>/;

/** The script inside the half's file text, without surrounding blanks or carriage returns; throws when the file has none. */
export function halfScript(html: string): string {
  const code = SCRIPT.exec(html)?.[1];
  if (code === undefined) throw new Error(`CRM Metrics: the project file ${SIDEBAR_SERVER.file}.html is damaged; push the add-on again.`);
  return code.replace(/\r/g, '').trim();
}

/** Throws a message saying what happened and what to do when `code` is not what the build recorded. */
export function checkHalf(code: string, recorded: HalfDigest): HalfDigest {
  const got = digestOf(code);
  if (got.length === recorded.length && got.hash === recorded.hash) return got;
  const what = got.length !== recorded.length ? `${got.length} characters instead of ${recorded.length}` : `hash ${got.hash} instead of ${recorded.hash}`;
  throw new Error(`CRM Metrics: the sidebar code was changed on its way through HtmlService (${what}): redeploy with npm run deploy; if it persists, report it.`);
}

/** Evaluates the sidebar half from its file's text (`<script>var CrmMetricsSidebar=…</script>`), checked against `recorded` when given. */
export function evaluateSidebarServer(html: string, recorded: HalfDigest | undefined = RECORDED_HALF): SidebarServer {
  const code = halfScript(html);
  if (recorded) checkHalf(code, recorded);
  // The script declares its global with `var`; inside this function it stays local and is returned.
  return new Function(`${code}\nreturn ${SIDEBAR_SERVER.globalName};`)() as SidebarServer;
}

/** The half's file text as HtmlService returns it. */
export function readSidebarHalf(): string {
  return HtmlService.createHtmlOutputFromFile(SIDEBAR_SERVER.file).getContent();
}

let loaded: SidebarServer | undefined;

/** The sidebar half, evaluated on first use in this execution. */
export function sidebarServer(): SidebarServer {
  loaded ??= evaluateSidebarServer(readSidebarHalf());
  return loaded;
}

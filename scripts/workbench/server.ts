// The workbench's local web server: the page, the real dist/sidebar.html with google.script.run shimmed, and the RPC.
//
// The add-on's server code runs here, in Node, on an InMemoryWorkbook, and the sidebar reaches it over fetch. That
// keeps the browser's side exactly what Apps Script serves (the built HTML, calling google.script.run) and the
// server's side exactly the handlers Apps Script runs; the JSON hop also enforces google.script.run's plain-JSON rule.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LANGUAGES, type Language } from '../../src/core/languages';
import { FUNCTIONS } from '../../src/functions/catalogue';
import { RPC_METHODS, type RpcMethod } from '../../src/server/rpc/contract';
import type { CellValue } from '../../src/server/sheets/workbook';
import { languageOfLocale } from '../../src/core/languages';
import type { WorkbenchDocument } from './document';

export interface WorkbenchOptions {
  port: number;
  document: WorkbenchDocument;
  /** Where the document is saved (shown in the page), or undefined when it lives in memory only. */
  savedIn?: string;
  /** Sample warehouse files (CSV, Parquet) the page lists for DuckDB. */
  warehouseFiles?: string[];
  /** The page's bundled script and style, and the built sidebar HTML. */
  pageScript: string;
  pageStyle: string;
  sidebarHtml: () => string;
}

/** google.script.run for the sidebar frame: each call POSTs its one argument to /rpc/<name> and tells the page. */
export const SHIM = `(function(){
function runner(ok, fail){
  var r = {
    withSuccessHandler: function(f){ return runner(f, fail); },
    withFailureHandler: function(f){ return runner(ok, f); },
    withUserObject: function(){ return r; }
  };
  METHODS.forEach(function(name){
    r[name] = function(arg){
      var body;
      try { body = JSON.stringify(arg === undefined ? null : arg); } catch (e) { if (fail) fail(e); return; }
      fetch('/rpc/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body })
        .then(function(res){ return res.json().then(function(json){ if (!res.ok) throw new Error(json && json.error || res.statusText); return json; }); })
        .then(function(json){ try { parent.postMessage({ type: 'workbench:rpc', method: name }, '*'); } catch (e) {} if (ok) ok(json); },
              function(err){ if (fail) fail(err instanceof Error ? err : new Error(String(err))); });
    };
  });
  return r;
}
window.google = { script: { run: runner(null, null), host: { close: function(){}, setHeight: function(){}, setWidth: function(){} } } };
})();`;

const PAGE = (script: string, style: string): string => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>CRM Metrics workbench</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${style.replace(/<\/style/gi, '<\\/style')}</style></head>
<body><div id="workbench"></div><script>${script.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;

/** The built sidebar with the shim placed before its own script (the file on disk stays as built). */
export function shimmedSidebar(html: string): string {
  const shim = `<script>${SHIM.replace('METHODS', JSON.stringify(RPC_METHODS))}</script>`;
  const at = html.indexOf('<script>');
  return at < 0 ? html + shim : html.slice(0, at) + shim + html.slice(at);
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // The page and the sidebar load nothing from anywhere else: the browser enforces it.
    'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'",
  });
  res.end(body);
}

const json = (res: http.ServerResponse, value: unknown, status = 200): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/** The workbook's list for the page: tabs, the active one, the selection, its language, where it is saved. */
function workbookJson(document: WorkbenchDocument, savedIn: string | undefined, warehouseFiles: string[] = []): unknown {
  const { model, workbook: wb } = document;
  return {
    version: model.version,
    locale: wb.locale,
    language: languageOfLocale(wb.locale),
    languages: LANGUAGES,
    savedIn: savedIn ?? null,
    activeSheetId: wb.activeSheetId,
    selection: wb.selection ?? null,
    sheets: wb.sheets.filter((s) => !s.hidden).map((s) => ({ id: s.id, name: s.name, generated: Object.keys(s.tags).length > 0 })),
    calls: wb.totalCalls(),
    warehouseFiles,
  };
}

/** The function table as the formula bar's help shows it (what Sheets' autocomplete shows from the stubs' JSDoc). */
const functionsJson = FUNCTIONS.map((f) => ({
  name: f.name,
  summary: f.summary,
  params: f.params.map((p) => ({ name: p.name, optional: p.optional || !!p.rest, repeats: !!p.rest, description: p.description })),
}));

/** Starts the server on 127.0.0.1; resolves with its address once it listens. */
export async function startWorkbench(options: WorkbenchOptions): Promise<{ url: string; server: http.Server }> {
  const { document } = options;
  const page = PAGE(options.pageScript, options.pageStyle);
  const book = (res: http.ServerResponse): void => json(res, workbookJson(document, options.savedIn, options.warehouseFiles));

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', page);
      if (req.method === 'GET' && url.pathname === '/sidebar.html') return send(res, 200, 'text/html; charset=utf-8', shimmedSidebar(options.sidebarHtml()));
      if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (req.method === 'GET' && url.pathname === '/api/workbook') return book(res);
      if (req.method === 'GET' && url.pathname === '/api/functions') return json(res, functionsJson);
      const sheetMatch = /^\/api\/sheet\/(\d+)$/.exec(url.pathname);
      if (req.method === 'GET' && sheetMatch) {
        const view = document.model.view(Number(sheetMatch[1]));
        return view ? json(res, view) : json(res, { error: 'no such sheet' }, 404);
      }
      if (req.method === 'POST' && url.pathname === '/api/cell') {
        const body = (await readBody(req)) as { sheetId: number; row: number; column: number; input: string };
        const value = document.edit((model) => {
          model.setCell(body.sheetId, body.row, body.column, String(body.input ?? ''));
          return model.cellValue(body.sheetId, body.row, body.column) ?? '';
        });
        return json(res, { value, version: document.model.version });
      }
      if (req.method === 'POST' && url.pathname === '/api/activate') {
        const body = (await readBody(req)) as { sheetId: number };
        if (document.workbook.sheetById(body.sheetId)) document.edit((model) => { model.workbook.activeSheetId = body.sheetId; });
        return book(res);
      }
      if (req.method === 'POST' && url.pathname === '/api/language') {
        const body = (await readBody(req)) as { language: Language };
        if (!LANGUAGES.includes(body?.language)) return json(res, { error: `no language ${String(body?.language)}; one of ${LANGUAGES.join(', ')}` }, 400);
        document.setLanguage(body.language);
        return book(res);
      }
      if (req.method === 'POST' && url.pathname === '/api/reset') {
        document.reset();
        return book(res);
      }
      if (req.method === 'POST' && url.pathname === '/api/sheets') {
        const body = (await readBody(req)) as { name: string; values: CellValue[][] };
        const values = body.values.map((row) => row.map((v) => (typeof v === 'object' && v && 'd' in (v as object) ? new Date((v as unknown as { d: string }).d) : v)));
        return json(res, { id: document.edit((model) => model.addSheet(body.name, values)) });
      }
      const rpcMatch = /^\/rpc\/(\w+)$/.exec(url.pathname);
      if (req.method === 'POST' && rpcMatch) {
        const method = rpcMatch[1] as RpcMethod;
        if (!RPC_METHODS.includes(method)) return json(res, { error: `no server function ${method}` }, 404);
        return json(res, document.rpc(method, await readBody(req)));
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    } catch (e) {
      return json(res, { error: e instanceof Error ? e.message : String(e) }, 500);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}

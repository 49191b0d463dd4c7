// Refuses an HTML project file holding comment-like text ("//" or "/*"), which HtmlService strips even inside
// strings, templates and regular expressions; says where each one is (token kind, source module, offset, snippet).

import { tokenizer, type Token } from 'acorn';

const COMMENT_LIKE = /\/[/*]/g;

/** JavaScript inlined in an HTML file, with the esbuild source map (JSON text) of its bundle when there is one. */
export interface InlineScript {
  code: string;
  map?: string;
}

/** One comment-like sequence: where it is, inside what, from which source module, with the text around it. */
export interface CommentLike {
  sequence: string;
  offset: number;
  kind: string;
  source?: string;
  snippet: string;
}

type Segment = [column: number, source: number, line: number];
interface SourceMap {
  sources: string[];
  lines: Segment[][];
}
interface Span {
  start: number;
  end: number;
}

/** Decodes a source map's base64 VLQ "mappings" into, per generated line, [column, sourceIndex, originalLine] segments. */
function decodeMappings(mappings: string): Segment[][] {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines: Segment[][] = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = digits.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        originalLine += values[2];
        originalColumn += values[3];
        segments.push([column, source, originalLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** "src/server/x.ts:12" for an offset in the generated script, or undefined without a usable map. */
function sourceAt(script: string, offset: number, map: SourceMap | undefined): string | undefined {
  if (!map) return undefined;
  const before = script.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  let best: Segment | undefined;
  for (const segment of map.lines[line] ?? []) if (segment[0] <= column) best = segment;
  // Sources are relative to the bundle's outfile (dist/…): shown relative to the repository.
  return best ? `${map.sources[best[1]].replace(/^(\.\.\/)+/, '')}:${best[2] + 1}` : undefined;
}

/** What the token holding `offset` is: a string, a template, a regular expression, a comment, or other code. */
function kindAt(tokens: Token[], comments: Span[], offset: number): string {
  if (comments.some((c) => c.start <= offset && offset < c.end)) return 'a comment';
  const token = tokens.find((t) => t.start <= offset && offset < t.end);
  if (!token) return 'code';
  const label = token.type.label;
  if (label === 'string') return 'a string';
  if (label === 'template' || label === '`' || label === '${') return 'a template literal';
  if (label === 'regexp') return 'a regular expression';
  return `code (${label})`;
}

/**
 * Every comment-like sequence in `html`. `scripts` lists the JavaScript inlined in it ({ code, map? } with an
 * esbuild source map's JSON text), so that a finding inside one is located by token and source module.
 */
export function commentLikeSequences(html: string, scripts: InlineScript[] = []): CommentLike[] {
  const found: CommentLike[] = [];
  const located = scripts.map((s) => {
    const start = html.indexOf(s.code);
    if (start < 0) return undefined;
    const tokens: Token[] = [];
    const comments: Span[] = [];
    try {
      for (const t of tokenizer(s.code, { ecmaVersion: 2019, onComment: (_block: boolean, _text: string, a: number, b: number) => comments.push({ start: a, end: b }) })) tokens.push(t);
    } catch {
      // A script acorn cannot tokenize is still searched as text below.
    }
    const raw = s.map ? JSON.parse(s.map) : undefined;
    const map: SourceMap | undefined = raw ? { sources: raw.sources, lines: decodeMappings(raw.mappings) } : undefined;
    return { start, end: start + s.code.length, code: s.code, tokens, comments, map };
  }).filter((s) => s !== undefined);
  for (const m of html.matchAll(COMMENT_LIKE)) {
    const offset = m.index ?? 0;
    const script = located.find((s) => s.start <= offset && offset < s.end);
    found.push({
      sequence: m[0],
      offset,
      kind: script ? kindAt(script.tokens, script.comments, offset - script.start) : 'the page outside its script',
      source: script ? sourceAt(script.code, offset - script.start, script.map) : undefined,
      snippet: html.slice(Math.max(0, offset - 40), offset + 40).replace(/\s+/g, ' '),
    });
  }
  return found;
}

/** Throws, listing where each comment-like sequence of `file` is and how to avoid it, when there is any. */
export function assertNoCommentLike(file: string, html: string, scripts: InlineScript[] = []): void {
  const found = commentLikeSequences(html, scripts);
  if (!found.length) return;
  const lines = found.slice(0, 20).map((f) => `  "${f.sequence}" in ${f.kind}${f.source ? ` from ${f.source}` : ''} at offset ${f.offset}: …${f.snippet}…`);
  throw new Error([
    `${file} holds ${found.length} comment-like sequence(s). HtmlService strips "//" to the end of the line and "/*" to "*/" even inside`,
    'strings, templates and regular expressions, so the code would arrive damaged. Rewrite the source so the emitted code has none:',
    'make such text at run time with String.fromCharCode(47, 47) (the minifier folds "/" + "/" back into "//"); in a regular',
    'expression, write a slash next to another as "\\/{2}" or "[/]".',
    ...lines,
    found.length > 20 ? `  … and ${found.length - 20} more` : '',
  ].filter(Boolean).join('\n'));
}

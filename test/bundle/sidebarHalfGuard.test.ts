import { buildSync } from 'esbuild';
import { assertNoCommentLike, commentLikeSequences } from '../../scripts/htmlSafety';
import { checkHalf, digestOf, evaluateSidebarServer, halfScript } from '../../src/server/sidebarHalf';
import { distFiles, distHtml, loadBundle, stripLikeHtmlService } from './loadBundle';

const SLASH = '/';
const twoSlashes = SLASH + SLASH;
const slashStar = SLASH + '*';

/** Bundles `source` as if it were src/fake/module.ts, minified like the server halves, with its source map. */
function bundleOf(source: string): { code: string; map: string } {
  const out = buildSync({
    stdin: { contents: source, sourcefile: 'src/fake/module.ts', loader: 'ts' }, bundle: true, write: false, format: 'iife', target: 'es2019',
    minify: true, legalComments: 'none', outfile: 'fake.js', sourcemap: 'external', logLevel: 'silent',
  }).outputFiles;
  return { code: out.find((f) => f.path.endsWith('.js'))!.text, map: out.find((f) => f.path.endsWith('.map'))!.text };
}

/** The build's check on one bundled module inlined in an HTML file. */
const findingsIn = (source: string) => {
  const { code, map } = bundleOf(source);
  return commentLikeSequences(`<script>\n${code}</script>\n`, [{ code, map }]);
};

/** The digest the build records into lib.js for the real half. */
const recorded = () => digestOf(halfScript(distHtml('sidebarServer')));

describe("the tests' stand-in HtmlService", () => {
  it('strips comment-like text the way HtmlService does, inside strings, templates and regular expressions too', () => {
    expect(stripLikeHtmlService(`var a="https:${twoSlashes}x.org";\nvar b=1;`)).toBe('var a="https:\nvar b=1;');
    expect(stripLikeHtmlService(`var t=\`a${slashStar} b *${SLASH}c\`;`)).toBe('var t=`ac`;');
    expect(stripLikeHtmlService(`var r=/\\${SLASH}\\${SLASH}/;`)).toBe('var r=/\\/\\');
    expect(stripLikeHtmlService(`a${slashStar} never closed\nb`)).toBe('a');
    expect(stripLikeHtmlService('var a = 1 / 2; var b = "a/b";')).toBe('var a = 1 / 2; var b = "a/b";');
  });
});

describe('the build refuses comment-like text in an HTML project file', () => {
  it('finds "//" in a string, says so and names the source module it came from', () => {
    const found = findingsIn(`export const site = "https:${twoSlashes}example.com";`);
    expect(found).toEqual([expect.objectContaining({ sequence: twoSlashes, kind: 'a string', source: 'src/fake/module.ts:1' })]);
    expect(found[0].snippet).toContain(`https:${twoSlashes}example.com`);
  });

  it('finds "/*" in a template literal and "//" in a regular expression, with the line they come from', () => {
    const found = findingsIn(`export const x = 1;\nexport const t = (n: number) => \`a ${slashStar} \${n}\`;\nexport const r = /\\${SLASH}\\${SLASH}/;\n`);
    expect(found.map((f) => [f.sequence, f.kind, f.source])).toEqual([
      [slashStar, 'a template literal', 'src/fake/module.ts:2'],
      [twoSlashes, 'a regular expression', 'src/fake/module.ts:3'],
    ]);
  });

  it('finds comment-like text outside the script, with its offset and a snippet', () => {
    const html = `<link href="https:${twoSlashes}cdn.example/x.css"><script>var a=1;</script>`;
    expect(commentLikeSequences(html, [{ code: 'var a=1;' }])).toEqual([
      expect.objectContaining({ sequence: twoSlashes, kind: 'the page outside its script', offset: 18, source: undefined }),
    ]);
  });

  it('fails with where each one is and how to rewrite it', () => {
    const { code, map } = bundleOf(`export const site = "https:${twoSlashes}example.com";`);
    expect(() => assertNoCommentLike('dist/sidebarServer.html', `<script>\n${code}</script>`, [{ code, map }]))
      .toThrow(/dist\/sidebarServer\.html holds 1 comment-like sequence[\s\S]*String\.fromCharCode\(47, 47\)[\s\S]*in a string from src\/fake\/module\.ts:1 at offset \d+/);
    expect(() => assertNoCommentLike('x.html', '<script>var a = 1 / 2;</script>')).not.toThrow();
  });

  it.each(['sidebarServer', 'sidebar'])('keeps dist/%s.html free of any', (name) => {
    expect(commentLikeSequences(distHtml(name))).toEqual([]);
    expect(stripLikeHtmlService(distHtml(name))).toBe(distHtml(name));
  });
});

describe('the loader of the sidebar half', () => {
  it('records the real half\'s length and hash in lib.js', () => {
    const { length, hash } = recorded();
    expect(distFiles().find((f) => f.name === 'lib.js')!.code).toContain(`{length:${length},hash:"${hash}"}`);
  });

  it('loads the real built half byte-identical through the stripping HtmlService', () => {
    const log: string[] = [];
    const context = loadBundle('UTC', log);
    expect((context.getLocale as (r: unknown) => unknown)({})).toEqual({ ok: true, data: { language: 'cs', locale: 'cs', timeZone: 'UTC', warehouse: 'bigquery' } });
    expect(log).toContain('html:sidebarServer');
  });

  it('refuses a half that HtmlService changed: a comment-like sequence in it fails to load with what to do', () => {
    const real = distHtml('sidebarServer');
    const damaged = real.replace('<script>\n', `<script>\nvar crmMetricsSite="https:${twoSlashes}example.com";\n`);
    const built = digestOf(halfScript(damaged));
    const got = digestOf(halfScript(stripLikeHtmlService(damaged)));
    const { length, hash } = recorded();
    // As if the build had shipped this half: its digest is the one recorded in lib.js.
    const context = loadBundle('UTC', [], { html: { sidebarServer: damaged }, replace: [[`{length:${length},hash:"${hash}"}`, `{length:${built.length},hash:"${built.hash}"}`]] });
    expect(() => (context.getLocale as (r: unknown) => unknown)({})).toThrow(
      `CRM Metrics: the sidebar code was changed on its way through HtmlService (${got.length} characters instead of ${built.length}): redeploy with npm run deploy; if it persists, report it.`,
    );
    expect(got.length).toBe(built.length - `${twoSlashes}example.com";`.length);
  });

  it('says which hash it got when the length is the same but the text is not', () => {
    const html = '<script>var CrmMetricsSidebar={a:1};</script>';
    const record = digestOf(halfScript(html));
    expect(evaluateSidebarServer(html, record)).toEqual({ a: 1 });
    const other = digestOf('var CrmMetricsSidebar={a:2};');
    expect(() => evaluateSidebarServer('<script>var CrmMetricsSidebar={a:2};</script>', record))
      .toThrow(`(hash ${other.hash} instead of ${record.hash}): redeploy with npm run deploy`);
    expect(() => checkHalf('x', { length: 2, hash: '00000000' })).toThrow('(1 characters instead of 2)');
  });

  it('hashes with 32-bit FNV-1a', () => {
    expect(digestOf('')).toEqual({ length: 0, hash: '811c9dc5' });
    expect(digestOf('a')).toEqual({ length: 1, hash: 'e40c292c' });
    expect(digestOf('foobar')).toEqual({ length: 6, hash: 'bf9cf968' });
  });
});

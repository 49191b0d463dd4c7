// The message module: every message is one that some code can raise, and each names its function first.

import fs from 'node:fs';
import path from 'node:path';
import { messages, predictiveMessages, type Said } from '../../src/core/errors';

const root = path.join(__dirname, '../../src');
const sources = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && f !== path.join('core', 'errors.ts'))
  .map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');

describe('src/core/errors.ts', () => {
  it.each([...Object.keys(messages), ...Object.keys(predictiveMessages)])('raises %s somewhere in src', (key) => {
    expect(sources).toMatch(new RegExp(`\\.${key}\\(`));
  });

  it.each(Object.entries(predictiveMessages))('starts %s with the function name', (_, message) => {
    const args = Array.from({ length: 6 }, (_, k) => (k === 0 ? 'CLV_PREDICT' : k % 2 ? 2 : 'x'));
    expect((message as (...a: unknown[]) => Said)(...args).message).toMatch(/^CLV_PREDICT: \S/);
  });
});

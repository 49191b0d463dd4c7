// The workbench's state file on disk: read on start, replaced atomically (a temp file renamed over it) on every save,
// and set aside, never deleted, when it cannot be read.

import fs from 'node:fs';
import path from 'node:path';

export class StateFile {
  constructor(readonly path: string) {}

  /** The file's text, or undefined when there is none yet. */
  read(): string | undefined {
    try {
      return fs.readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Writes a temp file beside it and renames it over the file: a reader (or a crash) never sees half a file. */
  write(text: string): void {
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, this.path);
  }

  /** Renames an unreadable file to `<name>.broken-<time>.json` beside it, so nothing is lost; returns the new path. */
  setAside(now = new Date()): string {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const aside = path.join(path.dirname(this.path), `${path.basename(this.path, '.json')}.broken-${stamp}.json`);
    fs.renameSync(this.path, aside);
    return aside;
  }
}

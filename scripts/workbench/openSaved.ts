// Opens the workbench's workbook: the state file's when there is one, else the sample. A file that cannot be read is
// set aside (renamed, never overwritten) and the sample is used, with a note that says where the file went.

import { parseState, type SavedWorkbench } from './state';
import { StateFile } from './stateFile';

export interface Opened {
  saved: SavedWorkbench;
  /** Where every change is saved; absent when the workbook lives in memory only. */
  store?: StateFile;
  /** One line for the terminal: where the workbook came from and where it goes. */
  note: string;
}

export function openSaved(statePath: string | undefined, sample: () => SavedWorkbench): Opened {
  if (!statePath) return { saved: sample(), note: 'a fresh sample workbook, in memory only (nothing is saved)' };
  const store = new StateFile(statePath);
  const text = store.read();
  if (text === undefined) return { saved: sample(), store, note: `the sample workbook, saved in ${statePath} after every change` };
  try {
    return { saved: parseState(text), store, note: `the workbook saved in ${statePath} (saved after every change; --fresh or Reset in the page for the sample)` };
  } catch (e) {
    const aside = store.setAside();
    const why = e instanceof Error ? e.message : String(e);
    return { saved: sample(), store, note: `${statePath} could not be read (${why}): it was moved to ${aside}, and the sample workbook is used` };
  }
}

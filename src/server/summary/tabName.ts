// The name a summary tab gets, and what to say when its title was taken: by a user's sheet (left alone) or by
// another saved report's tab (the add-on's own, never called a user's).

import { warning } from '../messages';
import type { Message } from '../rpc/contract';
import type { Workbook } from '../sheets/workbook';
import { freeSheetName, SUMMARY_TAG } from './swap';

/** The first free name for `title` (the report's own tab `except` does not count), and a note when it is not the title. */
export function tabName(wb: Workbook, title: string, except?: number): { name: string; note?: Message } {
  const name = freeSheetName(wb, title, except);
  const wanted = title.slice(0, 90);
  if (name === wanted) return { name };
  const holder = wb.findSheet({ name: wanted });
  const key = holder && (holder.tags[SUMMARY_TAG] !== undefined) ? 'reportSheetNameTaken' : 'userSheetNameTaken';
  return { name, note: warning(key, { name: wanted, used: name }) };
}

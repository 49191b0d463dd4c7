// The simulated developer metadata: DeveloperMetadata, its location, and DeveloperMetadataFinder.

import { counted, MODEL, modelOf } from './calls';
import { live, type DocumentModel, type MetadataModel, type SheetModel } from './model';
// A cycle (sheet.ts lists a sheet's metadata), used only inside calls, after both modules have loaded.
import { sheetApi, type SimContext } from './sheet';

type MetadataContext = SimContext;

export const LOCATION_TYPES = { SPREADSHEET: 'SPREADSHEET', SHEET: 'SHEET', ROW: 'ROW', COLUMN: 'COLUMN' } as const;

function alive(doc: DocumentModel, m: MetadataModel): MetadataModel {
  if (!doc.metadata.includes(m)) throw new Error('Exception: The developer metadata has been removed.');
  return m;
}

export function metadataApi(ctx: MetadataContext, m: MetadataModel): unknown {
  const { doc, log } = ctx;
  const sheetOf = (s: SheetModel | null): unknown => (s ? sheetApi(ctx, s) : null);
  const api = {
    [MODEL]: m,
    getId: () => alive(doc, m).id,
    getKey: () => alive(doc, m).key,
    getValue: () => alive(doc, m).value,
    setKey: (key: string) => ((alive(doc, m).key = key), api),
    setValue: (value: string) => ((alive(doc, m).value = value), api),
    getVisibility: () => 'DOCUMENT',
    getLocation: () => {
      const at = alive(doc, m).sheet;
      return counted(log, 'DeveloperMetadataLocation', {
        getLocationType: () => (at ? LOCATION_TYPES.SHEET : LOCATION_TYPES.SPREADSHEET),
        getSheet: () => sheetOf(at),
      });
    },
    moveToSheet: (sheet: unknown) => {
      alive(doc, m).sheet = live(modelOf<SheetModel>(sheet, 'sheet'));
      return api;
    },
    moveToSpreadsheet: () => ((alive(doc, m).sheet = null), api),
    remove: () => {
      alive(doc, m);
      doc.metadata = doc.metadata.filter((x) => x !== m);
    },
  };
  return counted(log, 'DeveloperMetadata', api);
}

/** createDeveloperMetadataFinder() of the spreadsheet (within = undefined) or of one sheet. */
export function finderApi(ctx: MetadataContext, within?: SheetModel): unknown {
  const filters: ((m: MetadataModel) => boolean)[] = [];
  const api = {
    withKey: (key: string) => (filters.push((m) => m.key === key), api),
    withValue: (value: string) => (filters.push((m) => m.value === value), api),
    withId: (id: number) => (filters.push((m) => m.id === id), api),
    withLocationType: (type: string) => (filters.push((m) => (m.sheet ? LOCATION_TYPES.SHEET : LOCATION_TYPES.SPREADSHEET) === type), api),
    find: () => ctx.doc.metadata
      .filter((m) => (!within || m.sheet === within) && filters.every((f) => f(m)))
      .map((m) => metadataApi(ctx, m)),
  };
  return counted(ctx.log, 'DeveloperMetadataFinder', api);
}

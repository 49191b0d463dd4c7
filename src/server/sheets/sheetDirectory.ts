// The sheets of one Apps Script execution: each looked up once (by id, name or tag), its fields read when first used.

import type { ServiceCalls } from './serviceCalls';
import type { SheetSummary } from './workbook';

/** Developer metadata keys the add-on owns start with this. */
export const TAG_PREFIX = 'crmMetrics.';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export class SheetDirectory {
  /** Every sheet looked up in this execution, by id (null: no such sheet). */
  private readonly known = new Map<number, Sheet | null>();

  constructor(
    private readonly calls: ServiceCalls,
    private readonly ss: () => Spreadsheet,
    private readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  ) {}

  /** The sheet with this id (one getSheetById per execution), or an error when there is none. */
  sheet(id: number): Sheet {
    const s = this.lookUp(id);
    if (!s) throw new Error(`Sheet ${id} not found`);
    return s;
  }

  lookUp(id: number): Sheet | null {
    if (!this.known.has(id)) this.known.set(id, this.calls.retried(() => this.ss().getSheetById(id)));
    return this.known.get(id) ?? null;
  }

  /** Notes a sheet Apps Script handed us; returns its id. */
  remember(s: Sheet): number {
    const id = this.calls.retried(() => s.getSheetId());
    this.known.set(id, s);
    return id;
  }

  forget(id: number): void {
    this.known.set(id, null);
  }

  /** Every sheet: one call for the list and one per sheet for its id; tags from one search, when first read. */
  all(): SheetSummary[] {
    const sheets = this.calls.retried(() => this.ss().getSheets());
    let tags: Map<number, Record<string, string>> | undefined;
    return sheets.map((s) => {
      const id = this.remember(s);
      return this.summary(id, s, () => (tags ??= this.search()).get(id) ?? {});
    });
  }

  /** One sheet by id, or by name (Sheets compares names ignoring case). */
  find(by: { id: number } | { name: string }): SheetSummary | undefined {
    if ('id' in by) {
      const s = this.lookUp(by.id);
      return s ? this.summary(by.id, s) : undefined;
    }
    const s = this.calls.retried(() => this.ss().getSheetByName(by.name));
    return s ? this.summary(this.remember(s), s) : undefined;
  }

  /** The sheets carrying metadata `key` (= `value`), from one search: its cost grows with them, not with all sheets. */
  tagged(key: string, value?: string): SheetSummary[] {
    return [...this.search(key, value).keys()].map((id) => this.summary(id, this.sheet(id)));
  }

  /** A sheet's metadata entries with this key (and value, when given). */
  metadata(s: Sheet, key: string, value?: string): DeveloperMetadata[] {
    return this.calls.retried(() => s.getDeveloperMetadata()).filter((m) =>
      this.calls.retried(() => m.getKey()) === key && (value === undefined || this.calls.retried(() => m.getValue()) === value));
  }

  /** Sheet id → the add-on's tags found by one developer-metadata search (all of them, or those with key = value). */
  private search(key?: string, value?: string): Map<number, Record<string, string>> {
    const found = this.calls.retried(() => {
      let finder = this.ss().createDeveloperMetadataFinder().withLocationType(this.app.DeveloperMetadataLocationType.SHEET);
      if (key !== undefined) finder = finder.withKey(key);
      if (value !== undefined) finder = finder.withValue(value);
      return finder.find();
    });
    const out = new Map<number, Record<string, string>>();
    for (const m of found) {
      const k = key ?? this.calls.retried(() => m.getKey());
      if (!k.startsWith(TAG_PREFIX)) continue;
      const sheet = this.calls.retried(() => m.getLocation().getSheet());
      if (!sheet) continue;
      const id = this.remember(sheet);
      out.set(id, { ...out.get(id), [k]: value ?? this.calls.retried(() => m.getValue()) ?? '' });
    }
    return out;
  }

  /** A summary whose fields are read from Apps Script on first use (listing ids alone costs one call per sheet). */
  private summary(id: number, s: Sheet, tags?: () => Record<string, string>): SheetSummary {
    const r = this.calls;
    const lazy = <T>(read: () => T): PropertyDescriptor => {
      let got: { v: T } | undefined;
      return { enumerable: true, get: () => (got ??= { v: read() }).v };
    };
    return Object.defineProperties({ id } as SheetSummary, {
      name: lazy(() => r.retried(() => s.getName())),
      hidden: lazy(() => r.retried(() => s.isSheetHidden())),
      lastRow: lazy(() => r.retried(() => s.getLastRow())),
      lastColumn: lazy(() => r.retried(() => s.getLastColumn())),
      tags: lazy(() => (tags ? tags() : this.tagsOf(s))),
    });
  }

  /** The add-on's tags on one sheet. */
  private tagsOf(s: Sheet): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const m of this.calls.retried(() => s.getDeveloperMetadata())) {
      const key = this.calls.retried(() => m.getKey());
      if (key.startsWith(TAG_PREFIX)) tags[key] = this.calls.retried(() => m.getValue()) ?? '';
    }
    return tags;
  }
}

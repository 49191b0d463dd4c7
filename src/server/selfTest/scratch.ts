// What the self-test makes, and removes again: one hidden, tagged scratch sheet and one document property, both
// named after the run so that nothing of a user's is ever touched.

import { TAG_PREFIX, type AppsScriptWorkbook } from '../sheets/appsScript';
import { messageOf } from './report';

/** The developer-metadata key tagging the scratch sheet (value: the run's id). */
export const SELF_TEST_TAG = `${TAG_PREFIX}selfTest`;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class Scratch {
  readonly name: string;
  /** A key outside the saved reports' prefix: a concurrent Refresh all never sees it. */
  readonly propertyKey: string;
  private made: { id: number; sheet: Sheet } | undefined;
  private sheetAttempted = false;
  private propertyWritten = false;

  constructor(
    /** The active spreadsheet, fetched on first use. */
    private readonly ss: () => GoogleAppsScript.Spreadsheet.Spreadsheet,
    readonly wb: AppsScriptWorkbook,
    readonly runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`,
  ) {
    this.name = `CRM Metrics self-test ${runId}`;
    this.propertyKey = `${SELF_TEST_TAG}.${runId}`;
  }

  /** The scratch sheet, made on first use the way the add-on makes its tabs: hidden, tagged, at the end. */
  sheet(): { id: number; sheet: Sheet } {
    if (!this.made) {
      this.sheetAttempted = true;
      const id = this.wb.insertSheet(this.name, { hidden: true, tag: { key: SELF_TEST_TAG, value: this.runId } });
      const sheet = this.ss().getSheetById(id);
      if (!sheet) throw new Error(`the new sheet ${id} could not be found by its id`);
      this.made = { id, sheet };
    }
    return this.made;
  }

  /** Writes the scratch property (remembered, so that cleanUp removes it even if the write half failed). */
  setProperty(value: string): void {
    this.propertyWritten = true;
    this.wb.setProperty(this.propertyKey, value);
  }

  /** Removes the sheet and the property, checks they are gone, and says what was removed; throws listing what is left. */
  cleanUp(): string {
    const removed: string[] = [];
    const left: string[] = [];
    // Each removal on its own: a sheet that cannot be removed does not keep the property.
    const attempt = (what: string, remove: () => boolean): void => {
      try {
        if (remove()) removed.push(what);
      } catch (e) {
        left.push(`${what} is left (${messageOf(e)})`);
      }
    };
    if (this.sheetAttempted) {
      attempt(`the sheet "${this.name}"`, () => {
        // A sheet whose making failed half-way is found by its name, which holds this run's id: it can only be ours.
        const id = this.made?.id ?? this.ss().getSheetByName(this.name)?.getSheetId();
        if (id === undefined) return false;
        this.wb.deleteSheet(id);
        if (this.ss().getSheetById(id)) throw new Error('it is still there');
        return true;
      });
    }
    if (this.propertyWritten) {
      attempt(`the property ${this.propertyKey}`, () => {
        const props = PropertiesService.getDocumentProperties();
        props.deleteProperty(this.propertyKey);
        if (props.getProperty(this.propertyKey) !== null) throw new Error('it is still there');
        return true;
      });
    }
    if (left.length) throw new Error(left.join('; '));
    return removed.length ? `removed ${removed.join(' and ')}` : 'nothing to remove';
  }
}

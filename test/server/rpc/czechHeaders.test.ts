// Czech headers over the sample tables: detection finds the same roles, the same kind and ticks the same metrics.

import { sampleTables } from '../../../src/core/sample/generate';
import { rpcHandlers } from '../../../src/server/rpc/handlers';
import { InMemoryWorkbook } from '../../../src/server/sheets/inMemory';
import { NOW } from '../helpers';

/** The sample headers as a Czech CRM export would write them. */
const CZECH: Record<string, string> = {
  Date: 'Datum', Customer: 'Zákazník', Segment: 'Segment', 'NPS score': 'Hodnocení NPS', CSAT: 'Spokojenost', Effort: 'Úsilí',
  'Deal ID': 'ID obchodu', Created: 'Vytvořeno', Product: 'Produkt', Stage: 'Fáze', Outcome: 'Výsledek', Amount: 'Částka',
  Closed: 'Uzavřeno', Probability: 'Pravděpodobnost', Plan: 'Tarif', 'Start date': 'Začátek', 'End date': 'Konec', MRR: 'MRR',
  Renewal: 'Obnovení', 'Renewal date': 'Datum obnovy', 'Order ID': 'Objednávka', 'Ticket ID': 'Tiket', Opened: 'Otevřeno',
  'First response': 'První odpověď', Resolved: 'Vyřešeno', Contacts: 'Kontakty', Priority: 'Priorita', Month: 'Měsíc',
  'Lead ID': 'ID leadu', Source: 'Zdroj', 'Lead status': 'Stav leadu', Week: 'Týden', Channel: 'Kanál', Visitors: 'Návštěvníci',
  Leads: 'Leady', Engaged: 'Zapojení', Spend: 'Náklady', 'New customers': 'Noví zákazníci', 'Retention spend': 'Náklady na udržení',
  'Retained customers': 'Udržení zákazníci',
};

describe.each(sampleTables({ rows: 300, dates: 'date', seed: 3 }).map((t) => [t.name, t] as const))('the sample %s sheet with Czech headers', (_name, table) => {
  it('maps the same roles, sees the same kind and ticks the same metrics as with English headers', () => {
    const wb = new InMemoryWorkbook([]);
    const english = wb.addSheet('English', [table.headers, ...table.rows]);
    const czech = wb.addSheet('Czech', [table.headers.map((h) => CZECH[h] ?? h), ...table.rows]);
    const rpc = rpcHandlers(wb, { now: () => NOW });
    const detect = (id: number) => {
      const got = rpc.detectTable({ sheetId: id });
      if (!got.ok) throw new Error(got.error.message);
      return { mapping: got.data.mapping, kind: got.data.kind, ticked: got.data.metrics.filter((m) => m.available && m.ofKind).map((m) => m.name) };
    };
    expect(table.headers.every((h) => CZECH[h])).toBe(true);
    expect(detect(czech.id)).toEqual(detect(english.id));
  });
});

// BigQuery table names and billing project ids as BigQuery allows them, and which reports read "the same source".

import type { ReportSpec } from '../../../src/server/rpc/contract';
import { sameSource } from '../../../src/server/rpc/sameTitle';
import { bigQueryTableProblem, billingProjectProblem, cleanTableName } from '../../../src/server/rpc/warehouseNames';

describe('BigQuery names', () => {
  it.each([
    'my-project.crm.deals', 'my-project-123.crm_2025.Deals', '`my-project.crm.deals`', 'example.com:my-project.crm.deals',
    'my-project.crm.Obchody 2025', 'my-project.crm.сделки', 'my-project.crm.deals-eu',
  ])('accepts %s', (name) => expect(bigQueryTableProblem(name)).toBeUndefined());

  it.each([
    ['deals', 'shape'], ['crm.deals', 'shape'], ['My-Project.crm.deals', 'project'], ['proj.crm.deals', 'project'],
    ['my-project-.crm.deals', 'project'], ['my-project.crm-eu.deals', 'dataset'], ['my-project.crm.deals$', 'table'],
    ['my-project..deals', 'shape'],
  ])('refuses %s (%s)', (name, problem) => expect(bigQueryTableProblem(name)).toBe(problem));

  it('checks billing project ids and strips backquotes and spaces from a table name', () => {
    expect(billingProjectProblem('my-project-123')).toBeUndefined();
    expect(billingProjectProblem('example.com:billing-42')).toBeUndefined();
    expect(billingProjectProblem('1project')).toBe('billingProject');
    expect(billingProjectProblem('my_project')).toBe('billingProject');
    expect(cleanTableName('  `p-123456.d.t` ')).toBe('p-123456.d.t');
  });
});

describe('sameSource', () => {
  const sheet = (sheetId: number): ReportSpec => ({
    title: 'T', source: { sheetId, sheetName: 'S', range: 'A1:B9', hasHeader: true }, mapping: {}, metrics: ['NPS'], grain: 'month',
  });
  const warehouse = (table: string, engine: 'bigquery' | 'duckdb' = 'bigquery'): ReportSpec => ({
    ...sheet(-1), source: { sheetId: -1, sheetName: table, range: 'A1', hasHeader: true }, warehouse: { engine, table, columns: [] },
  });

  it('is the same sheet, or the same warehouse table on the same engine', () => {
    expect(sameSource(sheet(3), sheet(3))).toBe(true);
    expect(sameSource(sheet(3), sheet(4))).toBe(false);
    expect(sameSource(warehouse('p-123456.d.a'), warehouse('p-123456.d.a'))).toBe(true);
    expect(sameSource(warehouse('p-123456.d.a'), warehouse('p-123456.d.b'))).toBe(false);
    expect(sameSource(warehouse('x.csv', 'duckdb'), warehouse('x.csv'))).toBe(false);
    expect(sameSource(warehouse('p-123456.d.a'), sheet(-1))).toBe(false);
  });
});

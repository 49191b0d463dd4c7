// The google.script.run targets: each RPC method on the Apps Script workbook (the generated stubs call these).

import { AppsScriptWorkbook } from '../sheets/appsScript';
import type { RpcMethod } from './contract';
import { rpcHandlers } from './handlers';

const call = (method: RpcMethod) => (request: unknown): unknown => rpcHandlers(new AppsScriptWorkbook())[method](request);

export const getLocale = call('getLocale');
export const listSheets = call('listSheets');
export const detectTable = call('detectTable');
export const checkData = call('checkData');
export const buildSummary = call('buildSummary');
export const listReports = call('listReports');
export const refreshReport = call('refreshReport');
export const refreshAll = call('refreshAll');
export const deleteReport = call('deleteReport');
export const selectRange = call('selectRange');
export const insertSampleData = call('insertSampleData');
export const describeWarehouse = call('describeWarehouse');
export const summarySql = call('summarySql');

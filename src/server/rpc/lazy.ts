// Loads the RPC handlers on first use: Apps Script evaluates the whole bundle for every custom-function call,
// and esbuild turns a require() into a lazy module initialiser, so those calls never build the zod schemas.

import type { Workbook } from '../sheets/workbook';
import type { RpcHandlers } from './contract';

export function handlersFor(wb: Workbook): RpcHandlers {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rpcHandlers } = require('./handlers') as typeof import('./handlers');
  return rpcHandlers(wb);
}

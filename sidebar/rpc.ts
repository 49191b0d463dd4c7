// The sidebar's typed promise client for google.script.run: checks each request and validates each reply.

import { RPC, type RpcData, type RpcMethod, type RpcRequest } from '../src/server/rpc/contract';

/** google.script.run as the sidebar uses it: chainable handlers, then the server function by name. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [method: string]: unknown;
}

/** Why a call failed: a catalogue key (error.<key>) with params, and the English text as a fallback. */
export class RpcError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number>, message: string) {
    super(message);
    this.name = 'RpcError';
  }
}

/** The reply did not match the contract: the server and sidebar are out of step. */
export const UNEXPECTED_REPLY = 'unexpectedReply';
/** google.script.run itself failed: no connection, authorization lapsed, or the server threw. */
export const TRANSPORT_FAILED = 'server';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e));

export interface RpcClient {
  call<M extends RpcMethod>(method: M, request: RpcRequest<M>): Promise<RpcData<M>>;
}

/** Finds google.script.run: in Apps Script's sidebar frame, or the workbench's shim. */
export function defaultRunner(): ScriptRunner | undefined {
  const g = (globalThis as unknown as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run;
}

/** Parses the envelope { ok, data } | { ok: false, error }, then the data against the method's schema. */
export function readReply<M extends RpcMethod>(method: M, reply: unknown): RpcData<M> {
  const envelope = reply as { ok?: unknown; data?: unknown; error?: { key?: unknown; params?: unknown; message?: unknown } } | null;
  if (envelope && envelope.ok === false && envelope.error && typeof envelope.error.key === 'string') {
    const params = envelope.error.params && typeof envelope.error.params === 'object' ? (envelope.error.params as Record<string, string | number>) : {};
    throw new RpcError(envelope.error.key, params, typeof envelope.error.message === 'string' ? envelope.error.message : envelope.error.key);
  }
  if (!envelope || envelope.ok !== true) throw new RpcError(UNEXPECTED_REPLY, {}, `${method}: reply is not an RPC envelope`);
  const parsed = RPC[method].response.safeParse(envelope.data);
  if (!parsed.success) throw new RpcError(UNEXPECTED_REPLY, {}, `${method}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data as RpcData<M>;
}

/** A client over google.script.run (or any runner with the same shape). */
export function createClient(runner: () => ScriptRunner | undefined = defaultRunner): RpcClient {
  return {
    call<M extends RpcMethod>(method: M, request: RpcRequest<M>): Promise<RpcData<M>> {
      return new Promise((resolve, reject) => {
        const checked = RPC[method].request.safeParse(request);
        if (!checked.success) {
          reject(new RpcError('badRequest', { detail: checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') }, `${method}: bad request`));
          return;
        }
        const run = runner();
        if (!run) {
          reject(new RpcError(TRANSPORT_FAILED, { message: 'google.script.run is not available' }, 'google.script.run is not available'));
          return;
        }
        const target = run
          .withSuccessHandler((reply) => {
            try {
              resolve(readReply(method, reply));
            } catch (e) {
              reject(e);
            }
          })
          .withFailureHandler((error) => reject(new RpcError(TRANSPORT_FAILED, { message: messageOf(error) }, messageOf(error))));
        const fn = target[method];
        if (typeof fn !== 'function') {
          reject(new RpcError(TRANSPORT_FAILED, { message: `no server function ${method}` }, `no server function ${method}`));
          return;
        }
        // Plain JSON only: google.script.run rejects Date and drops undefined, so send exactly what JSON keeps.
        (fn as (arg: unknown) => void).call(target, JSON.parse(JSON.stringify(checked.data)));
      });
    },
  };
}

// Self-test check: the document lock, which every build holds, is taken and released.

/** How long the check waits for a build someone else is running. */
export const LOCK_WAIT_MS = 5_000;

export function checkLock(): string {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('LockService.getDocumentLock() gave no lock: the script is neither bound to this spreadsheet nor installed in it');
  const start = Date.now();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(`the lock was not free within ${LOCK_WAIT_MS / 1000} s`);
  const waited = Date.now() - start;
  try {
    if (!lock.hasLock()) throw new Error('tryLock said yes, but hasLock says the lock is not held');
  } finally {
    lock.releaseLock();
  }
  if (lock.hasLock()) throw new Error('the lock is still held after releaseLock');
  return `taken (after ${waited} ms) and released`;
}

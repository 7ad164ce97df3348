import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A path by which two names of one file compare equal: its real path (links and `..`
 * resolved), or, for a file that does not exist yet, its absolute path.
 */
export function realOrResolved(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

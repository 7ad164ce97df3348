import { statSync } from 'node:fs';

/** The size of a regular file, or null for `-`, a directory, a device or a path that cannot be read (its reader reports that). */
export function regularFileSize(source: string): number | null {
  if (source === '-') return null;
  try {
    const stat = statSync(source);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

import type { Database } from '../db/client';
import type { Env } from '../env';
import type { FileStore } from '../lib/file-store';

// Loads the demo data set into a freshly created database unless JALIN_DEMO=0.
export async function loadDemoIfWanted(options: { database: Database; env: Env; files: FileStore; firstStart: boolean }): Promise<void> {
  if (!options.firstStart || !options.env.JALIN_DEMO) return;
  // The demo data set arrives with the import module.
}

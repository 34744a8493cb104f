import { loadCatalogFile as loadSharedCatalogFile } from '@teamseat/contracts';
import type { CatalogInput } from '../domain/catalog';

/**
 * Reads the catalog file the services use (YAML or JSON), validated by the shared schema in
 * `@teamseat/contracts`; its emulator-only parts (`storeProducts`, `entitlements`, `periodDays`) live there too.
 */
export function loadCatalogFile(path: string): CatalogInput {
  return loadSharedCatalogFile(path);
}

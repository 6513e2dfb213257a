// Loads what the open data is made from (pages only: it reads the content collections).
import { loadGazette } from './gazette.ts';
import { loadResponsibilities } from './departments.ts';
import type { DataSources } from './open-data.ts';

export async function loadDataSources(): Promise<DataSources> {
  const [gazette, responsibilities] = await Promise.all([loadGazette(), loadResponsibilities()]);
  return { gazette, responsibilities };
}

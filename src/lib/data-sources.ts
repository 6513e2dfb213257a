// Loads what the open data is made from (pages only: it reads the content collections).
import { loadGazette } from './gazette.ts';
import { loadResponsibilities } from './departments.ts';
import { loadPlans } from './plans.ts';
import type { DataSources } from './open-data.ts';

export async function loadDataSources(): Promise<DataSources> {
  const [gazette, responsibilities, plans] = await Promise.all([loadGazette(), loadResponsibilities(), loadPlans()]);
  return { gazette, responsibilities, plans };
}

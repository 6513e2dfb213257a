// The open data files: data/<dataset>.json, data/<dataset>.schema.json and, where a dataset asks, data/<dataset>.csv.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataSources } from '../../lib/data-sources.ts';
import {
  csvFile,
  dataFiles,
  datasetCsv,
  datasetJson,
  datasetJsonSchema,
  datasets,
  jsonFile,
  schemaFile,
} from '../../lib/open-data.ts';

export const getStaticPaths = (() => dataFiles().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const sources = await loadDataSources();
  for (const dataset of datasets) {
    if (params.file === jsonFile(dataset)) return json(datasetJson(dataset, sources));
    if (params.file === schemaFile(dataset)) return json(`${JSON.stringify(datasetJsonSchema(dataset), null, 2)}\n`);
    if (params.file === csvFile(dataset)) {
      return new Response(datasetCsv(dataset, sources), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    }
  }
  return new Response(null, { status: 404 });
};

const json = (body: string): Response => new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

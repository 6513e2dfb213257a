// The open data files: per dataset its index data/<name>.json, its schema data/<name>.schema.json,
// and its parts by year, data/<name>/<year>.json (a large year continued in <year>-2.json …) and,
// where a dataset asks, data/<name>/<year>.csv.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataSources } from '../../lib/data-sources.ts';
import { dataFiles, datasetIndex, datasetJsonSchema, datasetParts, datasets, jsonFile, partFile, recordsCsv, recordsJson, schemaFile } from '../../lib/open-data.ts';

export const getStaticPaths = (async () => (dataFiles(await loadDataSources())).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const sources = await loadDataSources();
  for (const dataset of datasets) {
    if (params.file === jsonFile(dataset)) return json(`${JSON.stringify(datasetIndex(dataset, sources), null, 2)}\n`);
    if (params.file === schemaFile(dataset)) return json(`${JSON.stringify(datasetJsonSchema(dataset), null, 2)}\n`);
    for (const file of datasetParts(dataset, sources)) {
      if (params.file === partFile(dataset, file, 'json')) return json(recordsJson(file.records));
      if (dataset.csv && params.file === partFile(dataset, file, 'csv')) {
        return new Response(recordsCsv(dataset, file.records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
      }
    }
  }
  return new Response(null, { status: 404 });
};

const json = (body: string): Response => new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentPath } from './lib/content-dir.ts';
import { pathToFileURL } from 'node:url';
import { PublicationSchema } from './schemas/publication.ts';
import { IssueSchema, TocEntrySchema } from './schemas/issue.ts';
import { CitationSchema, DocumentSchema } from './schemas/document.ts';
import { PlaceSchema, ReferenceSchema } from './schemas/reference.ts';
import { DepartmentSchema, GovernmentSchema } from './schemas/department.ts';
import { NamedPlanSchema, PlanSchema } from './schemas/plan.ts';
import { IndicatorSchema, ObservationSchema } from './schemas/indicator.ts';

const contentUrl = (path: string) => pathToFileURL(contentPath(path)).href;

const publications = defineCollection({
  loader: file(contentUrl('publications.json')),
  schema: PublicationSchema,
});

// Cross-collection fields become references: ids must name an existing entry
// (checked for every build in src/lib/gazette.ts, since reference() only checks the shape).
const issues = defineCollection({
  loader: file(contentUrl('issues.json')),
  schema: IssueSchema.extend({
    publication: reference('publications'),
    documents: z.array(reference('documents')),
    toc: z.array(TocEntrySchema.extend({ document: reference('documents').optional() })),
  }),
});

const documents = defineCollection({
  loader: glob({
    pattern: '*.json',
    base: pathToFileURL(contentPath('documents') + '/'),
    // The slug is the file name, verbatim: ingest links documents by it.
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: DocumentSchema.extend({
    publication: reference('publications').optional(),
    issue: reference('issues').optional(),
    carriedBy: reference('documents').optional(),
    carries: z.array(reference('documents')),
    citations: z.array(CitationSchema.extend({ target: reference('documents').optional() })),
    citedBy: z.array(PlaceSchema.extend({ document: reference('documents') })),
  }),
});

// Documents cited in the corpus but not in it, each with the places that cite it.
const references = defineCollection({
  loader: file(contentUrl('references.json')),
  schema: ReferenceSchema.extend({ citedBy: z.array(PlaceSchema.extend({ document: reference('documents') })) }),
});

// Hand-kept registry of governments and departments (content/registry/); the tasks assigned to
// them are in each document's tasks file (content/tasks/<slug>.json, src/lib/document-files.ts).
const governments = defineCollection({
  loader: file(contentUrl('registry/governments.json')),
  schema: GovernmentSchema.extend({ parent: reference('governments').optional() }),
});
const departments = defineCollection({
  loader: file(contentUrl('registry/departments.json')),
  schema: DepartmentSchema.extend({ government: reference('governments') }),
});

// Plans (generated), the hand-kept indicator registry, and every observation of an indicator
// in a plan (generated): a dangling plan, document or indicator id fails the build (src/lib/plans.ts).
const plans = defineCollection({
  loader: file(contentUrl('plans.json')),
  schema: PlanSchema.extend({
    document: reference('documents'),
    issuedBy: reference('documents').optional(),
    names: z.array(NamedPlanSchema.extend({ plan: reference('plans').optional() })),
  }),
});
const indicators = defineCollection({
  loader: file(contentUrl('registry/indicators.json')),
  schema: IndicatorSchema,
});
const observations = defineCollection({
  loader: file(contentUrl('observations.json')),
  schema: ObservationSchema.extend({ indicator: reference('indicators'), plan: reference('plans'), document: reference('documents') }),
});

export const collections = { publications, issues, documents, references, governments, departments, plans, indicators, observations };

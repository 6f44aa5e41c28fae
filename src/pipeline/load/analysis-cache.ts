/**
 * Body analyses (body.ts) kept across builds by a hash of everything they depend
 * on, so a rebuild after one edit parses one body, not a thousand. Used by the
 * build and by the dev server's startup check (the same file: the key is the body,
 * whichever command wrote it); `npm run check` always analyzes afresh.
 */
import { createHash } from 'node:crypto';
import { readCacheFile, updateCacheFile } from '../../util/json-cache-file.ts';
import { packageVersions } from '../../util/package-versions.ts';
import type { BodyAnalysis } from './analyze-body.ts';
import type { BodyAnalyzer, BodyJob } from './load-content.ts';

/** Bump when analyzeBody's result changes for the same input. */
const ANALYSIS_VERSION = 1;
const versions = () => `analysis@${ANALYSIS_VERSION} ${packageVersions(['remark-parse', 'remark-mdx', 'remark-gfm', 'mdast-util-to-string'])}`;

const jobKey = (job: BodyJob) =>
  createHash('sha256')
    .update(JSON.stringify([job.format, job.lineOffset, job.options.allowCode === true]))
    .update(job.body)
    .digest('base64url');

export interface CachingAnalyzer extends BodyAnalyzer {
  /** Writes this run's analyses (and only those) to the cache file. */
  save(): void;
}

/** Wraps `inner`: bodies analyzed by an earlier build come from `cacheFile`, the rest go to `inner`. */
export function cachingAnalyzer(inner: BodyAnalyzer, cacheFile: string): CachingAnalyzer {
  const stamp = versions();
  const cached = readCacheFile<BodyAnalysis>(cacheFile, stamp);
  const keys: string[] = [];
  const results: (BodyAnalysis | undefined)[] = [];
  /** Positions in `results` of the jobs handed to `inner`, in its order. */
  const delegated: number[] = [];
  return {
    submit(job) {
      const key = jobKey(job);
      const hit = cached.get(key);
      keys.push(key);
      results.push(hit);
      if (!hit) {
        delegated.push(results.length - 1);
        inner.submit(job);
      }
    },
    collect() {
      const fresh = inner.collect();
      delegated.forEach((at, n) => (results[at] = fresh[n]));
      return results as BodyAnalysis[];
    },
    save() {
      updateCacheFile(cacheFile, stamp, cached, keys.map((key, i) => [key, results[i]!] as const));
    },
  };
}

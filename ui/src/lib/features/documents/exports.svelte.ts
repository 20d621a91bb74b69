// Background document exports and their progress, for any screen that exports.
//
// `exportDocuments(requests)` returns the core's job id at once and writes the files on a thread
// of its own; progress arrives as "export-progress" events carrying the job id, the count done,
// the files written so far, and whether it has finished (with an error or not). The first event
// can arrive before the job id does, so events for an id not yet known are kept until it is.
//
//   import { exportJobs, jobPercent } from '../documents/exports.svelte';
//   const job = exportJobs.start([{ kind: 'register', body_id, year, public: true }], label, 'archive');
//   {#each exportJobs.jobsFor('archive') as job (job.key)} … {/each}
import {
  asUiError,
  exportDocuments,
  onExportProgress,
  type DocRequest,
  type ExportProgress,
} from '../../api';

export type ExportJob = {
  /** This window's key for the job (stable for keyed lists). */
  key: number;
  /** The core's job id; null until `export_documents` has answered. */
  id: string | null;
  /** What is being exported, in the user's words ("Innkalling og dagsorden"). */
  label: string;
  /** Which screen or meeting started it, so a screen lists only its own jobs. */
  scope: string;
  requests: DocRequest[];
  done: number;
  total: number;
  /** Paths of the files written so far. */
  files: string[];
  finished: boolean;
  /** Why the export stopped (in the user's language); null when it did not fail. */
  error: string | null;
};

/** A job that has just been asked for. */
export function newJob(key: number, requests: DocRequest[], label: string, scope: string): ExportJob {
  return { key, id: null, label, scope, requests, done: 0, total: requests.length, files: [], finished: false, error: null };
}

/**
 * The job after a progress event. Events of other jobs change nothing; a finished job stays as it
 * finished; an event older than what is shown (fewer files done) is ignored.
 */
export function applyProgress(job: ExportJob, p: ExportProgress): ExportJob {
  if (job.id === null || p.job !== job.id || job.finished) return job;
  if (!p.finished && p.done < job.done) return job;
  return {
    ...job,
    done: Math.max(p.done, job.done),
    total: p.total,
    files: p.files.length >= job.files.length ? [...p.files] : job.files,
    finished: p.finished,
    error: p.error,
  };
}

/** The job stopped by a failed request (the command itself was refused). */
export function failJob(job: ExportJob, message: string): ExportJob {
  return { ...job, finished: true, error: message };
}

/** 0–100: how far the job has come. */
export function jobPercent(job: ExportJob): number {
  if (job.total <= 0) return job.finished ? 100 : 0;
  return Math.round((Math.min(job.done, job.total) / job.total) * 100);
}

/** Of two events of one job, the later one (more files done, or finished). */
function later(a: ExportProgress | undefined, b: ExportProgress): ExportProgress {
  if (!a) return b;
  if (a.finished) return a;
  return b.finished || b.done >= a.done ? b : a;
}

type ExportApi = {
  exportDocuments: (requests: DocRequest[]) => Promise<string>;
  onExportProgress: (handler: (p: ExportProgress) => void) => Promise<() => void>;
};

export type ExportTracker = ReturnType<typeof createExportTracker>;

/** Keeps the list of export jobs and follows their progress events while any is running. */
export function createExportTracker(api: ExportApi = { exportDocuments, onExportProgress }) {
  let jobs = $state<ExportJob[]>([]);
  let nextKey = 1;
  /** Progress of job ids not yet returned by export_documents. */
  const early = new Map<string, ExportProgress>();
  let listening: Promise<() => void> | null = null;

  function update(key: number, change: (job: ExportJob) => ExportJob) {
    const i = jobs.findIndex((j) => j.key === key);
    if (i >= 0) jobs[i] = change(jobs[i]);
  }

  function receive(p: ExportProgress) {
    const i = jobs.findIndex((j) => j.id === p.job);
    if (i < 0) {
      early.set(p.job, later(early.get(p.job), p));
      return;
    }
    jobs[i] = applyProgress(jobs[i], p);
    stopWhenIdle();
  }

  async function listen() {
    if (!listening) listening = api.onExportProgress(receive);
    try {
      await listening;
    } catch (e) {
      listening = null;
      throw e;
    }
  }

  /** Nothing running: stop listening (the next export listens again). */
  function stopWhenIdle() {
    if (!listening || jobs.some((j) => !j.finished)) return;
    const stop = listening;
    listening = null;
    early.clear();
    stop.then((unlisten) => unlisten()).catch(() => {});
  }

  /**
   * Starts exporting `requests` in the background as one job; resolves once the core has taken
   * the job (or refused it: the job then holds the error). Follow it in `jobs`.
   */
  async function start(requests: DocRequest[], label: string, scope = ''): Promise<ExportJob> {
    const key = nextKey++;
    jobs.push(newJob(key, requests, label, scope));
    try {
      await listen();
      const id = await api.exportDocuments(requests);
      update(key, (j) => {
        const known = { ...j, id };
        const pending = early.get(id);
        early.delete(id);
        return pending ? applyProgress(known, pending) : known;
      });
    } catch (e) {
      update(key, (j) => failJob(j, asUiError(e).message));
    }
    stopWhenIdle();
    return jobs.find((j) => j.key === key) as ExportJob;
  }

  return {
    /** Every job of this window, oldest first. */
    get jobs(): ExportJob[] {
      return jobs;
    },
    /** The jobs a screen started, newest first. */
    jobsFor(scope: string): ExportJob[] {
      return jobs.filter((j) => j.scope === scope).reverse();
    },
    /** True while any job of `scope` is running. */
    busy(scope: string): boolean {
      return jobs.some((j) => j.scope === scope && !j.finished);
    },
    start,
    /** Takes a finished job off the list. */
    dismiss(key: number) {
      jobs = jobs.filter((j) => j.key !== key || !j.finished);
    },
    /** Forgets every job and stops listening (tests; closing an archive). */
    reset() {
      const stop = listening;
      listening = null;
      early.clear();
      jobs = [];
      stop?.then((unlisten) => unlisten()).catch(() => {});
    },
  };
}

/** The window's export jobs: one list shared by every screen. */
export const exportJobs = createExportTracker();

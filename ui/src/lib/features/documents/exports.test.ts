import { afterEach, describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { applyProgress, createExportTracker, exportJobs, jobPercent, newJob } from './exports.svelte';
import type { DocRequest, ExportProgress } from '../../api';

const AGENDA: DocRequest = { kind: 'agenda', meeting_id: 'm1', public: false };
const MINUTES: DocRequest = { kind: 'minutes', meeting_id: 'm1', public: false };

const progress = (p: Partial<ExportProgress>): ExportProgress => ({
  job: 'export-1',
  done: 0,
  total: 2,
  files: [],
  finished: false,
  error: null,
  ...p,
});

afterEach(() => exportJobs.reset());

describe('export progress reducer', () => {
  const started = { ...newJob(1, [AGENDA, MINUTES], 'Alle', 'm'), id: 'export-1' };

  it('takes the count and files of its own job', () => {
    const j = applyProgress(started, progress({ done: 1, files: ['/x/Innkalling.pdf'] }));
    expect(j.done).toBe(1);
    expect(j.files).toEqual(['/x/Innkalling.pdf']);
    expect(jobPercent(j)).toBe(50);
    expect(j.finished).toBe(false);
  });

  it('ignores other jobs, stale events and anything after the end', () => {
    expect(applyProgress(started, progress({ job: 'export-2', done: 2 }))).toBe(started);
    const one = applyProgress(started, progress({ done: 1, files: ['/a'] }));
    expect(applyProgress(one, progress({ done: 0 }))).toBe(one);
    const done = applyProgress(one, progress({ done: 2, files: ['/a', '/b'], finished: true }));
    expect(done.finished).toBe(true);
    expect(jobPercent(done)).toBe(100);
    expect(applyProgress(done, progress({ done: 2, error: 'late' }))).toBe(done);
  });

  it('a job without its id yet takes no event', () => {
    const fresh = newJob(2, [AGENDA], 'Innkalling', 'm');
    expect(applyProgress(fresh, progress({ done: 1 }))).toBe(fresh);
  });

  it('keeps the error a job stopped with', () => {
    const j = applyProgress(started, progress({ done: 1, files: ['/a'], finished: true, error: 'Disken er full' }));
    expect(j.error).toBe('Disken er full');
    expect(j.files).toEqual(['/a']);
  });
});

describe('export tracker over IPC', () => {
  it('starts export_documents with the requests and follows its events', async () => {
    const calls: unknown[] = [];
    mockIPC(
      (cmd, args) => {
        if (cmd === 'export_documents') {
          calls.push(args);
          return 'export-7';
        }
      },
      { shouldMockEvents: true },
    );
    const tracker = createExportTracker();
    const job = await tracker.start([AGENDA, MINUTES], 'Alle dokumenter', 'meeting:m1');
    expect(calls).toEqual([{ requests: [AGENDA, MINUTES] }]);
    expect(job.id).toBe('export-7');
    expect(tracker.busy('meeting:m1')).toBe(true);

    await emit('export-progress', progress({ job: 'export-7', done: 1, files: ['/e/Innkalling.pdf'] }));
    expect(tracker.jobs[0].done).toBe(1);
    await emit('export-progress', progress({ job: 'export-other', done: 2, finished: true }));
    expect(tracker.jobs[0].finished).toBe(false);
    await emit(
      'export-progress',
      progress({ job: 'export-7', done: 2, files: ['/e/Innkalling.pdf', '/e/Referat.pdf'], finished: true }),
    );
    expect(tracker.jobs[0]).toMatchObject({ done: 2, finished: true, error: null });
    expect(tracker.jobs[0].files).toEqual(['/e/Innkalling.pdf', '/e/Referat.pdf']);
    expect(tracker.busy('meeting:m1')).toBe(false);
    expect(tracker.jobsFor('meeting:m2')).toEqual([]);
  });

  it('events that arrive before the job id are not lost', async () => {
    mockIPC(
      async (cmd) => {
        if (cmd === 'export_documents') {
          // The export thread is quicker than the command's answer.
          await emit('export-progress', progress({ job: 'export-9', done: 1, total: 1, files: ['/e/a.ics'] }));
          await emit('export-progress', progress({ job: 'export-9', done: 1, total: 1, files: ['/e/a.ics'], finished: true }));
          return 'export-9';
        }
      },
      { shouldMockEvents: true },
    );
    const tracker = createExportTracker();
    const job = await tracker.start([{ kind: 'invitation', meeting_id: 'm1' }], 'Invitasjon');
    expect(job).toMatchObject({ id: 'export-9', finished: true, done: 1, files: ['/e/a.ics'] });
  });

  it('a refused export ends as a failed job with the core message', async () => {
    mockIPC(() => {
      throw { message: 'Eksportmappen kan ikke opprettes', field: null, kind: 'io' };
    });
    const tracker = createExportTracker();
    const job = await tracker.start([AGENDA], 'Innkalling');
    expect(job.finished).toBe(true);
    expect(job.error).toBe('Eksportmappen kan ikke opprettes');
    tracker.dismiss(job.key);
    expect(tracker.jobs).toEqual([]);
  });

  it('several jobs run side by side, newest listed first', async () => {
    let n = 0;
    mockIPC((cmd) => (cmd === 'export_documents' ? `export-${++n}` : undefined), { shouldMockEvents: true });
    const tracker = createExportTracker();
    await tracker.start([AGENDA], 'Første', 's');
    await tracker.start([MINUTES], 'Andre', 's');
    expect(tracker.jobsFor('s').map((j) => j.label)).toEqual(['Andre', 'Første']);
    await emit('export-progress', progress({ job: 'export-1', done: 1, total: 1, files: ['/1'], finished: true }));
    expect(tracker.jobsFor('s').map((j) => j.finished)).toEqual([false, true]);
    // A running job cannot be dismissed.
    tracker.dismiss(tracker.jobsFor('s')[0].key);
    expect(tracker.jobs).toHaveLength(2);
  });
});

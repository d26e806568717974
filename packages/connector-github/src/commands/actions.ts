import * as z from 'zod';
import { command, linkPage } from '@aos-connectors/core';
import { defined } from '../inputs.js';
import { repoInput, repoPath, resolveRepo } from '../repo-ref.js';
import { workflowRun } from '../output-shapes.js';

const RUN_STATUSES = [
  'completed', 'action_required', 'cancelled', 'failure', 'neutral', 'skipped', 'stale', 'success',
  'timed_out', 'in_progress', 'queued', 'requested', 'waiting', 'pending',
] as const;

const workflowInput = z
  .string()
  .regex(/^(\d+|[\w.-]+\.ya?ml)$/, 'expected a workflow id or file name such as ci.yml')
  .describe('Workflow id or file name (e.g. ci.yml)');

/**
 * GET /repos/{owner}/{repo}/actions/runs — https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-repository
 * or, with --workflow, GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs
 * (https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow).
 * Both wrap the page as `{total_count, workflow_runs}`.
 */
export const actionsListRuns = command({
  id: 'actions.list_runs',
  summary: 'List GitHub Actions workflow runs',
  resource: 'workflow_run',
  action: 'read',
  risk: 1,
  input: z.object({
    repo: repoInput,
    workflow: workflowInput.optional(),
    branch: z.string().optional().describe('Only runs for this branch'),
    event: z.string().optional().describe('Only runs triggered by this event (push, pull_request, workflow_dispatch, ...)'),
    status: z.enum(RUN_STATUSES).optional().describe('Only runs with this status or conclusion'),
    actor: z.string().optional().describe('Only runs started by this login'),
    head_sha: z.string().optional().describe('Only runs for this head commit'),
  }),
  list: { key: 'workflow_runs', maxPageSize: 100, columns: ['id', 'name', 'status', 'conclusion', 'head_branch', 'created_at'] },
  examples: ['aos-github --json actions list-runs --workflow ci.yml --branch main --status failure'],
  output: workflowRun,
  run: ({ repo, workflow, branch, event, status, actor, head_sha }, { http, settings, page }) => {
    const full = resolveRepo(repo, settings);
    const query = { branch, event, status, actor, head_sha };
    const path = workflow ? repoPath(full, 'actions', 'workflows', workflow, 'runs') : repoPath(full, 'actions', 'runs');
    return linkPage(http, path, query, page, { items: (body) => (body as { workflow_runs: unknown[] }).workflow_runs });
  },
});

/** GET /repos/{owner}/{repo}/actions/runs/{run_id} — https://docs.github.com/en/rest/actions/workflow-runs#get-a-workflow-run */
export const actionsGetRun = command({
  id: 'actions.get_run',
  summary: 'Get a workflow run',
  resource: 'workflow_run',
  action: 'read',
  risk: 1,
  input: z.object({ run_id: z.number().int().positive().describe('Workflow run id'), repo: repoInput }),
  positionals: ['run_id'],
  examples: ['aos-github --json actions get-run 30433642'],
  output: workflowRun,
  run: ({ run_id, repo }, { http, settings }) => http.get(repoPath(resolveRepo(repo, settings), 'actions', 'runs', run_id)),
});

/** What `actions trigger` returns: the request, plus GitHub's `workflow-dispatch-response` when --return-run-details is given. */
const triggerOutput = z.object({
  triggered: z.literal(true).describe('The dispatch was accepted'),
  repo: z.string().describe('owner/name'),
  workflow: z.string().describe('Workflow id or file name'),
  ref: z.string().describe('Branch or tag the workflow runs on'),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('The inputs sent ({} when none)'),
  workflow_run_id: z.number().int().optional().describe('The new run id (with --return-run-details)'),
  run_url: z.string().optional().describe('API URL of the new run (with --return-run-details)'),
  html_url: z.string().optional().describe('Page of the new run (with --return-run-details)'),
});

/**
 * POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches —
 * https://docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event
 * GitHub answers 204 with no body; with --return-run-details it answers 200 with the run's id.
 * Risk 3: it runs the workflow's code on GitHub's runners with the repository's secrets.
 */
export const actionsTrigger = command({
  id: 'actions.trigger',
  summary: 'Trigger a workflow_dispatch workflow',
  resource: 'workflow_run',
  action: 'write',
  risk: 3,
  input: z.object({
    workflow: workflowInput,
    repo: repoInput,
    ref: z.string().min(1).describe('Branch or tag to run the workflow on'),
    inputs: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Workflow inputs as a JSON object, e.g. \'{"env":"staging"}\' (at most 25)'),
    return_run_details: z.boolean().optional().describe('Ask GitHub for the new run id and URLs'),
  }),
  positionals: ['workflow'],
  examples: ['aos-github --json --mode write actions trigger deploy.yml --ref main --inputs \'{"env":"staging"}\''],
  output: triggerOutput,
  run: async ({ workflow, repo, ref, inputs, return_run_details }, { http, settings, recordSideEffect }) => {
    const full = resolveRepo(repo, settings);
    const body = defined({ ref, inputs, return_run_details });
    const details = await http.post<{ workflow_run_id?: number } | null>(repoPath(full, 'actions', 'workflows', workflow, 'dispatches'), { json: body });
    recordSideEffect({ kind: 'trigger', resource: 'workflow', id: details?.workflow_run_id ? `${full}/runs/${details.workflow_run_id}` : `${full}/${workflow}@${ref}` });
    return { triggered: true, repo: full, workflow, ref, inputs: inputs ?? {}, ...(details ?? {}) };
  },
});

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The shipped `provision` machine, for a database whose catalog has not stored it yet. */
const PROVISION = {
  name: 'provision',
  states: [
    { name: 'refresh', method: 'refresh_repositories', maxRetries: 3, retryInterval: 10 },
    { name: 'validate', method: 'validate_request' },
    { name: 'provision', method: 'run_playbook' },
    { name: 'wait', method: 'wait_for_jobs', maxTime: 86400 },
    { name: 'collect', method: 'collect_outputs' },
    { name: 'finish', method: 'create_service' },
  ],
};

/**
 * One path for every run: a single-playbook request becomes what a bundle request is — its
 * run an item (`main`) of its own, under the `provision` state machine pinned in its plan.
 * Bundle plans lose their `kind` and say how they refresh and what service they make.
 */
export class OnePath1765700000000 implements MigrationInterface {
  name = 'OnePath1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO request_items (request_id, name, "index", plan, status, job_id, outputs, message, started_at, finished_at)
       SELECT r.id, 'main', 0,
              r.plan || jsonb_build_object('repoName', coalesce(g.name, ''), 'inputs', '{}'::jsonb),
              CASE r.status WHEN 'finished' THEN 'successful' WHEN 'failed' THEN 'failed' WHEN 'canceled' THEN 'canceled'
                            WHEN 'running' THEN 'running' ELSE 'pending' END,
              j.id,
              CASE WHEN r.status = 'finished' THEN coalesce(s.outputs, '{}'::jsonb) END,
              CASE WHEN r.status IN ('failed', 'canceled') THEN r.message END,
              j.started_at, j.finished_at
         FROM service_requests r
         LEFT JOIN git_repos g ON g.id = (r.plan->>'repoId')::uuid
         LEFT JOIN LATERAL (SELECT id, started_at, finished_at FROM jobs WHERE request_id = r.id ORDER BY created_at DESC LIMIT 1) j ON true
         LEFT JOIN services s ON s.request_id = r.id
        WHERE NOT (r.plan ? 'kind')`,
    );
    await q.query(
      `UPDATE service_requests r
          SET plan = jsonb_build_object(
                'action', 'provision', 'refresh', 'policy',
                'machine', coalesce((SELECT definition FROM state_machines WHERE name = 'provision'), $1::jsonb),
                'service', jsonb_build_object('name', coalesce(t.name, 'Service') || ' (' || (r.plan->>'playbook') || ')', 'outputs', 'flat')),
              state = CASE WHEN r.status = 'finished' THEN 'finish' WHEN r.status IN ('pending', 'queued') THEN 'refresh' ELSE 'wait' END,
              state_attempt = 0
         FROM service_templates t
        WHERE t.id = r.template_id AND NOT (r.plan ? 'kind')`,
      [JSON.stringify(PROVISION)],
    );
    await q.query(
      `UPDATE service_requests r
          SET plan = (r.plan - 'kind') || jsonb_build_object('action', coalesce(r.plan->>'action', 'provision'), 'refresh', 'always')
                     || CASE WHEN coalesce(r.plan->>'action', 'provision') = 'provision'
                             THEN jsonb_build_object('service', jsonb_build_object('name', coalesce(t.name, 'Bundle'), 'outputs', 'per-item'))
                             ELSE '{}'::jsonb END
         FROM service_templates t
        WHERE t.id = r.template_id AND r.plan->>'kind' = 'bundle'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE service_requests r
          SET plan = (i.plan - 'repoName' - 'inputs' - 'sites' - 'site'), state = NULL, state_attempt = 0
         FROM request_items i
        WHERE i.request_id = r.id AND i.name = 'main' AND r.plan->>'refresh' = 'policy'`,
    );
    await q.query(`DELETE FROM request_items i USING service_requests r WHERE i.request_id = r.id AND NOT (r.plan ? 'machine')`);
    await q.query(`DELETE FROM request_transitions t USING service_requests r WHERE t.request_id = r.id AND NOT (r.plan ? 'machine')`);
    await q.query(`UPDATE service_requests SET plan = (plan - 'refresh' - 'service') || '{"kind": "bundle"}'::jsonb WHERE plan ? 'machine'`);
  }
}

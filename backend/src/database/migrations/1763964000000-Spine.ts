import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Spine1763964000000 implements MigrationInterface {
  name = 'Spine1763964000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "users" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "username" text NOT NULL UNIQUE,
      "password_hash" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "api_tokens" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
      "token_hash" text NOT NULL UNIQUE,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "expires_at" timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX "IDX_api_tokens_user_id" ON "api_tokens" ("user_id")`);
    await q.query(`CREATE TABLE "git_repos" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "url" text NOT NULL,
      "branch" text NOT NULL DEFAULT 'main',
      "builtin" boolean NOT NULL DEFAULT false,
      "commit" text,
      "last_refreshed_at" timestamptz,
      "refresh_status" text NOT NULL DEFAULT 'never',
      "refresh_error" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "playbooks" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "repo_id" uuid NOT NULL REFERENCES "git_repos"("id") ON DELETE CASCADE,
      "path" text NOT NULL,
      "commit" text NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX "IDX_playbooks_repo_path" ON "playbooks" ("repo_id", "path")`);
    await q.query(`CREATE TABLE "providers" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "type" text NOT NULL CHECK ("type" IN ('local', 'ssh', 'openstack', 'kubernetes')),
      "config" jsonb NOT NULL DEFAULT '{}',
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "dialogs" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "label" text NOT NULL,
      "definition" jsonb NOT NULL,
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "service_templates" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL UNIQUE,
      "description" text,
      "type" text NOT NULL CHECK ("type" IN ('ansible_playbook', 'bundle')),
      "dialog_name" text NOT NULL REFERENCES "dialogs"("name") ON UPDATE CASCADE,
      "provision" jsonb NOT NULL,
      "published" boolean NOT NULL DEFAULT true,
      "source" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "service_requests" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "template_id" uuid NOT NULL REFERENCES "service_templates"("id"),
      "requester_id" uuid NOT NULL REFERENCES "users"("id"),
      "dialog_values" jsonb NOT NULL,
      "plan" jsonb NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('pending', 'queued', 'running', 'finished', 'failed')),
      "message" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "finished_at" timestamptz)`);
    await q.query(`CREATE INDEX "IDX_service_requests_status" ON "service_requests" ("status")`);
    await q.query(`CREATE INDEX "IDX_service_requests_requester" ON "service_requests" ("requester_id")`);
    await q.query(`CREATE INDEX "IDX_service_requests_created_at" ON "service_requests" ("created_at")`);
    await q.query(`CREATE TABLE "jobs" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "request_id" uuid REFERENCES "service_requests"("id") ON DELETE CASCADE,
      "created_by" uuid NOT NULL REFERENCES "users"("id"),
      "status" text NOT NULL CHECK ("status" IN ('new', 'pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled')),
      "repo_id" uuid NOT NULL REFERENCES "git_repos"("id"),
      "commit" text NOT NULL,
      "playbook" text NOT NULL,
      "command" jsonb NOT NULL DEFAULT '[]',
      "inventory" text NOT NULL DEFAULT '',
      "extra_vars" jsonb NOT NULL DEFAULT '{}',
      "return_code" int,
      "stdout" text NOT NULL DEFAULT '',
      "stdout_length" int NOT NULL DEFAULT 0,
      "artifacts" jsonb,
      "event_count" int NOT NULL DEFAULT 0,
      "error" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "started_at" timestamptz,
      "finished_at" timestamptz)`);
    await q.query(`CREATE INDEX "IDX_jobs_request_id" ON "jobs" ("request_id")`);
    await q.query(`CREATE TABLE "job_events" (
      "id" bigserial PRIMARY KEY,
      "job_id" uuid NOT NULL REFERENCES "jobs"("id") ON DELETE CASCADE,
      "seq" int NOT NULL,
      "event" text NOT NULL,
      "host" text,
      "task" text,
      "play" text,
      "changed" boolean NOT NULL DEFAULT false,
      "failed" boolean NOT NULL DEFAULT false,
      "stdout" text,
      "data" jsonb NOT NULL DEFAULT '{}',
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX "IDX_job_events_job_seq" ON "job_events" ("job_id", "seq")`);
    await q.query(`CREATE TABLE "services" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "request_id" uuid NOT NULL UNIQUE REFERENCES "service_requests"("id"),
      "template_id" uuid NOT NULL REFERENCES "service_templates"("id"),
      "owner_id" uuid NOT NULL REFERENCES "users"("id"),
      "provider_id" uuid REFERENCES "providers"("id"),
      "outputs" jsonb NOT NULL DEFAULT '{}',
      "status" text NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'retired')),
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "IDX_services_owner" ON "services" ("owner_id")`);
    await q.query(`CREATE INDEX "IDX_services_created_at" ON "services" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'services',
      'job_events',
      'jobs',
      'service_requests',
      'service_templates',
      'dialogs',
      'providers',
      'playbooks',
      'git_repos',
      'api_tokens',
      'users',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}

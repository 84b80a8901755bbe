import type { Type } from '@nestjs/common';
import type { StateMethod } from '../state-machine.types.js';
import { ApproveMethod } from './approve.method.js';
import { CollectOutputsMethod } from './collect-outputs.method.js';
import { CreateServiceMethod } from './create-service.method.js';
import { RefreshRepositoriesMethod } from './refresh-repositories.method.js';
import { RetireServiceMethod } from './retire-service.method.js';
import { RunPlaybookMethod } from './run-playbook.method.js';
import type { StateMethodHandler } from './state-method.js';
import { UpdateServiceMethod } from './update-service.method.js';
import { ValidateRequestMethod } from './validate-request.method.js';
import { WaitForJobsMethod } from './wait-for-jobs.method.js';

/**
 * Every state method, by the name a state machine calls it. A new method is one file in this
 * folder and one line here (plus its name in STATE_METHODS, which the compiler holds to this list).
 */
export const STATE_METHOD_CLASSES = {
  approve: ApproveMethod,
  refresh_repositories: RefreshRepositoriesMethod,
  validate_request: ValidateRequestMethod,
  run_playbook: RunPlaybookMethod,
  wait_for_jobs: WaitForJobsMethod,
  collect_outputs: CollectOutputsMethod,
  create_service: CreateServiceMethod,
  retire_service: RetireServiceMethod,
  update_service: UpdateServiceMethod,
} satisfies Record<StateMethod, Type<StateMethodHandler>>;

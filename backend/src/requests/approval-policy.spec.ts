import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StateMachineDef } from '../state-machines/state-machine.types.js';
import { approvalPlan, withApproval } from './approval-policy.js';

describe('approval policy: what an item’s policy asks of one order', () => {
  const order = (values: Record<string, unknown>, groups: string[] = []) => ({ values, groups });

  test('automatic (or none) asks nothing; manual asks its approvers of every order', () => {
    assert.equal(approvalPlan(null, order({})), undefined);
    assert.equal(approvalPlan({ mode: 'automatic', approvals: 1, timeoutHours: 1 }, order({})), undefined);
    assert.deepEqual(approvalPlan({ mode: 'manual', approvals: 2, timeoutHours: 48 }, order({})), {
      approvals: 2,
      timeoutHours: 48,
      reason: 'The item needs 2 approvers.',
    });
  });

  test('rules: only an order matching one of them waits, and the reason names the rule', () => {
    const spec = {
      mode: 'rules' as const,
      approvals: 1,
      timeoutHours: 24,
      rules: [{ field: 'size', in: ['large', 'xlarge'] }, { field: 'count', atLeast: 10 }, { field: 'gpu', equals: true }, { group: 'contractors' }],
    };
    assert.equal(approvalPlan(spec, order({ size: 'small', count: 3, gpu: false })), undefined);
    assert.match(approvalPlan(spec, order({ size: 'xlarge' }))!.reason, /size is one of "large", "xlarge"/);
    assert.match(approvalPlan(spec, order({ count: '12' }))!.reason, /count is at least 10/, 'a number typed as text counts');
    assert.equal(approvalPlan(spec, order({ count: '' })), undefined, 'an empty field is not a number');
    assert.match(approvalPlan(spec, order({ gpu: 'true' }))!.reason, /gpu is true/);
    assert.match(approvalPlan(spec, order({ size: ['small', 'large'] }))!.reason, /size/, 'a multi-select matches by any of its values');
    assert.match(approvalPlan(spec, order({}, ['staff', 'contractors']))!.reason, /the requester is in group "contractors"/);
  });

  test('a machine that does not begin with an approve state gets one first when the order waits for approval, never otherwise', () => {
    const machine: StateMachineDef = { name: 'custom', states: [{ name: 'provision', method: 'run_playbook' }] };
    const plan = { approvals: 1, timeoutHours: 1, reason: 'x' };
    assert.equal(withApproval(machine, undefined), machine);
    assert.deepEqual(
      withApproval(machine, plan).states.map((s) => `${s.name}:${s.method}`),
      ['approve:approve', 'provision:run_playbook'],
    );
    const first: StateMachineDef = {
      name: 'first',
      states: [
        { name: 'ok?', method: 'approve' },
        { name: 'provision', method: 'run_playbook' },
      ],
    };
    assert.equal(withApproval(first, plan), first, 'a machine that approves first is kept as it is');
    const late: StateMachineDef = {
      name: 'late',
      states: [
        { name: 'provision', method: 'run_playbook' },
        { name: 'ok?', method: 'approve' },
      ],
    };
    assert.deepEqual(
      withApproval(late, plan).states.map((s) => s.name),
      ['approve', 'provision', 'ok?'],
      'an approval after a state that runs items would come too late: one goes first',
    );
  });
});

# Superfluid: stream structured Ansible events, one JSON document per line, to the file
# descriptor named by SUPERFLUID_EVENTS_FD (the portal reads it while the run goes on).
# Event names follow ansible-runner / AWX so their users recognise them.
from __future__ import annotations

import json
import os
import time

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
    name: superfluid_events
    type: notification
    short_description: stream structured events to Superfluid
    description:
      - Writes one JSON document per event to the file descriptor in SUPERFLUID_EVENTS_FD.
    requirements:
      - enable in configuration (ANSIBLE_CALLBACKS_ENABLED=superfluid_events)
"""

MAX_RESULT_BYTES = 65536
MAX_ARTIFACT_BYTES = 1048576


class _Json(str):
    """A value already serialized: _emit splices the text into the event as it is."""


def _jsonable(value, limit=MAX_RESULT_BYTES):
    # Serialized once, to measure it, and that text is what goes out: no decode and
    # re-encode per event (a loop of thousands of items emits thousands of results).
    try:
        text = json.dumps(value, default=str)
    except (TypeError, ValueError):
        return {"unserializable": str(value)[:1000]}
    if len(text) > limit:
        return {"truncated": True, "size": len(text)}
    return _Json(text)


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "notification"
    CALLBACK_NAME = "superfluid_events"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, display=None):
        super().__init__(display)
        fd = os.environ.get("SUPERFLUID_EVENTS_FD")
        self._out = os.fdopen(int(fd), "w", buffering=1, encoding="utf-8") if fd else None
        self._play = None
        self._task = None
        self._task_started = {}
        self._counter = 0

    def _emit(self, event, **data):
        if self._out is None:
            return
        self._counter += 1
        data["event"] = event
        data["counter"] = self._counter
        data["created"] = time.time()
        if self._play is not None and "play" not in data:
            data["play"] = self._play
        spliced = [(key, data.pop(key)) for key in [k for k, v in data.items() if isinstance(v, _Json)]]
        line = json.dumps(data, default=str)
        if spliced:
            line = line[:-1] + "".join(", %s: %s" % (json.dumps(key), text) for key, text in spliced) + "}"
        self._out.write(line + "\n")

    def _result_event(self, event, result, stdout, **extra):
        host = result._host.get_name()
        task = result._task
        res = result._result
        started = self._task_started.get((host, task._uuid))
        self._emit(
            event,
            host=host,
            task=task.get_name(),
            task_action=task.action,
            changed=bool(res.get("changed", False)),
            failed=event in ("runner_on_failed", "runner_on_unreachable") and not extra.get("ignore_errors", False),
            duration=(time.time() - started) if started else None,
            stdout=stdout,
            res=_jsonable(res),
            **extra,
        )

    def v2_playbook_on_start(self, playbook):
        self._emit("playbook_on_start", playbook=os.path.basename(playbook._file_name))

    def v2_playbook_on_play_start(self, play):
        self._play = play.get_name()
        self._emit("playbook_on_play_start", play=self._play, pattern=",".join(play.hosts) if isinstance(play.hosts, list) else str(play.hosts),
                   stdout="PLAY [%s]" % self._play)

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task = task
        self._emit("playbook_on_task_start", task=task.get_name(), task_action=task.action, stdout="TASK [%s]" % task.get_name())

    def v2_playbook_on_handler_task_start(self, task):
        self._emit("playbook_on_handler_task_start", task=task.get_name(), task_action=task.action, stdout="RUNNING HANDLER [%s]" % task.get_name())

    def v2_runner_on_start(self, host, task):
        self._task_started[(host.get_name(), task._uuid)] = time.time()
        self._emit("runner_on_start", host=host.get_name(), task=task.get_name())

    def v2_runner_on_ok(self, result):
        status = "changed" if result._result.get("changed", False) else "ok"
        self._result_event("runner_on_ok", result, "%s: [%s]" % (status, result._host.get_name()))

    def v2_runner_on_failed(self, result, ignore_errors=False):
        msg = result._result.get("msg", "")
        if not msg and result._result.get("censored"):
            # no_log hid the result, reason included: say so, and which task it was.
            msg = "Task '%s' failed; its output is hidden (no_log: true), so Ansible's reason cannot be shown." % result._task.get_name()
        self._result_event("runner_on_failed", result, "fatal: [%s]: FAILED! %s" % (result._host.get_name(), msg),
                           ignore_errors=ignore_errors, msg=str(msg))

    def v2_runner_on_skipped(self, result):
        self._result_event("runner_on_skipped", result, "skipping: [%s]" % result._host.get_name())

    def v2_runner_on_unreachable(self, result):
        msg = result._result.get("msg", "")
        self._result_event("runner_on_unreachable", result, "fatal: [%s]: UNREACHABLE! %s" % (result._host.get_name(), msg), msg=str(msg))

    def v2_runner_item_on_ok(self, result):
        self._result_event("runner_item_on_ok", result, "ok: [%s] (item)" % result._host.get_name())

    def v2_runner_item_on_failed(self, result):
        self._result_event("runner_item_on_failed", result, "failed: [%s] (item)" % result._host.get_name())

    def v2_playbook_on_stats(self, stats):
        hosts = sorted(stats.processed.keys())
        summary = {h: stats.summarize(h) for h in hosts}
        custom = getattr(stats, "custom", {}) or {}
        self._emit(
            "playbook_on_stats",
            stdout="PLAY RECAP",
            hosts=summary,
            changed=any(s["changed"] for s in summary.values()),
            failed=any(s["failures"] or s["unreachable"] for s in summary.values()),
            artifact_data=_jsonable(custom.get("_run", {}), MAX_ARTIFACT_BYTES),
            per_host_artifacts=_jsonable({h: v for h, v in custom.items() if h != "_run"}),
        )
        if self._out is not None:
            self._out.flush()

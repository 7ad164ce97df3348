'use strict';
// Preloaded by tests/cli/threads.test.ts (NODE_OPTIONS=--require): wraps worker_threads' Worker
// so that each worker's script and the kinds of its last message are appended to
// $WATCH_WORKERS_LOG when it exits. Nothing in src/ knows of it.
const { appendFileSync } = require('node:fs');
const threads = require('node:worker_threads');

if (threads.isMainThread && process.env.WATCH_WORKERS_LOG) {
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(script, options) {
      super(script, options);
      let last = 'none';
      this.on('message', (message) => {
        if (message.kind !== 'progress') last = message.kind;
      });
      this.once('exit', () => appendFileSync(process.env.WATCH_WORKERS_LOG, `${script} ${last}\n`));
    }
  };
}

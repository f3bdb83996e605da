'use strict';
// A worker thread of the batch (piscina starts it): the worker bundle, run through the code
// cache of bin/load.cjs, which is written once the worker has built its first meeting (a partial
// one when that meeting had errors, replaced after the first that builds cleanly).
const { runBundle } = require('./load.cjs');

const { exports: bundle, save } = runBundle('worker', 'worker');

module.exports = async function buildInWorker(task) {
  const result = await bundle.default(task);
  save(!result.crashed && !result.diagnostics.some((problem) => problem.severity === 'error'));
  return result;
};

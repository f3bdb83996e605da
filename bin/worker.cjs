'use strict';
// A worker thread of the batch (piscina starts it): the worker bundle, run through the code
// cache of bin/load.cjs, which is written once the worker has built its first meeting.
const { runBundle } = require('./load.cjs');

const { exports: bundle, save } = runBundle('worker', 'worker');

module.exports = async function buildInWorker(task) {
  const result = await bundle.default(task);
  save();
  return result;
};

// First step of `npm start` and `npm test`: stop at once, saying what to install, when this Node.js is older
// than package.json's engines.node. Plain CommonJS without newer syntax, so that an old Node can run it.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, so that an old Node can run it */
'use strict';
var path = require('path');

/** ">=20.19" → [20, 19, 0]; any other form of range is a mistake in package.json. */
function minimumOf(range) {
  var match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(range).trim());
  if (!match) throw new Error('package.json engines.node must read ">=MAJOR.MINOR", not "' + range + '"');
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

/** The problem with running on Node `found` when package.json asks for `range`, or undefined when it fits. */
function nodeVersionProblem(found, range) {
  var wanted = minimumOf(range);
  var have = String(found).replace(/^v/, '').split('.').map(Number);
  for (var i = 0; i < 3; i += 1) {
    if ((have[i] || 0) > wanted[i]) return undefined;
    if ((have[i] || 0) < wanted[i]) {
      var minimum = wanted.join('.');
      return (
        'teamseat needs Node.js ' +
        minimum +
        ' or newer (package.json engines.node "' +
        range +
        '"); this is ' +
        found +
        '.\nInstall Node.js ' +
        wanted[0] +
        ' (' +
        minimum +
        ' or a later ' +
        wanted[0] +
        '.x) or a newer ' +
        'LTS, e.g. `nvm install ' +
        wanted[0] +
        '` or from https://nodejs.org/, then run the command again.'
      );
    }
  }
  return undefined;
}

module.exports = { nodeVersionProblem: nodeVersionProblem };

if (require.main === module) {
  var engines = require(path.join(__dirname, '..', 'package.json')).engines || {};
  var problem = nodeVersionProblem(process.versions.node, engines.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

#!/usr/bin/env node
// The `teamseat` command (npm links it as node_modules/.bin/teamseat); the code is built to dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS launcher of the built CommonJS entry
require('../dist/main.js');

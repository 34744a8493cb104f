#!/usr/bin/env node
// The `teamseat` command (npm links it as node_modules/.bin/teamseat); the code is built to dist/.
require('../dist/main.js');

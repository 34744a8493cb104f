// Runs the external tools the stack needs (java, mvn, go) and turns "not installed" and "failed" into
// one-line StackErrors that say what to install or where to look.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors.mjs';
import { tailFile } from './processes.mjs';

const INSTALL_HINTS = {
  java: 'install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless) and put `java` on PATH',
  mvn: 'install Maven 3.6+ (Debian: apt-get install maven) and put `mvn` on PATH',
  go: 'install Go 1.24+ (https://go.dev/dl/) and put `go` on PATH',
};

/** Fails with an install hint when `command` cannot be executed; returns its combined version output. */
export function requireCommand(command, versionArgs) {
  const result = spawnSync(command, versionArgs, { encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') {
    throw new StackError(`\`${command}\` was not found on PATH`, INSTALL_HINTS[command]);
  }
  if (result.error || result.status !== 0) {
    throw new StackError(`\`${command} ${versionArgs.join(' ')}\` failed`, INSTALL_HINTS[command]);
  }
  return `${result.stdout}${result.stderr}`;
}

export function requireJava() {
  const output = requireCommand('java', ['-version']);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 11) {
    throw new StackError(
      `Kafka 3.9 needs Java 11 or newer, found: ${output.split('\n')[0]}`,
      INSTALL_HINTS.java,
    );
  }
}

/**
 * Runs a build/download command with its output appended to `logFile`; rejects with `failure`
 * (a one-line description) plus the log tail when it exits non-zero.
 */
export function runLogged(command, args, { cwd, env, logFile, failure, hint }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  // One log per attempt ('w'), so the tail shown on failure is about this attempt only.
  const out = fs.openSync(logFile, 'w');
  fs.writeSync(out, `--- ${new Date().toISOString()}: ${command} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
    child.once('error', (error) => {
      fs.closeSync(out);
      reject(new StackError(`${failure}: ${error.message}`, hint));
    });
    child.once('exit', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      reject(
        new StackError(`${failure} (exit ${code ?? signal}), see ${logFile}`, hint, {
          logTail: tailFile(logFile, 15),
        }),
      );
    });
  });
}

#!/usr/bin/env node
// Prints the path of promtool from Debian's prometheus package of the pinned version, unpacking it first when it
// is not cached (debian-packages.mjs: downloaded, never installed). Override with PROMTOOL=/path/to/promtool.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './debian-packages.mjs';

export const PROMETHEUS_DEBIAN_VERSION = '2.42.0+ds-5+deb12u1';

export function ensurePromtool({ log = (line) => console.error(line) } = {}) {
  const dir = ensureDebianPackages({
    dir: `prometheus-${PROMETHEUS_DEBIAN_VERSION}`,
    marker: 'usr/bin/promtool',
    packages: { prometheus: PROMETHEUS_DEBIAN_VERSION },
    log,
  });
  return path.join(dir, 'usr/bin/promtool');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(
      process.env.PROMTOOL || ensurePromtool({ log: (line) => console.error(`ensure-promtool: ${line}`) }),
    );
  } catch (error) {
    console.error(`ensure-promtool: ${error.message}`);
    process.exit(1);
  }
}

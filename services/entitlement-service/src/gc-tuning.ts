import { setFlagsFromString } from 'node:v8';

// Imported first by main.ts, before anything else allocates. V8's allocation-site pretenuring, when it
// decides that objects from some literal survive often enough, allocates them straight in old space from
// then on; in about half of the benchmark's processes that decision made every CheckAccess call's objects
// survive young-generation collections (2 MB promoted per scavenge instead of 0.2 MB, and 3-7 full
// collections in 20 s instead of 0-2), and p99 at 1,000 calls/s went from about 2 ms to 6-17 ms. Turned
// off, no process showed it (ADR 0011). The flag is set here, not on the command line, so every way of
// starting the service (npm start, the image, the benchmarks, the tests) runs with it.
setFlagsFromString('--no-allocation-site-pretenuring');

// Old space may grow to 2.5 times what the last full collection kept (V8 picks 1.1-4 from its own figures,
// here about 1.5): full collections come a third as often, each longer, for up to about 70 MB more heap. A
// full collection stalls every CheckAccess call for 15-30 ms; at 1,000 calls/s, two in a 10 s window were
// enough for a p99 over 5 ms, while the paced turns with this setting saw none (ADR 0012).
setFlagsFromString('--heap-growing-percent=150');

/**
 * Where new ids come from. Injected, so that the rules stay deterministic under test; the emulator's own
 * source is adapters/random-ids.ts. The formats built from these (`emu_…`, the 32-digit grant ids) stay
 * with the rules that build them.
 */
export interface IdSource {
  /** A random UUID, as webhook event ids are. */
  uuid(): string;
  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string;
}

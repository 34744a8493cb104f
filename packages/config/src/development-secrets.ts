import { z } from 'zod';

/**
 * The secrets this repository publishes for local use (`npm start`, Compose's dev.env, the README). Anyone can
 * read them, so a production process refuses to run with one (docs/adr/0032).
 */
export const DEVELOPMENT_SECRETS: readonly string[] = [
  'Bearer local-dev-webhook-secret',
  'local-dev-webhook-secret',
  'local-dev-internal-token',
  'local-dev-app-token',
  'sk_local_emulator_key',
];

/** A secret variable after parsing: one value, a list (comma-separated tokens) or unset. */
type SecretValue = string | readonly string[] | undefined;

/**
 * For a service schema's superRefine: with NODE_ENV=production, each of `keys` holding a development secret
 * is a problem naming the variable (the value itself is never repeated).
 */
export function refuseDevelopmentSecrets(keys: readonly string[]) {
  return (config: Record<string, unknown> & { NODE_ENV: string }, ctx: z.RefinementCtx): void => {
    if (config.NODE_ENV !== 'production') return;
    for (const key of keys) {
      const value = config[key] as SecretValue;
      const values = value === undefined ? [] : typeof value === 'string' ? [value] : value;
      if (!values.some((v) => DEVELOPMENT_SECRETS.includes(v.trim()))) continue;
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [key],
        message:
          'holds a development value published in this repository; set a secret of your own for NODE_ENV=production',
      });
    }
  };
}

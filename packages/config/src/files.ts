import fs from 'node:fs';
import { z } from 'zod';

/** A path to a readable file, checked when the configuration is read: a typo fails start-up, naming the variable. */
export const existingFile = () =>
  z
    .string()
    .min(1)
    .refine(
      (file) => {
        try {
          fs.accessSync(file, fs.constants.R_OK);
          return fs.statSync(file).isFile();
        } catch {
          return false;
        }
      },
      (file) => ({ message: `no readable file at ${file}` }),
    );

/** A secret read from a file (a mounted Secret): the trailing newline editors and `echo` add is not part of it. */
export const readSecretFile = (file: string): string => fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');

/** A `true`/`false` variable; anything else is refused rather than read as false. */
export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

import type { Command } from 'commander';
import { positiveInt, withJson, type CliContext } from '../context';
import { CliError } from '../errors';
import { fields, table, when } from '../output';
import { createProgress } from '../progress';
import { parseTime, type DeadLetter, type DeadLetterFilter } from '../dead-letters/dead-letter';
import { createDeadLetterStore } from '../dead-letters/dead-letter-store';

interface FilterOptions {
  topic?: string;
  since?: string;
  until?: string;
  reason?: string;
  user?: string;
  limit: number;
  json?: boolean;
}

const withFilters = (command: Command): Command =>
  withJson(
    command
      .option('--topic <topic>', 'the topic (or its .dlq topic); default: every .dlq topic')
      .option('--since <time>', 'failed at or after: ISO 8601 time or a duration back from now (30m, 2h, 7d)')
      .option('--until <time>', 'failed before: ISO 8601 time or a duration back from now')
      .option('--reason <code>', 'only this error reason (the error-code header, e.g. NOT_A_WEBHOOK)')
      .option('--user <user-id>', 'only records of this user (record key or the webhook app_user_id)')
      .option('--limit <n>', 'at most this many', positiveInt, 1_000),
  );

function filterOf(options: FilterOptions, nowMs: number): DeadLetterFilter {
  try {
    return {
      sinceMs: options.since === undefined ? undefined : parseTime('--since', options.since, nowMs),
      untilMs: options.until === undefined ? undefined : parseTime('--until', options.until, nowMs),
      reason: options.reason,
      user: options.user,
    };
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

const letterRows = (letters: DeadLetter[]) =>
  table(
    ['id', 'failed at', 'reason', 'key', 'original topic', 'error'],
    letters.map((l) => [
      l.id,
      when(l.failedAt),
      l.reason || '-',
      l.key ?? '-',
      l.originalTopic,
      l.error.slice(0, 60),
    ]),
  );

export function registerDlq(program: Command, context: CliContext): void {
  const dlq = program
    .command('dlq')
    .description('dead letters: messages that can never succeed (`<topic>.dlq`)');
  const store = () => {
    const { kafkaBrokers, timeoutMs } = context.connection();
    return createDeadLetterStore({ brokers: kafkaBrokers, timeoutMs, logLevel: context.logLevel });
  };

  withFilters(
    dlq.command('list').description('dead letters, filtered by topic, time, reason or user'),
  ).action(async (options: FilterOptions) => {
    const letters = await store().list(options.topic, filterOf(options, Date.now()), options.limit);
    context.output.emit(options, letters, (rows) => `${letterRows(rows)}\n${rows.length} dead letters`);
  });

  withJson(
    dlq
      .command('show')
      .description('one dead letter whole: key, headers and value')
      .argument('<id>', 'its id as dlq list prints it: <topic>.dlq:<partition>:<offset>'),
  ).action(async (id: string, options: { json?: boolean }) => {
    const letter = await store().show(id);
    context.output.emit(options, letter, (l) =>
      [
        fields([
          ['id', l.id],
          ['key', l.key ?? '-'],
          ['original topic', l.originalTopic],
          ['reason', l.reason || '-'],
          ['error', l.error || '-'],
          ['failed at', when(l.failedAt)],
          ['attempts', l.attempts],
        ]),
        table(['header', 'value'], Object.entries(l.headers)),
        l.value.toString(),
      ].join('\n'),
    );
  });

  withFilters(
    dlq
      .command('replay')
      .description('send dead letters back to their original topic, marked as replayed')
      .argument('[ids...]', 'ids as dlq list prints them (or select with the filters)')
      .option('--dry-run', 'list what would be replayed and produce nothing')
      .option('--progress', 'draw the progress bar even when stderr is not a terminal'),
  ).action(async (ids: string[], options: FilterOptions & { dryRun?: boolean; progress?: boolean }) => {
    if (ids.length === 0 && options.topic === undefined)
      throw new CliError(
        'dlq replay: name the dead letters (ids) or select them with --topic and the filters',
      );
    const dead = store();
    const letters: DeadLetter[] = [];
    for (const id of ids) letters.push(await dead.show(id));
    if (ids.length === 0)
      letters.push(...(await dead.list(options.topic, filterOf(options, Date.now()), options.limit)));
    if (!options.dryRun) {
      const bar = createProgress({
        label: 'replaying',
        enabled: options.progress === true || (context.interactive && !options.json),
        forced: options.progress === true,
      });
      bar.update(0, letters.length);
      try {
        await dead.replay(letters, (done) => bar.update(done, letters.length), Date.now);
      } finally {
        bar.stop();
      }
    }
    const summary = {
      dryRun: options.dryRun === true,
      replayed: options.dryRun ? 0 : letters.length,
      letters: letters.map(({ id, key, originalTopic, reason }) => ({ id, key, originalTopic, reason })),
    };
    context.output.emit(options, summary, (s) =>
      [
        table(
          ['id', 'key', 'to topic', 'reason'],
          s.letters.map((l) => [l.id, l.key ?? '-', l.originalTopic, l.reason || '-']),
        ),
        s.dryRun
          ? `dry run: ${s.letters.length} dead letters would be replayed; nothing was sent`
          : `${s.replayed} dead letters replayed`,
      ].join('\n'),
    );
  });
}

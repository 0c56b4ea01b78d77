// Expected failures: GraphQL errors with a code, raised before any database call where possible.
import { GraphQLError } from 'graphql';
import { type DateInterval, parseDateArgument } from '../dates.ts';
import type { EntityType } from '../model.ts';
import { ID_PATTERN } from '../seed/format.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function invalidArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument "${argument}": ${message}`, {
    extensions: { code: 'INVALID_ARGUMENT', argument },
  });
}

const prefixes: Record<string, EntityType> = {
  person: 'Person',
  institution: 'Institution',
  document: 'Document',
  meeting: 'Meeting',
  event: 'Event',
  place: 'Place',
};

/** The type an id names by its prefix ("person/…" → Person); only for ids already checked or stored. */
export function typeOfId(id: string): EntityType {
  return prefixes[id.slice(0, id.indexOf('/'))] as EntityType;
}

/** Parses a date argument (YYYY, YYYY-MM or YYYY-MM-DD) into its interval, or INVALID_ARGUMENT. */
export function dateArgument(argument: string, value: string): DateInterval {
  const interval = parseDateArgument(value);
  if (!interval)
    throw invalidArgument(argument, `"${value}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`);
  return interval;
}

/** Checks an id's form and, when `expected` is given, that it names that type. Returns its type. */
export function checkId(id: string, argument = 'id', expected?: EntityType): EntityType {
  if (!ID_PATTERN.test(id)) {
    throw new GraphQLError(
      `Malformed id "${id.slice(0, 100)}": ids look like "person/deng-xiaoping" (a type, a slash, lowercase words joined by hyphens).`,
      { extensions: { code: 'INVALID_ID', argument } },
    );
  }
  const type = typeOfId(id);
  if (expected && type !== expected) {
    throw new GraphQLError(`The id "${id}" names a ${type}, not a ${expected}.`, {
      extensions: { code: 'WRONG_ID_TYPE', argument, expected, actual: type },
    });
  }
  return type;
}

export function notFound(id: string): GraphQLError {
  return new GraphQLError(`No entity has the id "${id}".`, { extensions: { code: 'NOT_FOUND', id } });
}

export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** Validates first/after and turns them into an offset and a limit. */
export function pageWindow(args: PageArgs): { offset: number; limit: number } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw invalidArgument('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  let offset = 0;
  if (args.after != null) {
    const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
    const m = /^offset:(\d{1,9})$/.exec(decoded);
    if (!m || encodeCursor(Number(m[1])) !== args.after) {
      throw new GraphQLError(
        `Invalid cursor "${args.after.slice(0, 100)}": pass an endCursor or edge cursor from an earlier page.`,
        {
          extensions: { code: 'INVALID_CURSOR', argument: 'after' },
        },
      );
    }
    offset = Number(m[1]) + 1;
  }
  return { offset, limit: first };
}

// Creates the Pothos SchemaBuilder; defines no types (they live one per module under schema/).
// The complexity plugin holds every operation to a cost budget before its first resolver runs:
// each field costs 1, a list multiplies what it selects by 3, a paged field by its `first`
// (see `pagedComplexity` in schema/connection.ts), and a refusal is QUERY_TOO_COSTLY (HTTP 400).
// The scope-auth plugin checks the role a mutation needs (src/auth/roles.ts) before it runs.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import { hasRole, type Role, requireRole } from './auth/roles.ts';
import type { Context } from './context.ts';
import { QueryLimitError } from './errors.ts';
import { LIST_COST_MULTIPLIER, MAX_COMPLEXITY } from './limits.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: { ID: { Input: string; Output: string }; DateTime: { Input: string; Output: string } };
  AuthScopes: { role: Role };
}>({
  // federation last: after the plugins that wrap resolvers (its README); keys in schema/federation.ts
  plugins: [ScopeAuthPlugin, ComplexityPlugin, DirectivesPlugin, FederationPlugin],
  // Fields that need a role say `authScopes: { role: 'editor' }`; a request without a key gets
  // UNAUTHENTICATED, a key without the role FORBIDDEN (src/auth/roles.ts), before the resolver runs.
  scopeAuth: {
    authScopes: (ctx) => ({ role: (needed) => hasRole(ctx.principal, needed) }),
    unauthorizedError: (_parent, ctx, _info, result) => {
      // throws the coded error; returning would mean a failure of a scope other than `role`
      requireRole(ctx.principal, neededRole(result.failure));
      return new Error('unauthorized');
    },
  },
  defaultFieldNullability: false,
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: LIST_COST_MULTIPLIER,
    limit: { complexity: MAX_COMPLEXITY },
    complexityError: (_kind, { complexity, maxComplexity }) =>
      new QueryLimitError(
        `The operation would cost ${complexity} (each field 1, lists and pages multiplied by their size); the budget is ${maxComplexity}. Ask for smaller pages or fewer fields.`,
        'QUERY_TOO_COSTLY',
        { cost: complexity, limit: maxComplexity ?? MAX_COMPLEXITY },
        400,
      ),
  },
});

/** The role a failed `role` scope asked for (the only scope the schema uses). */
function neededRole(failure: AuthFailure): Role {
  if ('parameter' in failure && (failure.parameter === 'editor' || failure.parameter === 'admin'))
    return failure.parameter;
  if ('failures' in failure && failure.failures[0]) return neededRole(failure.failures[0]);
  return 'admin';
}

builder.queryType({
  description:
    'Questions you can ask of the graph: look up an actor, institution, meeting or document by id, browse them in pages, or search by name.',
});

builder.mutationType({
  description:
    'Edits of the graph, each needing an API key with a role (`Authorization: Bearer <key>`; the role is named in each field) and a message saying why. Every edit is recorded (`changes`, `Entity.history`).',
});

/** The builder's type map, for helpers that take refs (ObjectRef<BuilderTypes, Shape>). */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

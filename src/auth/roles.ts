// Who may do what: the roles an API key carries and the principal a request runs as. A leaf that the
// builder (scopes), the context and the key store share. Reading is public unless READS_REQUIRE_KEY.
//   editor  may change entities (updateEntity, mergeEntities)
//   admin   may do what an editor may, and withdraw documents (retractDocument)
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

export const ROLES = ['editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The key a request authenticated with: its id (shown in the audit trail) and its role. Never the key. */
export interface Principal {
  keyId: string;
  role: Role;
}

/** Roles each role includes (admin ⊇ editor). */
const INCLUDES: Record<Role, readonly Role[]> = { editor: ['editor'], admin: ['admin', 'editor'] };

/** Whether a principal may act in a role. */
export function hasRole(principal: Principal | null, needed: Role): boolean {
  return principal !== null && INCLUDES[principal.role].includes(needed);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Checks that a principal may act in a role: UNAUTHENTICATED without one, FORBIDDEN without the role. */
export function requireRole(principal: Principal | null, role: Role): Principal {
  if (!principal)
    throw new UnauthenticatedError(
      `This needs an API key with the ${role} role: send \`Authorization: Bearer <key>\`.`,
    );
  if (!hasRole(principal, role))
    throw new ForbiddenError(
      `The key "${principal.keyId}" has the ${principal.role} role; this needs the ${role} role.`,
      { keyId: principal.keyId, role: principal.role, needs: role },
    );
  return principal;
}

import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Link from '@material-ui/core/Link';
import type { RoleHolder } from '../../hooks/useRoleHolders';

/**
 * The catalog users holding `role` (with e-mail when `withEmail`), or the
 * role name when nobody in the catalog holds it.
 */
export function RoleHolders(props: {
  role: string;
  holders: Map<string, RoleHolder[]>;
  withEmail?: boolean;
}) {
  const { role, holders, withEmail } = props;
  const users = holders.get(role) ?? [];
  if (users.length === 0) {
    return <span data-testid={`role-${role}`}>{role}</span>;
  }
  return (
    <span data-testid={`role-${role}`}>
      {users.map((user, i) => (
        <span key={user.ref}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={user.ref} defaultKind="user" />
          {withEmail && user.email && (
            <>
              {' '}
              (<Link href={`mailto:${user.email}`}>{user.email}</Link>)
            </>
          )}
        </span>
      ))}
    </span>
  );
}

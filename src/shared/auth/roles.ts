import { registerEnumType } from 'type-graphql';

/** Platform roles. USER is implied for every account; the others are granted. */
export enum Role {
  USER = 'USER',
  DEVELOPER = 'DEVELOPER',
  REVIEWER = 'REVIEWER',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'Platform roles; USER is held by every account' });

export enum OrgRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}
registerEnumType(OrgRole, { name: 'OrgRole' });

export enum UpgradePolicy {
  AUTOMATIC = 'AUTOMATIC',
  MANUAL = 'MANUAL',
}
registerEnumType(UpgradePolicy, {
  name: 'UpgradePolicy',
  description: 'AUTOMATIC: compatible releases move installations; MANUAL: every release becomes an offer',
});

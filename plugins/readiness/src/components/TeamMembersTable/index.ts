export { TeamMembersTable } from './TeamMembersTable';

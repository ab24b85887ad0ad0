export { CheckStandingsTable } from './CheckStandingsTable';

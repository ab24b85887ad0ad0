export {
  EntityReadinessLink,
  useEntityReadinessLink,
} from './EntityReadinessLink';

export { SafeMarkdown } from './SafeMarkdown';

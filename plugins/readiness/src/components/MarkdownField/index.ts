export { MarkdownField } from './MarkdownField';

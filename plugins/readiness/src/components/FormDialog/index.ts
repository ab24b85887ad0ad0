export { FormDialog } from './FormDialog';
export { useFormSubmit } from './useFormSubmit';

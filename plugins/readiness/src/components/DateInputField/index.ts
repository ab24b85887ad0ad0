export { DateInputField } from './DateInputField';
export { useDateError } from './useDateError';

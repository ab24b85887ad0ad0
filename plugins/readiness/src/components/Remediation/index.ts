export { Remediation } from './Remediation';

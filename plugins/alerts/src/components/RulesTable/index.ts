export { RulesTable } from './RulesTable';

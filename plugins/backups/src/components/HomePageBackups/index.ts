export { HomePageBackups } from './HomePageBackups';

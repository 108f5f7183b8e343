export { EntityStatusStrip } from './EntityStatusStrip';

export { EntityPicker, EntitiesPicker } from './EntityPicker';

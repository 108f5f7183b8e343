import { renderService } from '../builders/renderService';
import { Layer } from '../layers';

/** A lint-clean service's objects, as mutable plain JSON, for tests that break one thing. */
export function cleanService(layer: Layer = 'api', name = 'svc'): any[] {
  return JSON.parse(JSON.stringify(renderService({ name, layer })));
}

export const kindOf = (objects: any[], kind: string) =>
  objects.find(o => o.kind === kind);

export const podOf = (objects: any[]) =>
  kindOf(objects, 'Deployment').spec.template.spec;

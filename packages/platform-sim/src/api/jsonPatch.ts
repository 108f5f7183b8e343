/**
 * RFC 6902 JSON patch (add, remove, replace, move, copy, test) with
 * `fast-json-patch`; its errors become the simulator's 400 BadRequest texts.
 */
import { applyPatch, JsonPatchError, Operation } from 'fast-json-patch';
import { badRequest } from './status';

type RawOperation = { op?: unknown; path?: unknown; from?: unknown };

function messageOf(e: InstanceType<typeof JsonPatchError>): string {
  const op = (e.operation ?? {}) as RawOperation;
  const index = String(op.path ?? '')
    .split('/')
    .pop();
  switch (e.name) {
    case 'OPERATION_NOT_AN_OBJECT':
      return 'json patch operations need "op" and "path"';
    case 'OPERATION_PATH_INVALID':
      return typeof op.path === 'string'
        ? `invalid JSON pointer "${op.path}"`
        : 'json patch operations need "op" and "path"';
    case 'OPERATION_OP_INVALID':
      return typeof op.op === 'string'
        ? `json patch: unknown op "${op.op}"`
        : 'json patch operations need "op" and "path"';
    case 'OPERATION_PATH_CANNOT_ADD':
    case 'OPERATION_PATH_UNRESOLVABLE':
      return `json patch ${op.op}: path ${op.path} does not exist`;
    case 'OPERATION_FROM_UNRESOLVABLE':
    case 'OPERATION_FROM_REQUIRED':
      return `json patch ${op.op}: path ${op.from} does not exist`;
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return `json patch: index ${index} out of range`;
    case 'TEST_OPERATION_FAILED':
      return `json patch test failed at ${op.path}`;
    default:
      return `json patch ${op.op}: ${e.message}`;
  }
}

/** `doc` with `ops` applied (`doc` itself is not changed). */
export function applyJsonPatch(doc: unknown, ops: unknown[]): any {
  try {
    return applyPatch(doc, ops as Operation[], true, false).newDocument;
  } catch (e) {
    if (e instanceof JsonPatchError) throw badRequest(messageOf(e));
    throw e;
  }
}

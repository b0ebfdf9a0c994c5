// Errors shaped like Office.js's OfficeExtension.Error (name "RichApi.Error", a code, debugInfo),
// so code written for Excel handles the simulator's failures the same way.

export type SimErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidObjectPath'
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'UndoNotSupported'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'GeneralException';

export class SimError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: SimErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, on: string): SimError {
  // Office.js's own wording, so tests read like the real failure.
  return new SimError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${on}.${property})`,
    `${on}.${property}`,
  );
}

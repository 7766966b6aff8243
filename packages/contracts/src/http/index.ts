export * from './problem-handler.js';
export * from './request-id.js';
export * from './bearer-auth.js';
export * from './openapi.js';
export * from './negotiate.js';
export * from './listen.js';

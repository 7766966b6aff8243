export * from './free-port.js';
export * from './wait-for.js';
export * from './temp-dir.js';
export * from './child.js';
export * from './redis.js';
export * from './drover-bin.js';

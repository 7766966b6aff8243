#!/usr/bin/env node
// The built CLI. In a checkout, `node --conditions=development --import tsx packages/cli/src/main.ts`
// runs the same thing from source.
import { run } from '../dist/main.js';

await run(process.argv);

#!/usr/bin/env node
// Runs the TypeScript CLI straight from the repository (tsx compiles on the fly), so `npx herald`
// works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { validateConfig, DroverError } from '@drover/contracts';
import { specPath } from '@drover/contracts/http';
import { programSpecSchema, supervisorConfigSchema } from './schema.js';
import { normalizeSpec } from './program-spec.js';
import { expandInstances } from './instances.js';

interface SpecDoc {
  components: { schemas: { ProgramSpec: { properties: Record<string, unknown> } } };
}

describe('supervisor config schema', () => {
  it('knows the same program fields as openapi/supervisor.yaml', () => {
    const doc = parse(readFileSync(specPath('supervisor'), 'utf8')) as SpecDoc;
    const fromSpec = Object.keys(doc.components.schemas.ProgramSpec.properties).sort();
    assert.deepEqual(Object.keys(programSpecSchema.properties).sort(), fromSpec);
  });

  it('fills defaults and names a bad field by its dotted path', () => {
    const ok = validateConfig<{ listen: string; programs: object }>(
      { root: '/tmp/x', token_sha256: 'a'.repeat(64) },
      supervisorConfigSchema,
    );
    assert.equal(ok.listen, '127.0.0.1:7701');
    assert.deepEqual(ok.programs, {});
    assert.throws(
      () =>
        validateConfig(
          {
            root: '/tmp/x',
            token_sha256: 'a'.repeat(64),
            programs: { web: { command: 'x', autorestart: 'sometimes' } },
          },
          supervisorConfigSchema,
        ),
      (err: unknown) =>
        err instanceof DroverError && err.message.includes('programs.web.autorestart'),
    );
  });

  it('normalizes a spec: string commands exec through sh, defaults, units', () => {
    const spec = normalizeSpec('web', { command: 'sleep 5', stop_timeout: '500ms' }, '/srv');
    assert.deepEqual(spec.argv, ['/bin/sh', '-c', 'exec sleep 5']);
    assert.equal(spec.stopTimeoutMs, 500);
    assert.equal(spec.startSecsMs, 1000);
    assert.equal(spec.autorestart, 'unexpected');
    assert.deepEqual(spec.backoff, { initialMs: 1000, factor: 2, maxMs: 60_000 });
    assert.equal(spec.directory, '/srv');
    assert.equal(normalizeSpec('x', { command: ['a'], umask: '027' }, '/').umask, 0o027);
  });

  it('expands instances into <name>.<n>', () => {
    assert.deepEqual(
      expandInstances('web', { command: 'x', instances: 2 }).map((e) => [e.name, e.extraEnv]),
      [
        ['web.1', { DROVER_INSTANCE: '1' }],
        ['web.2', { DROVER_INSTANCE: '2' }],
      ],
    );
    assert.deepEqual(
      expandInstances('web', { command: 'x' }).map((e) => e.name),
      ['web'],
    );
  });
});

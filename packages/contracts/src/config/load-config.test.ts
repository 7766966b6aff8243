import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, durationSchema } from './load-config.js';
import { isConfigError } from '../errors/catalogue.js';
import { tempDir } from '../testing/temp-dir.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    listen: { type: 'string', default: '127.0.0.1:7700' },
    timeout: durationSchema,
    tokens: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' }, scopes: { type: 'array' } },
      },
    },
  },
};

test('a config file is read, defaulted and overridden', () => {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'c.yaml');
    writeFileSync(file, 'timeout: 5s\ntokens:\n  - name: ci\n');
    const c = loadConfig<{ listen: string; timeout: string; tokens: unknown[] }>(file, schema, {
      listen: '127.0.0.1:9',
    });
    assert.equal(c.listen, '127.0.0.1:9');
    assert.equal(c.timeout, '5s');
    assert.equal(c.tokens.length, 1);
    const d = loadConfig<{ listen: string }>(file, schema);
    assert.equal(d.listen, '127.0.0.1:7700');
  } finally {
    dir.remove();
  }
});

test('a bad field is named by its path', () => {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'c.yaml');
    writeFileSync(file, 'tokens:\n  - name: ci\n    scope: [read]\n');
    assert.throws(
      () => loadConfig(file, schema),
      (e: unknown) =>
        isConfigError(e) && /tokens\.0\.scope: is not a known setting/.test(e.message),
    );
    writeFileSync(file, 'timeout: forever\n');
    assert.throws(
      () => loadConfig(file, schema),
      (e: unknown) => isConfigError(e) && e.message.startsWith('timeout:'),
    );
    writeFileSync(file, 'a: [\n');
    assert.throws(
      () => loadConfig(file, schema),
      (e: unknown) => isConfigError(e) && /not valid YAML/.test(e.message),
    );
    assert.throws(() => loadConfig(join(dir.path, 'missing.yaml'), schema), /cannot read/);
  } finally {
    dir.remove();
  }
});

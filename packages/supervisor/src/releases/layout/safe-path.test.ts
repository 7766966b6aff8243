import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRelativePath, isInside, resolveInside } from './safe-path.js';

describe('safe paths', () => {
  it('accepts relative paths that stay inside, normalizing a trailing slash', () => {
    assert.equal(checkRelativePath('p', 'config/db.yml'), 'config/db.yml');
    assert.equal(checkRelativePath('p', 'log/'), 'log');
    assert.equal(resolveInside('/srv/a', 'x/y'), '/srv/a/x/y');
    assert.ok(isInside('/srv/a', '/srv/a/b'));
    assert.ok(!isInside('/srv/a', '/srv/ab'));
  });

  it('refuses absolute paths, . and .. components, empty components, the root itself', () => {
    for (const bad of ['/etc/passwd', '../x', 'a/../../x', './a', 'a//b', '', 'a/.', 'a\0b']) {
      assert.throws(() => checkRelativePath('p', bad), /must be relative/, bad);
    }
    assert.throws(() => resolveInside('/srv/a', '../b'), /must be relative/);
    assert.throws(() => resolveInside('/srv/a', '.'), /must be relative/);
  });
});

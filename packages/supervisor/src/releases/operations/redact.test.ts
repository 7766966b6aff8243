import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactUrlCredentials, secretRedactor } from './redact.js';

describe('redaction of the operation output', () => {
  it('blanks secret-looking variables and URL passwords, leaves the rest', () => {
    const redact = secretRedactor({
      SECRET_TOKEN: 'hunter2-very-secret',
      DATABASE_URL: 'postgres://app:pw@db/app',
      APP_ENV: 'production',
      API_KEY: 'abc', // too short to blank safely
    });
    assert.equal(
      redact('token=hunter2-very-secret env=production'),
      'token=[redacted] env=production',
    );
    assert.equal(redact('db postgres://app:pw@db/app'), 'db [redacted]');
    assert.equal(
      redactUrlCredentials('git clone https://bot:s3cr3t@example.com/r.git'),
      'git clone https://bot:[redacted]@example.com/r.git',
    );
    assert.equal(redactUrlCredentials('file:///srv/app.git'), 'file:///srv/app.git');
  });
});

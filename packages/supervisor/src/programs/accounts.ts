import { execFileSync } from 'node:child_process';
import type { ProgramSpec } from '../config/program-spec.js';
import { supervisorErrors } from '../errors.js';

/** The identity a program runs as when `user` / `group` are set. */
export interface Account {
  user: string;
  uid: number;
  gid: number;
  home: string;
}

function getent(db: 'passwd' | 'group', key: string): string[] | undefined {
  try {
    const line = execFileSync('getent', [db, '--', key], { encoding: 'utf8' }).split('\n')[0];
    return line?.split(':');
  } catch {
    return undefined;
  }
}

/**
 * Resolves `user` / `group` through NSS (`getent`), like setuidgid. Node's spawn sets uid and
 * gid but drops supplementary groups. Not being root is a clear error, not a silent run as self.
 */
export function resolveAccount(
  name: string,
  spec: Pick<ProgramSpec, 'user' | 'group'>,
  isRoot: boolean,
): Account | undefined {
  if (spec.user === undefined && spec.group === undefined) return undefined;
  if (!isRoot) throw supervisorErrors.needsRoot(name, spec.user !== undefined ? 'user' : 'group');
  let account: Account = { user: 'root', uid: 0, gid: 0, home: '/root' };
  if (spec.user !== undefined) {
    const pw = getent('passwd', spec.user);
    if (pw === undefined || pw.length < 7) throw supervisorErrors.unknownUser(name, spec.user);
    account = {
      user: pw[0] ?? spec.user,
      uid: Number(pw[2]),
      gid: Number(pw[3]),
      home: pw[5] ?? '/',
    };
  }
  if (spec.group !== undefined) {
    const gr = getent('group', spec.group);
    if (gr === undefined || gr.length < 3) throw supervisorErrors.unknownUser(name, spec.group);
    account = { ...account, gid: Number(gr[2]) };
  }
  return account;
}

import path from 'node:path';
import { InputError } from '../errors';
import { writeTempFiles } from '../testUtils';
import { statInput } from './statInput';

describe('statInput', () => {
  it('gives the stats of a file or directory', () => {
    const dir = writeTempFiles({ 'a.yaml': 'x' });
    expect(statInput('a.yaml', path.join(dir, 'a.yaml')).isFile()).toBe(true);
    expect(statInput('.', dir).isDirectory()).toBe(true);
  });

  it('says in plain words why it cannot, naming the path as given', () => {
    const dir = writeTempFiles({});
    const missing = () => statInput('missing', path.join(dir, 'missing'));
    expect(missing).toThrow(InputError);
    expect(missing).toThrow('cannot read missing: no such file or directory');
  });
});

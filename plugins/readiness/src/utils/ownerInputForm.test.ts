import { responseError } from '../__testUtils__/fixtures';
import { errorMessage, isHttpUrl } from './ownerInputForm';

// eslint-disable-next-line no-script-url -- a script URL is what must be refused
const SCRIPT_URL = 'javascript:alert(1)';

describe('ownerInputForm', () => {
  it.each([
    ['https://tickets.example.com/OPS-1', true],
    ['http://wiki.example.com', true],
    [SCRIPT_URL, false],
    ['ftp://files.example.com', false],
    ['tickets.example.com/OPS-1', false],
  ])('takes %j as a link: %j', (value, valid) => {
    expect(isHttpUrl(value)).toBe(valid);
  });

  it("says what went wrong in the backend's words", async () => {
    expect(
      errorMessage(await responseError(409, 'The exemption is not pending')),
    ).toBe('The exemption is not pending');
    expect(errorMessage(new Error('Network down'))).toBe('Network down');
  });
});

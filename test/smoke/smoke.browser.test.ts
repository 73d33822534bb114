import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

describe('smoke', () => {
  it('types into an input', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await sendKeys({ type: 'ab c' });
    expect(input.value).to.equal('ab c');
    input.remove();
  });
});

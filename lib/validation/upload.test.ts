import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chosenFile, readPayload } from './upload';

const form = (file?: File) => {
  const data = new FormData();
  if (file) data.set('file', file);
  return data;
};

describe('the file a form sent', () => {
  it('is none when no file was chosen, whatever the browser names the empty part', () => {
    expect(chosenFile(form()).kind).toBe('none');
    for (const name of ['', 'blob', 'undefined']) expect(chosenFile(form(new File([], name))).kind).toBe('none');
  });
  it('is empty when a chosen file has no bytes, and the file otherwise', () => {
    expect(chosenFile(form(new File([], 'minutes.pdf'))).kind).toBe('empty');
    const chosen = chosenFile(form(new File(['text'], 'minutes.txt')));
    expect(chosen.kind === 'file' && chosen.file.name).toBe('minutes.txt');
  });
});

describe('a preview’s payload coming back', () => {
  const schema = z.array(z.object({ on: z.string() })).max(2);
  it('is the checked value, or null when it is not JSON or not what the preview gave', () => {
    expect(readPayload('[{"on":"2018-09-27"}]', schema)).toEqual([{ on: '2018-09-27' }]);
    expect(readPayload('not json', schema)).toBeNull();
    expect(readPayload('[{},{},{}]', schema)).toBeNull();
    expect(readPayload('['.repeat(10_000), schema)).toBeNull();
  });
});

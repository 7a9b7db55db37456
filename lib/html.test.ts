import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html';

describe('html template', () => {
  it('escapes every interpolated value, in text and in quoted attributes', () => {
    const evil = `<script>alert("x")</script> & 'quote'`;
    expect(html`<td title="${evil}">${evil}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39;</td>',
    );
    expect(html`<p>${'" onmouseover="alert(1)'}</p>`.value).not.toContain('" onmouseover');
  });

  it('keeps nested fragments and arrays of them, and drops null, undefined and false', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('leaves text with nothing to escape as it is, right-to-left and control characters included', () => {
    const text = 'مرحبا \u202e 1 May 2018 \u0007';
    expect(escapeHtml(text)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { escapeHtml, html, packHtml, unpackHtml } from './html';

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

  it('escapes the two characters packHtml uses, so a value can never pose as markup once unpacked', () => {
    expect(escapeHtml('a~script^b')).toBe('a&#126;script&#94;b');
  });
});

describe('packHtml and unpackHtml', () => {
  const values = [`<script>alert("x")</script> & 'quote'`, 'مرحبا \u202e \u0007', '~img src=x onerror=alert(1)^', '=SUM(A1:A2)', '–'];
  const markup = html`<tr data-x='${values[0]}'><td>${values}</td>${values.map((v) => html`<td><strong class='t'>${v}</strong>`)}<br></tr>`.value;

  it('packs markup with no < or > left, and unpacks it to exactly what was packed', () => {
    const packed = packHtml(markup);
    expect(packed).not.toMatch(/[<>]/);
    expect(unpackHtml(packed)).toBe(markup);
  });

  it('unpacks a value that held the private-use characters to its character references, not to markup', () => {
    const unpacked = unpackHtml(packHtml(markup));
    expect(unpacked).toContain('&#126;img src=x onerror=alert(1)&#94;');
    expect(unpacked).not.toContain('<img');
  });
});

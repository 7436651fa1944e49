import { describe, expect, it } from 'vitest';
import { bundleMarkdown, demoteHeadings } from '../../src/lab/bundle.js';

describe('demoteHeadings', () => {
  it('moves headings down', () => {
    expect(demoteHeadings('# T\n\n## A\n\ntext # not a heading\n')).toBe('## T\n\n### A\n\ntext # not a heading\n');
  });

  it('skips code blocks', () => {
    expect(demoteHeadings('```\n# comment\n```\n# T\n')).toBe('```\n# comment\n```\n## T\n');
  });
});

describe('bundleMarkdown', () => {
  it('solution first, under the lab title', () => {
    const bundled = bundleMarkdown('# Lab\n\nIntro.\n\n## 1. XOR\n\nrates\n', '# Solution\n\n## 1. Network\n', 'Experiments');
    expect(bundled).toBe('# Lab\n\n## Solution\n\n### 1. Network\n\n## Experiments\n\nIntro.\n\n## 1. XOR\n\nrates\n');
  });
});

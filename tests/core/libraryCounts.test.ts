import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('category counts per language', () => {
  it('counts, per category, one article per twin pair for each reading language', async () => {
    const core = await openTestCore(tempDir());
    const info = await core.getLibraryInfo();
    const articles = await core.listArticles();
    for (const { category, count, byLang } of info.categories) {
      const inCategory = articles.filter((article) => article.category === category);
      expect(count).toBe(inCategory.length);
      for (const lang of ['zh', 'en'] as const) {
        const ids = new Set(inCategory.map((article) => article.id));
        expect(byLang[lang], `${category} ${lang}`).toBe(
          inCategory.filter((article) => article.lang === lang || !article.translation || !ids.has(article.translation))
            .length,
        );
      }
      expect(byLang.zh).toBeLessThan(count);
    }
    core.close();
  });
});

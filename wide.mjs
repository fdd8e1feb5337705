import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3111';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${base}/app/login`);
await page.getByLabel(/e-mail/i).fill('admin@jalin.local');
await page.getByLabel(/kata sandi/i).first().fill('admin-password-123');
await page.getByRole('button', { name: /masuk/i }).click();
await page.waitForURL(/\/app\/(?!login)/);
for (const lang of ['ID', 'EN']) {
  await page.goto(`${base}/app/help`);
  await page.waitForTimeout(1500);
  if (lang === 'EN') { await page.getByText('EN', { exact: true }).click(); await page.waitForTimeout(1000); }
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(800);
  console.log('overflow', await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth));
  const wide = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > vw + 1 && !el.closest('table')).slice(0, 8).map((el) => `${el.tagName} ${Math.round(el.getBoundingClientRect().right)} ${el.textContent.slice(0, 80)}`);
  });
  console.log(lang, document => 0, JSON.stringify(wide, null, 1));
}
await browser.close();

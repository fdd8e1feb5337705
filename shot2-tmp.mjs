import { chromium } from 'playwright-core';
const [,, email, out, width] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, locale: 'id-ID' });
await page.goto('http://127.0.0.1:3999/app/login');
await page.getByLabel(/e-mail/i).fill(email);
await page.getByLabel(/kata sandi/i).fill(email.startsWith('admin') ? 'rahasia-admin-123' : 'rahasia-demo-123');
await page.getByRole('button', { name: /masuk/i }).click();
await page.waitForURL((url) => !url.pathname.endsWith('/login'));
await page.goto('http://127.0.0.1:3999/app/agreements?q=Digitalisasi%20Pajak%20dan%20Retribusi');
await page.getByRole('link', { name: /Pembiayaan UMKM dan Digitalisasi/ }).first().click();
await page.getByRole('tab', { name: 'Evaluasi' }).click();
await page.waitForTimeout(2500);
const rows = page.getByRole('button', { name: /Lihat/ });
if (await rows.count()) { await rows.first().click(); await page.waitForTimeout(2000); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();

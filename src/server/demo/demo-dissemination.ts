import type { SavePackageInput } from '../../shared/dissemination';
import type { CreatePlanInput } from '../../shared/plans';
import type { ActorCtx } from '../lib/context';
import { recordDemoAcknowledgements, savePackage, transitionPackage } from '../modules/dissemination/dissemination.service';
import { getMasterData } from '../modules/master/master.service';
import { createBeneficiary, createPlan } from '../modules/plans/plans.service';
import type { DemoEntry } from './demo-rows';

// Dissemination in the demo, so the gap is real on first start: the transport college and one bank
// agreement published (with scholarships and financing), acknowledged and partly planned; one
// package still in review; most signed agreements (and the newest bank agreement) not disseminated.

type DemoPackage = {
  key: string;
  body: (unit: (shortName: string) => string) => SavePackageInput;
  publish: boolean;
  acknowledgedBy: string[];
  plans: (unit: (shortName: string) => string) => Omit<CreatePlanInput, 'agreementId'>[];
  beneficiaries: { unit: string; kind: string; count: number; amountIdr?: string; reachedOn: string }[];
};

const PACKAGES: DemoPackage[] = [
  {
    key: 'ptdi-pks-2022',
    publish: true,
    acknowledgedBy: ['Dikbud', 'Dishub'],
    body: (unit) => ({
      summaryWhat: 'Putra-putri Kota Ternate dapat kuliah di Politeknik Transportasi Darat Indonesia melalui jalur beasiswa atau biaya mandiri; pegawai Dinas Perhubungan mendapat pelatihan.',
      summaryWithWhom: 'Politeknik Transportasi Darat Indonesia (PTDI-STTD), Kementerian Perhubungan',
      summaryUntil: 'Sampai 13 Maret 2027',
      summaryWhy: 'Membuka jalan bagi lulusan SMA/SMK Ternate menjadi tenaga ahli transportasi darat dan memperkuat layanan perhubungan kota.',
      tasks: [
        { unitId: unit('Dikbud'), commitment: 'Menyosialisasikan jalur beasiswa dan biaya mandiri ke SMA/SMK dan menyeleksi calon taruna', dueOn: '2027-03-31' },
        { unitId: unit('Dishub'), commitment: 'Menyiapkan pegawai untuk pelatihan teknis dan mendampingi taruna praktik kerja', dueOn: '2027-06-30' },
      ],
      opportunities: [
        { type: 'beasiswa', title: 'Beasiswa taruna PTDI-STTD jalur pemerintah daerah', sectorCodes: ['pendidikan', 'perhubungan'], deadline: '2027-04-30', quota: 10, eligibility: 'Lulusan SMA/SMK/MA paling lama 2 tahun, ber-KTP Kota Ternate, usia paling tinggi 23 tahun, sehat jasmani', howToApply: 'Daftar ke Dinas Pendidikan dan Kebudayaan dengan ijazah, rapor dan surat keterangan sehat.', contact: 'Dinas Pendidikan dan Kebudayaan Kota Ternate' },
        { type: 'beasiswa', title: 'Kursi jalur biaya mandiri PTDI-STTD', sectorCodes: ['pendidikan'], deadline: '2027-05-31', quota: 20, eligibility: 'Lulusan SMA/SMK/MA, ber-KTP Kota Ternate; biaya pendidikan ditanggung sendiri', howToApply: 'Daftar daring di laman penerimaan taruna PTDI-STTD dengan kode daerah Kota Ternate.', applyUrl: 'https://ptdisttd.ac.id/' },
      ],
      publicDocumentIds: [],
    }),
    plans: (unit) => [
      { unitId: unit('Dikbud'), title: 'Sosialisasi dan seleksi calon taruna PTDI-STTD', budgetYear: 2027, programCode: '1.01.02', kegiatanCode: '1.01.02.2.01', subKegiatanCode: '1.01.02.2.01.0012', budgetAmount: '85000000', budgetSource: 'APBD', indicators: [{ name: 'Calon taruna terseleksi', unit: 'orang', target: 30 }], startMonth: '2027-01', endMonth: '2027-06' },
    ],
    beneficiaries: [
      { unit: 'Dikbud', kind: 'mahasiswa beasiswa', count: 8, reachedOn: '2025-08-25' },
      { unit: 'Dikbud', kind: 'mahasiswa mandiri', count: 14, reachedOn: '2025-08-25' },
    ],
  },
  {
    key: 'bankmalut-kb-2025',
    publish: true,
    acknowledgedBy: ['Diskop-UKM', 'Bapenda'],
    body: (unit) => ({
      summaryWhat: 'Bank Maluku Malut membiayai UMKM dan pedagang pasar dengan kredit berbunga rendah dan menyediakan pembayaran pajak dan retribusi daerah secara digital (QRIS, kanal bank dan agen).',
      summaryWithWhom: 'PT Bank Pembangunan Daerah Maluku dan Maluku Utara',
      summaryUntil: 'Lima tahun sejak 8 September 2025',
      summaryWhy: 'Pelaku usaha mendapat modal tanpa rentenir; warga membayar pajak dan retribusi tanpa antre; penerimaan daerah tercatat harian.',
      tasks: [
        { unitId: unit('Diskop-UKM'), commitment: 'Mendata dan merekomendasikan UMKM calon debitur', dueOn: '2026-12-31' },
        { unitId: unit('Disperindag'), commitment: 'Mendata pedagang pasar calon penerima kredit dan memfasilitasi pembukaan rekening', dueOn: '2026-12-31' },
        { unitId: unit('Bapenda'), commitment: 'Menyiapkan kanal pembayaran pajak daerah melalui QRIS dan rekonsiliasi harian', dueOn: '2026-10-31' },
      ],
      opportunities: [
        { type: 'pembiayaan', title: 'Kredit mikro UMKM dan pedagang pasar', sectorCodes: ['umkm_koperasi', 'perbankan_keuangan'], deadline: '2027-06-30', scheme: 'Kredit mikro dengan subsidi bunga pemerintah daerah', whoMayApply: 'Pelaku UMKM dan pedagang pasar ber-KTP Kota Ternate dengan usaha berjalan paling singkat 6 bulan', limits: 'Rp5 juta sampai Rp50 juta, tenor sampai 3 tahun', contact: 'Kantor Cabang Utama Bank Maluku Malut Ternate', howToApply: 'Minta surat rekomendasi ke Dinas Koperasi dan UKM atau Dinas Perindustrian dan Perdagangan, lalu ajukan ke kantor cabang.' },
        { type: 'layanan', title: 'Bayar pajak dan retribusi daerah dengan QRIS', sectorCodes: ['pendapatan_daerah'], howToApply: 'Pindai kode QRIS pada tagihan atau bayar di agen bank terdekat.' },
      ],
      publicDocumentIds: [],
    }),
    plans: (unit) => [
      { unitId: unit('Diskop-UKM'), title: 'Pendampingan UMKM calon debitur kredit mikro', budgetYear: 2027, programCode: '2.17.05', kegiatanCode: '2.17.05.2.01', subKegiatanCode: '2.17.05.2.01.0002', budgetAmount: '120000000', budgetSource: 'APBD', indicators: [{ name: 'UMKM terdampingi', unit: 'unit usaha', target: 150 }], startMonth: '2027-02', endMonth: '2027-11' },
    ],
    beneficiaries: [{ unit: 'Diskop-UKM', kind: 'UMKM dibiayai', count: 46, amountIdr: '1150000000', reachedOn: '2026-06-30' }],
  },
  {
    key: 'ptdi-pks-2025',
    publish: true,
    acknowledgedBy: ['Dikbud', 'Dishub'],
    body: (unit) => ({
      summaryWhat: 'Pengiriman calon taruna angkatan 2025 ke PTDI-STTD.',
      summaryWithWhom: 'Politeknik Transportasi Darat Indonesia (PTDI-STTD)',
      summaryUntil: 'Sampai 13 Maret 2027',
      summaryWhy: 'Melanjutkan pengiriman taruna dari Kota Ternate.',
      tasks: [
        { unitId: unit('Dikbud'), commitment: 'Mengirim calon taruna angkatan 2025 dan memantau studinya', dueOn: '2026-09-30' },
        { unitId: unit('Dishub'), commitment: 'Menyiapkan tempat praktik kerja taruna', dueOn: '2026-12-31' },
      ],
      opportunities: [],
      publicDocumentIds: [],
    }),
    plans: () => [],
    beneficiaries: [],
  },
  {
    key: 'mandiri-pks-2022',
    publish: false,
    acknowledgedBy: [],
    body: (unit) => ({
      summaryWhat: 'Pembayaran pajak dan retribusi daerah melalui kanal Bank Mandiri.',
      summaryWithWhom: 'PT Bank Mandiri (Persero) Tbk',
      summaryUntil: 'Sampai 23 Mei 2026',
      summaryWhy: null,
      tasks: [{ unitId: unit('Bapenda'), commitment: 'Menyambungkan sistem pajak daerah ke kanal pembayaran bank', dueOn: '2026-03-31' }],
      opportunities: [],
      publicDocumentIds: [],
    }),
    plans: () => [],
    beneficiaries: [],
  },
];

// Mail queued here is held: the demo's ctx carries held mail settings (load-demo.ts).
export async function loadDemoDissemination(ctx: ActorCtx, { entries, ids }: { entries: DemoEntry[]; ids: Map<string, string> }): Promise<number> {
  const unitRows = (await getMasterData(ctx)).units;
  const unit = (shortName: string) => {
    const found = unitRows.find((row) => row.shortName === shortName);
    if (!found) throw new Error(`demo dissemination: no OPD ${shortName}`);
    return found.id;
  };
  const numberOf = new Map(entries.map((entry) => [entry.key, entry.numberOurs]));
  let published = 0;
  for (const spec of PACKAGES) {
    const agreementId = ids.get(numberOf.get(spec.key) ?? '');
    if (!agreementId) continue;
    const saved = await savePackage(ctx, { agreementId, ...spec.body(unit) });
    const submitted = await transitionPackage(ctx, { agreementId, action: 'submit', version: saved.version });
    if (!spec.publish) continue;
    await transitionPackage(ctx, { agreementId, action: 'publish', version: submitted.version });
    published += 1;
    // The OPDs' acknowledgements, as their liaisons would have given them.
    await recordDemoAcknowledgements(ctx, { agreementId, unitIds: spec.acknowledgedBy.map(unit) });
    for (const plan of spec.plans(unit)) await createPlan(ctx, { ...plan, agreementId });
    for (const beneficiary of spec.beneficiaries) {
      await createBeneficiary(ctx, { agreementId, unitId: unit(beneficiary.unit), kind: beneficiary.kind, count: beneficiary.count, amountIdr: beneficiary.amountIdr ?? null, reachedOn: beneficiary.reachedOn });
    }
  }
  return published;
}

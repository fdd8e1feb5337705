import type { CreateProposalInput, ProposalAction } from '../../shared/proposals';
import type { ActorCtx } from '../lib/context';
import { getMasterData } from '../modules/master/master.service';
import { createProposal, getProposal } from '../modules/proposals/core/proposals.service';
import { uploadProposalDocument } from '../modules/proposals/documents/documents.service';
import { transitionProposal } from '../modules/proposals/transitions/transitions.service';
import { renderPdf } from './demo-pdf';

// Proposals in the demo, so the board has cards on first start: each one is created, given the
// documents its stage asks for and moved through the real services (the procedure's own rules
// decide where it lands). Steps are dated back from the load time, so "days in stage" and the
// overdue markers show something true.

type Step = { action: ProposalAction; daysAgo: number; note?: string };

type DemoProposal = {
  unit: string | null;
  body: Omit<CreateProposalInput, 'unitId' | 'initiatorType'>;
  external?: CreateProposalInput['external'];
  createdDaysAgo: number;
  steps: Step[];
};

const PROPOSALS: DemoProposal[] = [
  {
    unit: 'Diskop-UKM',
    createdDaysAgo: 9,
    steps: [{ action: 'submit', daysAgo: 6 }],
    body: {
      kind: 'KSDPK',
      title: 'Pelatihan pemasaran digital bagi UMKM Kota Ternate',
      plannedPartners: [{ name: 'PT Pasar Digital Nusantara', categoryCode: 'swasta' }],
      sectorCodes: ['umkm_koperasi'],
      latarBelakang: 'Sebagian besar UMKM Ternate belum menjual secara daring dan belum menerima pembayaran digital.',
      maksudTujuan: 'Melatih pelaku UMKM memasarkan produk di lokapasar dan menerima pembayaran QRIS.',
      ruangLingkup: 'Pelatihan, pendampingan toko daring dan kurasi produk unggulan.',
      manfaat: 'Pasar UMKM meluas ke luar Maluku Utara dan omzet tercatat.',
      jangkaWaktuBulan: 24,
    },
  },
  {
    unit: 'Dikbud',
    createdDaysAgo: 75,
    steps: [
      { action: 'submit', daysAgo: 70 },
      { action: 'validate', daysAgo: 52 },
    ],
    body: {
      kind: 'KSDPK',
      title: 'Program diploma pelayaran bagi pemuda pesisir',
      plannedPartners: [{ name: 'Politeknik Pelayaran Ambon', categoryCode: 'perguruan_tinggi_negeri' }],
      sectorCodes: ['pendidikan', 'perhubungan'],
      latarBelakang: 'Pemuda pulau-pulau di Ternate sulit menempuh pendidikan pelayaran yang bersertifikat.',
      maksudTujuan: 'Membuka kuota program diploma pelayaran bagi lulusan SMA/SMK Kota Ternate.',
      ruangLingkup: 'Seleksi bersama, beasiswa sebagian dan praktik laut di kapal perintis.',
      manfaat: 'Lulusan bekerja sebagai pelaut bersertifikat dan memperkuat transportasi antarpulau.',
      jangkaWaktuBulan: 36,
    },
  },
  {
    unit: 'DLH',
    createdDaysAgo: 120,
    steps: [
      { action: 'submit', daysAgo: 115 },
      { action: 'validate', daysAgo: 100 },
      { action: 'advance', daysAgo: 70 },
      { action: 'advance', daysAgo: 12 },
    ],
    body: {
      kind: 'KSDPK',
      title: 'Pengolahan sampah plastik menjadi bahan bakar alternatif',
      plannedPartners: [{ name: 'PT Energi Hijau Maluku', categoryCode: 'swasta' }],
      sectorCodes: ['lingkungan_hidup'],
      latarBelakang: 'Sampah plastik di TPA Buku Deru-deru bertambah dan belum diolah.',
      maksudTujuan: 'Mengolah sampah plastik kota menjadi bahan bakar alternatif bagi industri.',
      ruangLingkup: 'Pemilahan di bank sampah, pengangkutan dan pengolahan pirolisis.',
      manfaat: 'Sampah ke TPA berkurang dan bank sampah mendapat pemasukan.',
      jangkaWaktuBulan: 60,
    },
  },
  {
    unit: 'Dishub',
    createdDaysAgo: 30,
    steps: [
      { action: 'submit', daysAgo: 28 },
      { action: 'send_back', daysAgo: 20, note: 'Lengkapi studi kelayakan dan perkiraan penerimaan retribusi parkir.' },
    ],
    body: {
      kind: 'KSDPK',
      title: 'Pembayaran retribusi parkir tepi jalan secara nontunai',
      plannedPartners: [{ name: 'PT Bank Pembangunan Daerah Maluku dan Maluku Utara', categoryCode: 'bumd' }],
      sectorCodes: ['perhubungan', 'pendapatan_daerah'],
      latarBelakang: 'Retribusi parkir tepi jalan dipungut tunai dan sulit diawasi.',
      maksudTujuan: 'Menerapkan pembayaran parkir dengan QRIS dan kartu di ruas jalan utama.',
      ruangLingkup: 'Penyediaan perangkat, pelatihan juru parkir dan rekonsiliasi harian.',
      manfaat: 'Penerimaan retribusi parkir tercatat dan kebocoran berkurang.',
      jangkaWaktuBulan: 36,
    },
  },
  {
    unit: null,
    createdDaysAgo: 4,
    steps: [{ action: 'submit', daysAgo: 3 }],
    external: { institution: 'Universitas Khairun', contactName: 'Dr. Rahmawati Umar', email: 'lppm@unkhair.demo.jalin.local', phone: '0921 312 0000' },
    body: {
      kind: 'KSDPL',
      title: 'Kuliah kerja nyata tematik penurunan stunting',
      plannedPartners: [{ name: 'Universitas Khairun', categoryCode: 'perguruan_tinggi_negeri' }],
      sectorCodes: ['kesehatan'],
      latarBelakang: 'Angka stunting di beberapa kelurahan Ternate masih di atas target nasional.',
      maksudTujuan: 'Menempatkan mahasiswa KKN untuk pendampingan keluarga berisiko stunting.',
      ruangLingkup: 'Pendataan, edukasi gizi dan pendampingan posyandu di kelurahan sasaran.',
      manfaat: 'Keluarga berisiko mendapat pendampingan dan data posyandu lebih lengkap.',
      jangkaWaktuBulan: 12,
    },
  },
  {
    unit: 'Bapenda',
    createdDaysAgo: 2,
    steps: [],
    body: {
      kind: 'KSDPK',
      title: 'Pemutakhiran data objek pajak bumi dan bangunan',
      plannedPartners: [{ name: 'Badan Pertanahan Nasional Kota Ternate', categoryCode: 'pemerintah_pusat' }],
      sectorCodes: ['pendapatan_daerah'],
      latarBelakang: 'Data objek PBB belum sesuai dengan data bidang tanah terdaftar.',
      maksudTujuan: 'Mencocokkan data objek PBB dengan peta bidang tanah.',
      ruangLingkup: 'Pertukaran data, pemetaan bersama dan pemutakhiran nilai jual objek pajak.',
      manfaat: 'Ketetapan PBB lebih adil dan penerimaan daerah naik.',
      jangkaWaktuBulan: 24,
    },
  },
];

const DAY_MS = 86_400_000;

// One small text PDF per document type, written once for the whole demo.
function pdfMaker(createdAt: Date) {
  const made = new Map<string, Promise<Buffer>>();
  return (docType: string) => {
    let pdf = made.get(docType);
    if (!pdf) {
      pdf = renderPdf({ title: `Dokumen usulan: ${docType}`, blocks: [{ text: `Dokumen usulan kerja sama (${docType})`, style: 'title' }, { text: 'Dokumen contoh data demo Jalin.' }], createdAt });
      made.set(docType, pdf);
    }
    return pdf;
  };
}

async function takeStep(ctx: ActorCtx, id: string, step: Step, pdfOf: (docType: string) => Promise<Buffer>) {
  const at: ActorCtx = { ...ctx, now: new Date(ctx.now.getTime() - step.daysAgo * DAY_MS) };
  const before = await getProposal(at, id);
  // A stage closes only with its documents: upload what the procedure still asks for.
  if (step.action === 'validate' || step.action === 'advance') {
    for (const docType of before.missingDocTypes) {
      await uploadProposalDocument(at, { proposalId: id, upload: { fields: { docType }, file: { fileName: `${docType}.pdf`, bytes: await pdfOf(docType) } } });
    }
  }
  const { version } = await getProposal(at, id);
  await transitionProposal(at, { id, action: step.action, version, note: step.note });
}

export async function loadDemoProposals(ctx: ActorCtx): Promise<number> {
  const units = (await getMasterData(ctx)).units;
  const unitId = (shortName: string) => {
    const found = units.find((row) => row.shortName === shortName);
    if (!found) throw new Error(`demo proposals: no OPD ${shortName}`);
    return found.id;
  };
  const pdfOf = pdfMaker(ctx.now);
  for (const spec of PROPOSALS) {
    const at: ActorCtx = { ...ctx, now: new Date(ctx.now.getTime() - spec.createdDaysAgo * DAY_MS) };
    const initiator = spec.unit ? { initiatorType: 'opd' as const, unitId: unitId(spec.unit) } : { initiatorType: 'external' as const, external: spec.external };
    const created = await createProposal(at, { burdensPublic: false, unbudgetedInApbd: false, ...spec.body, ...initiator });
    for (const step of spec.steps) await takeStep(ctx, created.id, step, pdfOf);
  }
  return PROPOSALS.length;
}
